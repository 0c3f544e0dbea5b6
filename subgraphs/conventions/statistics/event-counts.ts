import { Authorized, Ctx, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { Role } from '../../kit/policy/roles';
import {
  monthRange,
  releaseCells,
  statisticsReportType,
  StatisticsContribution,
  type StatisticCell,
  type StatisticsReport,
} from './contract';

/**
 * One indicator an agency counts from its own records: a SELECT giving, per record, the `day` it counts on and the
 * `territory_oktmo` it belongs to. `provider_territory` (organization_id → territory_oktmo) is in scope for it.
 */
export interface CountedEvent {
  indicator: string;
  sql: string;
}

/**
 * Where an agency's providers are, from its own part of the resource map (provided_service, seed 003 §34.2): the
 * agency records the organization that acted, and the map places the organization on a territory. A record of an
 * organization the agency has not mapped has no territory and is not counted.
 */
export const PROVIDER_TERRITORY_SQL = `provider_territory as (
  select distinct on (organization_id) organization_id, territory_oktmo
    from provided_service where organization_id is not null
   order by organization_id, territory_oktmo)`;

/** The events of one agency counted per month × territory × indicator, in one SQL statement over its database. */
export function eventCountsSql(events: readonly CountedEvent[]): string {
  for (const e of events) {
    if (!/^[A-Z][A-Z_]*$/.test(e.indicator)) throw new Error(`An indicator is UPPER_SNAKE_CASE, got ${e.indicator}`);
  }
  const union = events.map((e) => `select '${e.indicator}' as indicator, x.day, x.territory_oktmo from (${e.sql}) x`).join('\n union all ');
  return `with ${PROVIDER_TERRITORY_SQL},
  events as (${union})
  select to_char(day, 'YYYY-MM') as month, territory_oktmo, indicator, count(*)::int as count
    from events
   where day >= ?::date and day < ?::date and territory_oktmo is not null and (?::text is null or territory_oktmo = ?::text)
   group by 1, 2, 3 order by 1, 2, 3`;
}

/**
 * An agency's contribution to the statistics convention counted from its own records, aggregated in SQL and
 * suppressed (kit/policy/suppression.ts) before the cells leave its database, as the other agencies do. The cells
 * are for ALL target categories: these agencies do not hold the status that the categories of seed 003 §3 need.
 */
export function eventStatisticsResolver(agency: string, fieldName: string, description: string, events: readonly CountedEvent[]) {
  const sql = eventCountsSql(events);
  const StatisticsReportEntity = statisticsReportType();

  @Resolver(() => StatisticsReportEntity)
  class EventStatisticsResolver {
    @Authorized(Role.ANALYST, Role.ADMINISTRATOR)
    @StatisticsContribution({ name: fieldName, description })
    async statistics(@Root() { fromMonth, toMonth, territoryOktmo }: StatisticsReport, @Ctx() ctx: HubContext): Promise<StatisticCell[]> {
      const range = monthRange(fromMonth, toMonth);
      const rows = await ctx.em.execute<{ month: string; territory_oktmo: string; indicator: string; count: number }[]>(sql, [
        range.from,
        range.toExclusive,
        territoryOktmo,
        territoryOktmo,
      ]);
      return releaseCells(
        agency,
        rows.map((r) => ({
          month: r.month,
          territoryOktmo: r.territory_oktmo,
          indicator: r.indicator,
          targetCategory: 'ALL',
          count: r.count,
        })),
      );
    }
  }
  return { StatisticsReportEntity, StatisticsResolver: EventStatisticsResolver };
}
