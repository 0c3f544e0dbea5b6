import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO_ORGANIZATIONS as ORG } from '../../kit/demo-organizations';
import { DEMO_PEOPLE as P } from '../../kit/demo-people';
import { stableId } from '../../kit/stable-id';
import { EarlyHelpProgram, EarlyHelpProgramStatus } from '../early-help/early-help-program.entity';
import { EarlyHelpServiceKind, EarlyHelpSession, EarlyHelpSessionStatus } from '../early-help/early-help-session.entity';
import { EducationForm, EducationLevel, Enrolment } from '../enrolment/enrolment.entity';
import { AdaptedProgramKind, PmpkConclusion, SpecialEducationalCondition } from '../pmpk/pmpk-conclusion.entity';

/** The territorial PMPK of Irkutsk in the demo (synthetic). */
export const DEMO_IRKUTSK_PMPK_ID = ORG.irkutskPmpk.id;

export const DEMO_EDUCATION_IDS = {
  artyomPmpk: stableId('pmpk-conclusion', 'artyom-1'),
  artyomEnrolment: stableId('enrolment', 'artyom-school'),
  mashaProgram: stableId('early-help-program', 'masha-1'),
} as const;

/**
 * Education's records of the demo families (dates relative to 2026-11-23):
 * - Artyom Ivanov (7): a PMPK conclusion (musculoskeletal disorders, tutor and accessible environment)
 *   that expires within 60 days, and an inclusive class at the demo Irkutsk school since 2025-09-01;
 * - Masha Petrova (2, at risk): an early-help programme at the Bratsk service with sessions, one missed.
 * Idempotent: fixed ids, upserts.
 */
export async function loadDemoData(em: EntityManager): Promise<void> {
  await em.upsertMany(PmpkConclusion, [
    {
      id: DEMO_EDUCATION_IDS.artyomPmpk,
      personId: P.artyomIvanov.id,
      commissionOrganizationId: DEMO_IRKUTSK_PMPK_ID,
      number: 'ТПМПК-2024/318',
      date: '2024-12-10',
      recommendedProgram: AdaptedProgramKind.MUSCULOSKELETAL_DISORDERS,
      conditions: [SpecialEducationalCondition.TUTOR, SpecialEducationalCondition.ACCESSIBLE_ENVIRONMENT, SpecialEducationalCondition.SPECIAL_EQUIPMENT],
      recommendations: 'Обучение в инклюзивном классе; доступная среда для ребёнка на кресле-коляске; сопровождение тьютора.',
      validUntil: '2026-12-31',
    },
  ]);
  await em.upsertMany(Enrolment, [
    {
      id: DEMO_EDUCATION_IDS.artyomEnrolment,
      personId: P.artyomIvanov.id,
      organizationId: ORG.irkutskSchool.id,
      level: EducationLevel.SCHOOL,
      form: EducationForm.INCLUSIVE_CLASS,
      className: '2 Б',
      fromDate: '2025-09-01',
      toDate: null,
      pmpkConclusionId: DEMO_EDUCATION_IDS.artyomPmpk,
      idempotencyKey: null,
    },
  ]);
  await em.upsertMany(EarlyHelpProgram, [
    {
      id: DEMO_EDUCATION_IDS.mashaProgram,
      personId: P.mashaPetrova.id,
      organizationId: ORG.bratskEarlyHelp.id,
      startDate: '2025-03-01',
      endDate: '2027-02-09',
      childBirthDate: '2024-02-10',
      atRisk: true,
      goals: ['Развитие общения и речи в повседневных ситуациях', 'Самостоятельная ходьба и игра со сверстниками', 'Уверенность родителей в уходе и развитии ребёнка'],
      hoursPerMonth: 8,
      naturalLifeSituations: ['кормление', 'игра', 'прогулка', 'купание'],
      status: EarlyHelpProgramStatus.ACTIVE,
      idempotencyKey: null,
    },
  ]);
  const session = (n: number, date: string, serviceKind: EarlyHelpServiceKind, specialistPost: string, status: EarlyHelpSessionStatus) => ({
    id: stableId('early-help-session', `masha-${n}`),
    programId: DEMO_EDUCATION_IDS.mashaProgram,
    personId: P.mashaPetrova.id,
    date,
    serviceKind,
    specialistPost,
    status,
    note: status === EarlyHelpSessionStatus.MISSED ? 'Ребёнок болел, семья предупредила' : null,
    idempotencyKey: null,
  });
  await em.upsertMany(EarlyHelpSession, [
    session(1, '2026-10-06', EarlyHelpServiceKind.FUNCTIONING_ASSESSMENT, 'педагог-психолог', EarlyHelpSessionStatus.DONE),
    session(2, '2026-10-20', EarlyHelpServiceKind.COMMUNICATION_AND_SPEECH, 'учитель-логопед', EarlyHelpSessionStatus.DONE),
    session(3, '2026-11-03', EarlyHelpServiceKind.MOTOR_DEVELOPMENT, 'инструктор по физической культуре', EarlyHelpSessionStatus.MISSED),
    session(4, '2026-11-17', EarlyHelpServiceKind.PARENT_CONSULTATION, 'педагог-психолог', EarlyHelpSessionStatus.DONE),
    session(5, '2026-12-01', EarlyHelpServiceKind.HOME_VISIT, 'учитель-дефектолог', EarlyHelpSessionStatus.PLANNED),
  ]);
}
