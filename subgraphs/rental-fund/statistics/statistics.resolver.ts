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
} from '../../conventions/statistics/contract';

/**
 * Rentals issued and returned per month and territory (seed 003 §34.8 statistics; seed 004 annex 1 §5.1 demand),
 * counted in SQL. The rental fund does not know target categories, so its cells are for ALL; small counts are
 * suppressed here, before they leave the fund's database.
 */
/** This subgraph's StatisticsReport entity, which its statistics field extends. */
export const StatisticsReportEntity = statisticsReportType();

@Resolver(() => StatisticsReportEntity)
export class RentalStatisticsResolver {
  @Authorized(Role.ANALYST, Role.ADMINISTRATOR)
  @StatisticsContribution({ description: 'Rental fund statistics by month and territory; small counts suppressed.' })
  async rentalFundStatistics(
    @Root() { fromMonth, toMonth, territoryOktmo }: StatisticsReport,
    @Ctx() ctx: HubContext,
  ): Promise<StatisticCell[]> {
    const range = monthRange(fromMonth, toMonth);
    const rows = await ctx.em.execute<{ month: string; territory_oktmo: string; indicator: string; count: number }[]>(
      `select to_char(e.day, 'YYYY-MM') as month, p.territory_oktmo, e.indicator, count(*)::int as count
         from (select rental_point_id, issued_on as day, 'RENTALS_ISSUED' as indicator from rental_contract
               union all select rental_point_id, returned_on, 'RENTALS_RETURNED' from rental_contract where returned_on is not null
               union all select rental_point_id, applied_on, 'RENTAL_APPLICATIONS_QUEUED' from rental_application where status = 'QUEUED') e
         join rental_point p on p.id = e.rental_point_id
        where e.day >= ?::date and e.day < ?::date and (?::text is null or p.territory_oktmo = ?::text)
        group by 1, 2, 3 order by 1, 2, 3`,
      [range.from, range.toExclusive, territoryOktmo, territoryOktmo],
    );
    return releaseCells(
      'RENTAL_FUND',
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
