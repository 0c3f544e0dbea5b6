import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO_ORGANIZATIONS as ORG } from '../../kit/demo/organizations';
import { daysFromToday as day } from '../../kit/demo/dates';
import { DEMO_PEOPLE as P } from '../../kit/demo/people';
import { stableId } from '../../kit/domain/stable-id';
import { JobSeekerRegistration, JobSeekerStatus } from '../job-seeker/job-seeker-registration.entity';
import { QuotaJob } from '../quota-job/quota-job.entity';
import { SocialEmployment } from '../social-employment/social-employment.entity';
import { VocationalTraining, VocationalTrainingStatus } from '../vocational-training/vocational-training.entity';

export const DEMO_EMPLOYMENT_IDS = {
  sergeyRegistration: stableId('job-seeker-registration', 'sergey-1'),
  sergeySocialEmployment: stableId('social-employment', 'sergey-1'),
  bratskQuotaJob: stableId('quota-job', 'bratsk-1'),
  elenaTraining: stableId('vocational-training', 'elena-1'),
} as const;

/**
 * Employment's records of the demo families, dated from the day the demo is loaded (kit/demo/dates.ts):
 * - Sergey Petrov (45, group II, 3rd degree of limitation of the ability to work per his IPRA):
 *   registered as a job seeker at the Bratsk employment centre 70 days ago with no placement yet
 *   (more than 30 days: JOB_SEEKER_NO_OFFER), and in social employment there for 53 days, for a year (seed 003 §29);
 * - Elena Ivanova (the mother of a disabled child) retraining for flexible work at the Irkutsk centre,
 *   the course ending in 27 days;
 * - a quota job of a Bratsk employer with free places (181-FZ art. 21).
 * Idempotent: fixed ids, upserts; a reload on a later day re-lays the dates.
 */
export async function loadDemoData(em: EntityManager): Promise<void> {
  await em.upsertMany(QuotaJob, [
    {
      id: DEMO_EMPLOYMENT_IDS.bratskQuotaJob,
      employerName: 'ООО «Братский деревообрабатывающий комбинат» (демо)',
      organizationId: null,
      territoryOktmo: ORG.bratskEmploymentCentre.oktmo,
      profession: 'Оператор ЭВМ (учёт продукции)',
      quota: 3,
      filled: 1,
      announcedOn: day(-175),
    },
  ]);
  await em.upsertMany(JobSeekerRegistration, [
    {
      id: DEMO_EMPLOYMENT_IDS.sergeyRegistration,
      personId: P.sergeyPetrov.id,
      organizationId: ORG.bratskEmploymentCentre.id,
      registeredOn: day(-70),
      status: JobSeekerStatus.ACTIVE,
      closedOn: null,
      idempotencyKey: null,
    },
  ]);
  await em.upsertMany(SocialEmployment, [
    {
      id: DEMO_EMPLOYMENT_IDS.sergeySocialEmployment,
      personId: P.sergeyPetrov.id,
      organizationId: ORG.bratskEmploymentCentre.id,
      activity: 'Сборка и упаковка сувенирной продукции в мастерской с сопровождением',
      startDate: day(-53),
      endDate: day(311),
      workAbilityLimitationDegree: 3,
      ipraNumber: '1234.5.38/2025',
      idempotencyKey: null,
    },
  ]);
  await em.upsertMany(VocationalTraining, [
    {
      id: DEMO_EMPLOYMENT_IDS.elenaTraining,
      personId: P.elenaIvanova.id,
      programme: 'Переобучение для удалённой работы: оператор call-центра',
      organizationId: ORG.irkutskEmploymentCentre.id,
      startDate: day(-83),
      endDate: day(27),
      status: VocationalTrainingStatus.ENROLLED,
      idempotencyKey: null,
    },
  ]);
}
