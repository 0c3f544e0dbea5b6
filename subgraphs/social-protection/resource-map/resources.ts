import type { HubContext } from '../../kit/platform/context';
import { resourcesResolver, type ServiceCapacity } from '../../conventions/resource-map/contract';
import { Organization, OrganizationKind } from '../organization/organization.entity';
import { Territory } from '../territory/territory.entity';

/**
 * Social protection's supply: operator organizations (social support), resource centres and its own co-executors —
 * the rehabilitation and family centres of the seed 003 annex (seed 003 §4.2–4.4, §22, §32.1). Co-executors of
 * other agencies are on their own agency's map.
 */
async function operatorServices(ctx: HubContext, oktmos: readonly string[]): Promise<Map<string, ServiceCapacity[]>> {
  const organizations = await ctx.em.find(
    Organization,
    {
      territory: { oktmo: { $in: [...oktmos] } },
      $or: [
        { kind: { $in: [OrganizationKind.OPERATOR, OrganizationKind.RESOURCE_CENTRE] } },
        { kind: OrganizationKind.CO_EXECUTOR, agency: 'SOCIAL_PROTECTION' },
      ],
    },
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
