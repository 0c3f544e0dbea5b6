import { accessLogFields, ACCESS_LOG_SDL } from '../route/access-log';
import { familyRouteField, FAMILY_ROUTE_SDL } from '../route/family-route';
import { resourceMapFields, RESOURCE_MAP_SDL } from '../resource-map/resource-map';
import type { HubExtension } from './hub-gateway';

/** All convention fields of the hub, discovered anew from whatever supergraph the gateway serves. */
export function hubExtension(supergraphSdl: string): HubExtension {
  return {
    sdl: FAMILY_ROUTE_SDL + ACCESS_LOG_SDL + RESOURCE_MAP_SDL,
    fields: [familyRouteField(supergraphSdl), ...accessLogFields(supergraphSdl), ...resourceMapFields(supergraphSdl)],
  };
}
