import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO_ORGANIZATIONS as ORG } from '../../kit/demo/organizations';
import { addDays, birthdayAt } from '../../kit/platform/dates';
import { daysFromToday } from '../../kit/demo/dates';
import { DEMO_PEOPLE as P, demoBirthDate } from '../../kit/demo/people';
import { EARLY_HELP_AGE_LIMIT } from '../early-help/early-help.rules';
import { stableId } from '../../kit/domain/stable-id';
import { EarlyHelpProgramme, EarlyHelpProgrammeStatus } from '../early-help/early-help-programme.entity';
import { EarlyHelpServiceKind, EarlyHelpSession, EarlyHelpSessionStatus } from '../early-help/early-help-session.entity';
import { EducationForm, EducationLevel, Enrolment } from '../enrolment/enrolment.entity';
import { AdaptedProgrammeKind, PmpkConclusion, SpecialEducationalCondition } from '../pmpk/pmpk-conclusion.entity';

/** The territorial PMPK of Irkutsk in the demo (synthetic). */
export const DEMO_IRKUTSK_PMPK_ID = ORG.irkutskPmpk.id;

export const DEMO_EDUCATION_IDS = {
  artyomPmpk: stableId('pmpk-conclusion', 'artyom-1'),
  artyomEnrolment: stableId('enrolment', 'artyom-school'),
  mashaProgramme: stableId('early-help-program', 'masha-1'),
} as const;

/**
 * Education's records of the demo families, dated from the day the demo is loaded (kit/demo/dates.ts):
 * - Artyom Ivanov (7): a PMPK conclusion (musculoskeletal disorders, tutor and accessible environment)
 *   that expires next month, in 38 days (PMPK_EXPIRING), and an inclusive class at the demo Irkutsk
 *   school for the last 448 days;
 * - Masha Petrova (2, at risk): an early-help programme at the Bratsk service until the day before she
 *   turns 3 (seed 003 §8.2), with fortnightly sessions: three done, one missed 20 days ago, one planned in 8 days.
 * Idempotent: fixed ids, upserts; a reload on a later day re-lays the dates.
 */
export async function loadDemoData(em: EntityManager): Promise<void> {
  const day = daysFromToday;
  const mashaBorn = demoBirthDate('mashaPetrova');
  await em.upsertMany(PmpkConclusion, [
    {
      id: DEMO_EDUCATION_IDS.artyomPmpk,
      personId: P.artyomIvanov.id,
      commissionOrganizationId: DEMO_IRKUTSK_PMPK_ID,
      number: 'ТПМПК-2024/318',
      date: day(-713),
      recommendedProgramme: AdaptedProgrammeKind.MUSCULOSKELETAL_DISORDERS,
      conditions: [
        SpecialEducationalCondition.TUTOR,
        SpecialEducationalCondition.ACCESSIBLE_ENVIRONMENT,
        SpecialEducationalCondition.SPECIAL_EQUIPMENT,
      ],
      recommendations: 'Обучение в инклюзивном классе; доступная среда для ребёнка на кресле-коляске; сопровождение тьютора.',
      validUntil: day(38),
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
      fromDate: day(-448),
      toDate: null,
      pmpkConclusionId: DEMO_EDUCATION_IDS.artyomPmpk,
      idempotencyKey: null,
    },
  ]);
  await em.upsertMany(EarlyHelpProgramme, [
    {
      id: DEMO_EDUCATION_IDS.mashaProgramme,
      personId: P.mashaPetrova.id,
      organizationId: ORG.bratskEarlyHelp.id,
      startDate: day(-632),
      endDate: addDays(birthdayAt(mashaBorn, EARLY_HELP_AGE_LIMIT), -1),
      childBirthDate: mashaBorn,
      atRisk: true,
      goals: [
        'Развитие общения и речи в повседневных ситуациях',
        'Самостоятельная ходьба и игра со сверстниками',
        'Уверенность родителей в уходе и развитии ребёнка',
      ],
      hoursPerMonth: 8,
      naturalLifeSituations: ['кормление', 'игра', 'прогулка', 'купание'],
      status: EarlyHelpProgrammeStatus.ACTIVE,
      idempotencyKey: null,
    },
  ]);
  const session = (n: number, date: string, serviceKind: EarlyHelpServiceKind, specialistPost: string, status: EarlyHelpSessionStatus) => ({
    id: stableId('early-help-session', `masha-${n}`),
    programmeId: DEMO_EDUCATION_IDS.mashaProgramme,
    personId: P.mashaPetrova.id,
    date,
    serviceKind,
    specialistPost,
    status,
    note: status === EarlyHelpSessionStatus.MISSED ? 'Ребёнок болел, семья предупредила' : null,
    idempotencyKey: null,
  });
  await em.upsertMany(EarlyHelpSession, [
    session(1, day(-48), EarlyHelpServiceKind.FUNCTIONING_ASSESSMENT, 'педагог-психолог', EarlyHelpSessionStatus.DONE),
    session(2, day(-34), EarlyHelpServiceKind.COMMUNICATION_AND_SPEECH, 'учитель-логопед', EarlyHelpSessionStatus.DONE),
    session(3, day(-20), EarlyHelpServiceKind.MOTOR_DEVELOPMENT, 'инструктор по физической культуре', EarlyHelpSessionStatus.MISSED),
    session(4, day(-6), EarlyHelpServiceKind.PARENT_CONSULTATION, 'педагог-психолог', EarlyHelpSessionStatus.DONE),
    session(5, day(8), EarlyHelpServiceKind.HOME_VISIT, 'учитель-дефектолог', EarlyHelpSessionStatus.PLANNED),
  ]);
}
