import { eventStatisticsResolver } from '../../conventions/statistics/event-counts';

/**
 * Education's statistics for the resource centres (seed 003 §33.8, §34.8): PMPK conclusions issued, early-help
 * programmes started and sessions held (seed 003 §8.1–8.5), enrolments begun (seed 003 §8.6–8.8) and vocational
 * guidance given from 14 (seed 003 §4.3), by the territory of the organization that acted.
 */
export const { StatisticsReportEntity, StatisticsResolver: EducationStatisticsResolver } = eventStatisticsResolver(
  'EDUCATION',
  'educationStatistics',
  'Education statistics by month and territory: PMPK conclusions, early help, enrolments, vocational guidance; small counts suppressed.',
  [
    {
      indicator: 'PMPK_CONCLUSIONS_ISSUED',
      sql: `select c.date as day, t.territory_oktmo from pmpk_conclusion c
              join provider_territory t on t.organization_id = c.commission_organization_id`,
    },
    {
      indicator: 'EARLY_HELP_PROGRAMMES_STARTED',
      sql: `select p.start_date as day, t.territory_oktmo from early_help_program p join provider_territory t on t.organization_id = p.organization_id`,
    },
    {
      indicator: 'EARLY_HELP_SESSIONS_DONE',
      sql: `select s.date as day, t.territory_oktmo from early_help_session s join early_help_program p on p.id = s.program_id
              join provider_territory t on t.organization_id = p.organization_id where s.status = 'DONE'`,
    },
    {
      indicator: 'ENROLMENTS_STARTED',
      sql: `select e.from_date as day, t.territory_oktmo from enrolment e join provider_territory t on t.organization_id = e.organization_id`,
    },
    {
      indicator: 'VOCATIONAL_GUIDANCE_GIVEN',
      sql: `select g.date as day, t.territory_oktmo from vocational_guidance g join provider_territory t on t.organization_id = g.organization_id`,
    },
  ],
);
