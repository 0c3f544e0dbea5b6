import { today } from '../../kit/platform/clock';
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
  type RawCount,
} from '../../conventions/statistics/contract';
import { suppressionThreshold } from '../../kit/policy/suppression';
import { calendarFor } from '../calendar/calendar.loader';
import type { SignalSource } from '../signal/signal.entity';
import type { SupportStage } from '../support-case/stages';
import { stayOutcome } from './deadline-outcome';
import { targetCategorySql } from './target-category.sql';

/**
 * Monthly statistics of the support process for resource centres (seed 003 §34.8–34.9, §36–37):
 * signals received, cases opened and concluded, referrals by outcome, deadlines met and missed, and
 * the compliance rate. Counted in SQL; deadlines need the working-day calendar, so the SQL returns
 * stage stays grouped by (territory, stage, entered on, left on) and the calendar classifies the groups.
 */
/** This subgraph's StatisticsReport entity, which its statistics field extends. */
export const StatisticsReportEntity = statisticsReportType();

@Resolver(() => StatisticsReportEntity)
export class StatisticsResolver {
  @Authorized(Role.ANALYST, Role.ADMINISTRATOR)
  @StatisticsContribution({
    description: 'Social protection statistics by month, territory and target category; small counts suppressed.',
  })
  async socialProtectionStatistics(
    @Root() { fromMonth, toMonth, territoryOktmo }: StatisticsReport,
    @Ctx() ctx: HubContext,
  ): Promise<StatisticCell[]> {
    const range = monthRange(fromMonth, toMonth);
    const connection = ctx.em.getConnection();
    const params = [range.from, range.toExclusive, territoryOktmo];
    const category = targetCategorySql(today());
    const counts = (await connection.execute(
      `
      with events as (
        select to_char(s.received_on, 'YYYY-MM') as month, f.territory_oktmo, 'SIGNALS_RECEIVED' as indicator, ${category} as category
          from signal s join person p on p.id = s.person_id
          join lateral (select f.territory_oktmo from family_member m join family f on f.id = m.family_id where m.person_id = p.id limit 1) f on true
          where s.received_on >= ?::date and s.received_on < ?::date
        union all
        select to_char(c.opened_on, 'YYYY-MM'), c.territory_oktmo, 'CASES_OPENED', ${category}
          from support_case c join person p on p.id = c.person_id where c.opened_on >= ?::date and c.opened_on < ?::date
        union all
        select to_char(c.closed_on, 'YYYY-MM'), c.territory_oktmo, 'CASES_' || c.stage, ${category}
          from support_case c join person p on p.id = c.person_id
          where c.closed_on >= ?::date and c.closed_on < ?::date and c.stage in ('CONCLUDED', 'DECLINED', 'STOPPED')
        union all
        select to_char(r.status_changed_on, 'YYYY-MM'), c.territory_oktmo, 'REFERRALS_' || r.status, ${category}
          from referral r join support_case c on c.id = r.case_id join person p on p.id = r.person_id
          where r.status_changed_on >= ?::date and r.status_changed_on < ?::date
      )
      select month, territory_oktmo, indicator, category, count(*)::int as count from events
       where territory_oktmo is not null and (?::text is null or territory_oktmo = ?::text)
       group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
      [...params.slice(0, 2), ...params.slice(0, 2), ...params.slice(0, 2), ...params.slice(0, 2), territoryOktmo, territoryOktmo],
    )) as { month: string; territory_oktmo: string; indicator: string; category: string; count: number }[];

    // Stage stays whose deadline fell in the period: when the stage was entered and left, and what the deadline rule
    // needs besides (caseDeadline): the opening signal's source, the appeal day, and for a programme stay the approval
    // day of the IPPSU agreed on entering it (an IPSS has none).
    const stays = (await connection.execute(
      `
      with stays as (
        select t.case_id, t.to_stage as stage, t."on" as entered_on,
               lead(t."on") over (partition by t.case_id order by t.recorded_at) as left_on
          from stage_transition t
      )
      select c.territory_oktmo, st.stage, st.entered_on::text as entered_on, st.left_on::text as left_on,
             c.opening_source, c.appealed_on::text as appealed_on, pr.approved_on::text as approved_on,
             ${category} as category, count(*)::int as count
        from stays st join support_case c on c.id = st.case_id join person p on p.id = c.person_id
        left join lateral (
          select g.approved_on from programme g
           where st.stage = 'PROGRAMME_AGREED' and g.case_id = c.id and g.agreed_on = st.entered_on
           order by g.approved_on desc nulls last limit 1
        ) pr on true
       where st.stage in ('IDENTIFIED', 'CONTACTED', 'NEEDS_ASSESSED', 'PROGRAMME_AGREED')
         and st.entered_on >= (?::date - interval '2 months') and st.entered_on < ?::date
         and c.territory_oktmo is not null and (?::text is null or c.territory_oktmo = ?::text)
       group by 1, 2, 3, 4, 5, 6, 7, 8`,
      [range.from, range.toExclusive, territoryOktmo, territoryOktmo],
    )) as {
      territory_oktmo: string;
      stage: SupportStage;
      entered_on: string;
      left_on: string | null;
      opening_source: SignalSource | null;
      appealed_on: string | null;
      approved_on: string | null;
      category: string;
      count: number;
    }[];

    const day = today();
    const deadlineCounts = new Map<string, RawCount>();
    for (const stay of stays) {
      const calendar = await calendarFor(ctx, stay.territory_oktmo);
      const result = stayOutcome(
        {
          stage: stay.stage,
          stageEnteredOn: stay.entered_on,
          leftOn: stay.left_on,
          appealedOn: stay.appealed_on,
          openingSource: stay.opening_source,
          serviceProgrammeApprovedOn: stay.approved_on,
        },
        calendar,
        day,
      );
      if (!result?.outcome) continue;
      const due = result.dueDate;
      if (due < range.from || due >= range.toExclusive) continue;
      const indicator = result.outcome === 'MET' ? 'DEADLINES_MET' : 'DEADLINES_MISSED';
      const key = `${due.slice(0, 7)}|${stay.territory_oktmo}|${indicator}|${stay.category}`;
      const entry = deadlineCounts.get(key) ?? {
        month: due.slice(0, 7),
        territoryOktmo: stay.territory_oktmo,
        indicator,
        targetCategory: stay.category,
        count: 0,
      };
      entry.count += stay.count;
      deadlineCounts.set(key, entry);
    }
    const rows: RawCount[] = [
      ...counts.map((r) => ({
        month: r.month,
        territoryOktmo: r.territory_oktmo,
        indicator: r.indicator,
        targetCategory: r.category,
        count: r.count,
      })),
      ...deadlineCounts.values(),
    ];
    return [...releaseCells('SOCIAL_PROTECTION', rows), ...complianceRates(rows)];
  }
}

/** Deadline compliance per month and territory: met ÷ (met + missed), withheld when the denominator is small. */
function complianceRates(rows: RawCount[]): StatisticCell[] {
  const threshold = suppressionThreshold();
  const totals = new Map<string, { month: string; territoryOktmo: string; met: number; all: number }>();
  for (const row of rows) {
    if (row.indicator !== 'DEADLINES_MET' && row.indicator !== 'DEADLINES_MISSED') continue;
    const key = `${row.month}|${row.territoryOktmo}`;
    const total = totals.get(key) ?? { month: row.month, territoryOktmo: row.territoryOktmo, met: 0, all: 0 };
    total.all += row.count;
    if (row.indicator === 'DEADLINES_MET') total.met += row.count;
    totals.set(key, total);
  }
  return [...totals.values()].map((t) => {
    const suppressed = t.all < threshold;
    const percent = Math.round((t.met / t.all) * 1000) / 10;
    return {
      month: t.month,
      territoryOktmo: t.territoryOktmo,
      agency: 'SOCIAL_PROTECTION',
      indicator: 'DEADLINE_COMPLIANCE_PERCENT',
      targetCategory: 'ALL',
      value: suppressed ? `<${threshold} cases` : String(percent),
      count: suppressed ? null : Math.round(percent),
      suppressed,
    };
  });
}
