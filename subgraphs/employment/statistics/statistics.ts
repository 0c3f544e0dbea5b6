import { eventStatisticsResolver } from '../../conventions/statistics/event-counts';

/**
 * Employment's statistics for the resource centres (seed 003 §34.8): job seekers registered, placements and
 * quota jobs (seed 003 §28), social employment (seed 003 §29, order 605n) and vocational training begun, by the
 * territory of the employment centre (a quota job carries its own territory).
 */
export const { StatisticsReportEntity, StatisticsResolver: EmploymentStatisticsResolver } = eventStatisticsResolver(
  'EMPLOYMENT',
  'employmentStatistics',
  'Employment statistics by month and territory: job seekers, placements, quota jobs, social employment, training; small counts suppressed.',
  [
    {
      indicator: 'JOB_SEEKERS_REGISTERED',
      sql: `select r.registered_on as day, t.territory_oktmo from job_seeker_registration r
              join provider_territory t on t.organization_id = r.organization_id`,
    },
    {
      indicator: 'JOB_PLACEMENTS_STARTED',
      sql: `select p.start_date as day, t.territory_oktmo from job_placement p join provider_territory t on t.organization_id = p.organization_id`,
    },
    {
      indicator: 'QUOTA_JOBS_ANNOUNCED',
      sql: `select q.announced_on as day, q.territory_oktmo from quota_job q`,
    },
    {
      indicator: 'SOCIAL_EMPLOYMENT_STARTED',
      sql: `select s.start_date as day, t.territory_oktmo from social_employment s join provider_territory t on t.organization_id = s.organization_id`,
    },
    {
      indicator: 'VOCATIONAL_TRAINING_STARTED',
      sql: `select v.start_date as day, t.territory_oktmo from vocational_training v join provider_territory t on t.organization_id = v.organization_id`,
    },
  ],
);
