import { resourcesResolver, territoryStub, type HubContext, type LiveCapacity, type ServiceCapacity } from '@federation-hub/partner-kit';
import { AGENCY } from '../agency';

export const Territory = territoryStub();

/**
 * The centre's sections as supply on the resource map (CONVENTIONS §4): places in total and free now, where
 * the places used are the enrolments not left yet, counted by PostgreSQL for all territories of the request at once.
 */
const sectionCapacity: LiveCapacity = async (ctx: HubContext, oktmos) => {
  const rows = await ctx.rootEm.getConnection().execute<
    {
      territory_oktmo: string;
      kind: string;
      name: string;
      organization_id: string | null;
      schedule: string;
      capacity: number;
      used: string;
    }[]
  >(
    `select s.territory_oktmo, s.kind, s.name, s.organization_id, s.schedule, s.capacity, count(e.id) as used
       from section s left join section_enrolment e on e.section_id = s.id and e.left_on is null
      where s.territory_oktmo = any(?::text[])
      group by s.id order by s.kind, s.name`,
    [`{${oktmos.filter((o) => /^\d{8,11}$/.test(o)).join(',')}}`],
  );
  const byTerritory = new Map<string, ServiceCapacity[]>();
  for (const row of rows) {
    const services = byTerritory.get(row.territory_oktmo) ?? [];
    services.push({
      serviceKind: row.kind === 'ADAPTIVE_SPORT' ? 'ADAPTIVE_SPORT' : 'INCLUSIVE_CULTURE',
      name: row.name,
      agency: AGENCY,
      organizationId: row.organization_id,
      address: null,
      latitude: null,
      longitude: null,
      openingHours: row.schedule,
      phone: null,
      capacityTotal: row.capacity,
      capacityAvailable: Math.max(0, row.capacity - Number(row.used)),
      queueLength: null,
      unit: 'places',
    });
    byTerritory.set(row.territory_oktmo, services);
  }
  return byTerritory;
};

export const CultureResourcesResolver = resourcesResolver(Territory, AGENCY, 'cultureResources', sectionCapacity);
