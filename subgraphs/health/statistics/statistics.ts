import { eventStatisticsResolver } from '../../conventions/statistics/event-counts';

/**
 * Health's statistics for the resource centres (seed 003 §34.8): referrals sent to MSE and examinations held
 * (seed 003 §24), rehabilitation courses begun and IPRA measures reported done (seed 003 §8.8), by the territory
 * of the health organization that acted.
 */
export const { StatisticsReportEntity, StatisticsResolver: HealthStatisticsResolver } = eventStatisticsResolver(
  'HEALTH',
  'healthStatistics',
  'Health statistics by month and territory: MSE referrals and examinations, rehabilitation courses, IPRA measures done; small counts suppressed.',
  [
    {
      // A referral still being prepared or cancelled was never sent.
      indicator: 'MSE_REFERRALS_SENT',
      sql: `select r.referred_on as day, t.territory_oktmo from mse_referral r join provider_territory t on t.organization_id = r.organization_id
             where r.status in ('SENT', 'EXAMINED', 'RETURNED')`,
    },
    {
      indicator: 'MSE_EXAMINATIONS',
      sql: `select r.examined_on as day, t.territory_oktmo from mse_referral r join provider_territory t on t.organization_id = r.organization_id
             where r.examined_on is not null`,
    },
    {
      indicator: 'REHABILITATION_COURSES_STARTED',
      sql: `select c.from_date as day, t.territory_oktmo from rehabilitation_course c join provider_territory t on t.organization_id = c.organization_id
             where c.status <> 'PLANNED'`,
    },
    {
      indicator: 'IPRA_MEASURES_DONE',
      sql: `select m.execution_reported_on as day, t.territory_oktmo from ipra_measure m
              join provider_territory t on t.organization_id = m.executor_organization_id
             where m.execution_status = 'DONE' and m.execution_reported_on is not null`,
    },
  ],
);
