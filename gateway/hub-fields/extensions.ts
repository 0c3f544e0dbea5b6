import { accessLogFields, ACCESS_LOG_SDL } from '../route/access-log';
import { familyRouteField, FAMILY_ROUTE_SDL } from '../route/family-route';
import { resourceMapFields, RESOURCE_MAP_SDL, STATISTICS_SDL } from '../resource-map/resource-map';
import type { HubExtension } from './hub-gateway';

/**
 * All convention fields of the hub, discovered anew from whatever supergraph the gateway serves. A convention
 * is offered only when the supergraph has its types, so a hub without (say) statistics still starts.
 */
export function hubExtension(supergraphSdl: string): HubExtension {
  const has = (...types: string[]) => types.every((t) => new RegExp(`^type ${t}\\b`, 'm').test(supergraphSdl));
  const { map, statistics } = resourceMapFields(supergraphSdl);
  const parts: [boolean, string, HubExtension['fields']][] = [
    [has('Family', 'AgencyRoute'), FAMILY_ROUTE_SDL, [familyRouteField(supergraphSdl)]],
    [has('Person', 'AccessLogEntry'), ACCESS_LOG_SDL, accessLogFields(supergraphSdl)],
    [has('Territory', 'ServiceCapacity', 'TerritoryDemand'), RESOURCE_MAP_SDL, [map]],
    [has('StatisticCell'), STATISTICS_SDL, [statistics]],
  ];
  const offered = parts.filter(([present]) => present);
  return { sdl: offered.map(([, sdl]) => sdl).join('\n'), fields: offered.flatMap(([, , fields]) => fields) };
}
