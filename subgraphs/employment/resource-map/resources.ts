import type { EntityManager } from '@mikro-orm/postgresql';
import type { HubContext } from '../../kit/platform/context';
import { sqlTextArray } from '../../kit/platform/database';
import { DEMO_ORGANIZATIONS as ORG } from '../../kit/demo/organizations';
import { ProvidedService, resourcesResolver, territoryStub, type ServiceCapacity } from '../../conventions/resource-map/contract';
import { stableId } from '../../kit/domain/stable-id';

export const Territory = territoryStub();

interface Row {
  territory_oktmo: string;
  quota: number;
  filled: number;
  employers: number;
}

/** Quota jobs for disabled people (seed 003 §28), summed per territory in SQL: places and free places. */
async function quotaJobs(ctx: HubContext, oktmos: readonly string[]): Promise<Map<string, ServiceCapacity[]>> {
  const rows = await ctx.em.execute<Row[]>(
    `select territory_oktmo, sum(quota)::int as quota, sum(filled)::int as filled, count(distinct employer_name)::int as employers
       from quota_job where territory_oktmo = any(?::text[]) group by territory_oktmo`,
    [sqlTextArray(oktmos)],
  );
  return new Map(
    rows.map((r) => [
      r.territory_oktmo,
      [
        {
          serviceKind: 'QUOTA_JOBS',
          name: `Квотируемые рабочие места (${r.employers} работодателей)`,
          agency: 'EMPLOYMENT',
          organizationId: null,
          address: null,
          latitude: null,
          longitude: null,
          openingHours: null,
          phone: null,
          capacityTotal: r.quota,
          capacityAvailable: Math.max(0, r.quota - r.filled),
          queueLength: null,
          unit: 'jobs',
        },
      ],
    ]),
  );
}

export const EmploymentResourcesResolver = resourcesResolver(Territory, 'EMPLOYMENT', 'employmentResources', quotaJobs);

/** Social employment places of the demo employment centre (synthetic figures). */
export async function loadDemoServices(em: EntityManager): Promise<void> {
  await em.upsertMany(ProvidedService, [
    {
      id: stableId('provided-service', 'emp-brk-social-employment'),
      territoryOktmo: ORG.bratskEmploymentCentre.oktmo,
      serviceKind: 'SOCIAL_EMPLOYMENT',
      name: 'Социальная занятость (приказ 605н)',
      organizationId: ORG.bratskEmploymentCentre.id,
      address: 'г. Братск, ул. Трудовая (демо), 3',
      latitude: 56.1325,
      longitude: 101.614,
      openingHours: 'пн–пт 9:00–18:00',
      phone: '+7 3953 00-00-03',
      capacityTotal: 6,
      capacityUsed: 1,
      unit: 'places',
    },
  ]);
}
