import type { HubContext } from '../../kit/platform/context';
import { resourcesResolver, type ServiceCapacity } from '../../conventions/resource-map/contract';
import { Organization, OrganizationKind } from '../organization/organization.entity';
import { Territory } from '../territory/territory.entity';

/** Operator organizations and resource centres are social protection's supply: social support (seed 003 §4.2–4.3, §22). */
async function operatorServices(ctx: HubContext, oktmos: readonly string[]): Promise<Map<string, ServiceCapacity[]>> {
  const organizations = await ctx.em.find(
    Organization,
    { territory: { oktmo: { $in: [...oktmos] } }, kind: { $in: [OrganizationKind.OPERATOR, OrganizationKind.RESOURCE_CENTRE] } },
    { orderBy: { code: 'asc' } },
  );
  const byTerritory = new Map<string, ServiceCapacity[]>();
  for (const o of organizations) {
    const list = byTerritory.get(o.territory.oktmo) ?? [];
    list.push({
      serviceKind: o.kind === OrganizationKind.OPERATOR ? 'SOCIAL_SUPPORT' : 'REHABILITATION_CENTRE',
      name: o.name,
      agency: 'SOCIAL_PROTECTION',
      organizationId: o.id,
      address: o.postalAddress,
      latitude: null,
      longitude: null,
      openingHours: null,
      phone: o.phone,
      capacityTotal: null,
      capacityAvailable: null,
      queueLength: null,
      unit: 'organization',
    });
    byTerritory.set(o.territory.oktmo, list);
  }
  return byTerritory;
}

export const SocialProtectionResourcesResolver = resourcesResolver(
  Territory,
  'SOCIAL_PROTECTION',
  'socialProtectionResources',
  operatorServices,
);
