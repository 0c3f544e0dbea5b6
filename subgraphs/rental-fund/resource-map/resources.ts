import type { HubContext } from '../../kit/platform/context';
import { sqlTextArray } from '../../kit/platform/database';
import { resourcesResolver, territoryStub, type ServiceCapacity } from '../../conventions/resource-map/contract';

export const Territory = territoryStub();

interface Row {
  territory_oktmo: string;
  point_id: string;
  name: string;
  address: string;
  latitude: number;
  longitude: number;
  opening_hours: string;
  phone: string | null;
  organization_id: string;
  aid_code: string;
  aid_name: string;
  total: number;
  available: number;
  queued: number;
}

/**
 * Live capacity of the rental fund on territories: per point and aid type, items in stock, free now and
 * people queued (HSDS service_capacity), counted in one grouped statement for all territories asked for — and only
 * for their points: counting the whole fund's stock for one territory was most of that territory's map query.
 */
async function rentalCapacity(ctx: HubContext, oktmos: readonly string[]): Promise<Map<string, ServiceCapacity[]>> {
  const rows = await ctx.em.execute<Row[]>(
    `with point as (select * from rental_point where territory_oktmo = any(?::text[])),
     stock as (
       select rental_point_id, aid_code,
              count(*) filter (where condition <> 'WRITTEN_OFF') as total,
              count(*) filter (where condition = 'WORKING_ORDER' and not on_loan) as available
         from rental_item where rental_point_id in (select id from point) group by rental_point_id, aid_code),
     queue as (
       select rental_point_id, aid_code, count(*) as queued from rental_application
        where status = 'QUEUED' and rental_point_id in (select id from point)
        group by rental_point_id, aid_code)
     select p.territory_oktmo, p.id as point_id, p.name, p.address, p.latitude, p.longitude, p.opening_hours, p.phone,
            p.organization_id, sq.aid_code, a.name as aid_name, sq.total, sq.available, sq.queued
       from point p
       join (select coalesce(s.rental_point_id, q.rental_point_id) as rental_point_id, coalesce(s.aid_code, q.aid_code) as aid_code,
                    coalesce(s.total, 0)::int as total, coalesce(s.available, 0)::int as available, coalesce(q.queued, 0)::int as queued
               from stock s full join queue q on q.rental_point_id = s.rental_point_id and q.aid_code = s.aid_code) sq
         on sq.rental_point_id = p.id
       left join aid_type a on a.code = sq.aid_code
      order by 1, 2, 10`,
    [sqlTextArray(oktmos)],
  );
  const byTerritory = new Map<string, ServiceCapacity[]>();
  for (const r of rows) {
    const list = byTerritory.get(r.territory_oktmo) ?? [];
    list.push({
      serviceKind: 'TECHNICAL_AID_RENTAL',
      name: `${r.name}: ${r.aid_name ?? r.aid_code}`,
      agency: 'RENTAL_FUND',
      organizationId: r.organization_id,
      address: r.address,
      latitude: r.latitude,
      longitude: r.longitude,
      openingHours: r.opening_hours,
      phone: r.phone,
      capacityTotal: r.total,
      capacityAvailable: r.available,
      queueLength: r.queued,
      unit: 'items',
    });
    byTerritory.set(r.territory_oktmo, list);
  }
  return byTerritory;
}

export const RentalFundResourcesResolver = resourcesResolver(Territory, 'RENTAL_FUND', 'rentalFundResources', rentalCapacity);
