import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO_ORGANIZATIONS as ORG } from '../../kit/demo/organizations';
import { addDays } from '../../kit/platform/dates';
import { addYears, daysFromToday as day } from '../../kit/demo/dates';
import { DEMO_PEOPLE as P, demoBirthDate, demoDisability } from '../../kit/demo/people';
import { Agency } from '../../kit/policy/roles';
import { stableId } from '../../kit/domain/stable-id';
import { ClinicAttachment } from '../attachment/clinic-attachment.entity';
import { IpraSection } from '../ipra/ipra-sections';
import { Ipra, IpraDisabilityGroup, IpraMeasure, IpraMeasureExecutionStatus } from '../ipra/ipra.entity';
import { MseReferral, MseReferralPurpose, MseReferralStatus } from '../mse/mse-referral.entity';
import { RehabilitationCourse, RehabilitationCourseStatus } from '../rehabilitation/rehabilitation-course.entity';

/**
 * Providers health's demo records point at that are not (yet) in the shared demo list
 * (kit/demo/organizations.ts): the regional branch of the Social Fund that provides technical aids
 * under an IPRA, and an Angarsk hospital. Synthetic; ids derived from codes like the others.
 */
export const DEMO_HEALTH_ORGANIZATIONS = {
  sfrIrkutskBranch: ORG.sfrIrkutskBranch,
  angarskHospital: ORG.angarskHospital,
} as const;

const id = (kind: string, name: string) => stableId(`health-${kind}`, name);

/** Ids other subgraphs and tests may use. */
export const DEMO_HEALTH_IDS = {
  artyomIpra: id('ipra', 'artyom'),
  artyomMedical: id('ipra-measure', 'artyom-medical'),
  artyomWheelchair: id('ipra-measure', 'artyom-wheelchair'),
  artyomEducation: id('ipra-measure', 'artyom-education'),
  artyomSocial: id('ipra-measure', 'artyom-social'),
  sergeyIpra: id('ipra', 'sergey'),
  sergeyProfessional: id('ipra-measure', 'sergey-professional'),
  sergeyMedical: id('ipra-measure', 'sergey-medical'),
  ninaIpra: id('ipra', 'nina'),
  ninaMedical: id('ipra-measure', 'nina-medical'),
  ninaBed: id('ipra-measure', 'nina-bed'),
} as const;

export const DEMO_IPRA_NUMBERS = {
  artyom: '1021.12.38/2025',
  /** The number employment's demo social employment refers to. */
  sergey: '1234.5.38/2025',
  nina: '1587.3.38/2025',
} as const;

const BUREAU = (n: number) => `Бюро медико-социальной экспертизы № ${n} — филиал ФКУ «ГБ МСЭ по Иркутской области» Минтруда России`;
const SFR = DEMO_HEALTH_ORGANIZATIONS.sfrIrkutskBranch.id;
const ANGARSK = DEMO_HEALTH_ORGANIZATIONS.angarskHospital.id;

type MeasureRow = Omit<IpraMeasure, 'ipra' | 'ipraId' | 'person' | 'period' | 'executorOrganization' | 'executionReportKey'> & {
  ipra: string;
};
const measure = (
  measureId: string,
  ipraId: string,
  personId: string,
  section: IpraSection,
  executorAgency: string | null,
  title: string,
  periodFrom: string,
  periodTo: string,
  executorOrganizationId: string | null,
  execution: [IpraMeasureExecutionStatus, string | null] = [IpraMeasureExecutionStatus.NOT_STARTED, null],
  aid: { code: string; queued: boolean } | null = null,
): MeasureRow => ({
  id: measureId,
  ipra: ipraId,
  personId,
  section,
  title,
  periodFrom,
  periodTo,
  executorAgency,
  executorOrganizationId,
  aidCode: aid?.code ?? null,
  aidName: aid ? title : null,
  queuedForOwnAid: aid ? aid.queued : null,
  executionStatus: execution[0],
  executionReportedOn: execution[1],
  notDoneReason: null,
});

/**
 * Health's records of the demo families, dated from the day the demo is loaded (kit/demo/dates.ts):
 * - Artyom Ivanov (7, disabled child, Irkutsk): IPRA with medical rehabilitation at the Irkutsk children's
 *   clinic (a course under way), a manual wheelchair he is queued for as his own (the recommended period ended
 *   176 days ago — hence the rental wheelchair), psychological-pedagogical help → education (the school) and social
 *   rehabilitation → social protection (the operator organization);
 * - Sergey Petrov (45, group II, Bratsk): IPRA with the professional section → employment and medical
 *   rehabilitation, neither with an executor organization yet (the rehabilitation course he had was at the Bratsk
 *   hospital before the measure was placed → IPRA_MEASURE_NO_EXECUTOR); re-examination due in 22 days with no
 *   referral yet (MSE_REEXAMINATION_DUE), and the IPRA itself lapsing in 39 days (IPRA_EXPIRING);
 * - Nina Smirnova (67, group I, Angarsk, after surgery): IPRA with medical rehabilitation (a course under way)
 *   and a multifunction bed with electric drive she is not queued for.
 * Artyom's IPRA runs to his 8th birthday (the end of his "disabled child" status, kit/demo/people.ts); his
 * course ends in 4 days, Nina's in 11. Each has a clinic attachment and an MSE referral history.
 * Idempotent: fixed ids. A reload on a later day re-lays the dates; of the IPRA measures, which specialists
 * report on and place, it re-lays only the recommended periods — it never resets an execution report or an executor.
 * Demo IPRAs get no outbox rows: social protection's demo already holds the signals they produced.
 */
export async function loadDemoData(em: EntityManager): Promise<void> {
  const relayPeriods = {
    onConflictFields: ['id' as never],
    onConflictAction: 'merge' as const,
    onConflictMergeFields: ['periodFrom', 'periodTo'] as never[],
  };
  const ids = DEMO_HEALTH_IDS;
  const registered = (issuedOn: string) => ({ registeredAt: new Date(`${issuedOn}T02:00:00Z`), registeredBy: 'demo' });
  const artyom = demoDisability('artyomIvanov');
  const artyomUntil = artyom.until!;
  const sergey = { since: demoDisability('sergeyPetrov').since, reExamined: day(-343), ipraUntil: day(39) };
  const nina = { since: demoDisability('ninaSmirnova').since, reExamination: addYears(demoDisability('ninaSmirnova').since, 2) };
  await em.upsertMany(Ipra, [
    {
      id: ids.artyomIpra,
      number: DEMO_IPRA_NUMBERS.artyom,
      personId: P.artyomIvanov.id,
      personSnils: P.artyomIvanov.snils,
      issuedOn: day(-552),
      validUntil: artyomUntil,
      disabilityGroup: IpraDisabilityGroup.DISABLED_CHILD,
      disabilityCause: 'ребёнок-инвалид',
      mseBureauName: BUREAU(12),
      ...registered(day(-552)),
    },
    {
      id: ids.sergeyIpra,
      number: DEMO_IPRA_NUMBERS.sergey,
      personId: P.sergeyPetrov.id,
      personSnils: P.sergeyPetrov.snils,
      issuedOn: sergey.reExamined,
      validUntil: sergey.ipraUntil,
      disabilityGroup: IpraDisabilityGroup.II,
      disabilityCause: 'общее заболевание',
      mseBureauName: BUREAU(8),
      ...registered(sergey.reExamined),
    },
    {
      id: ids.ninaIpra,
      number: DEMO_IPRA_NUMBERS.nina,
      personId: P.ninaSmirnova.id,
      personSnils: P.ninaSmirnova.snils,
      issuedOn: nina.since,
      validUntil: nina.reExamination,
      disabilityGroup: IpraDisabilityGroup.I,
      disabilityCause: 'общее заболевание',
      mseBureauName: BUREAU(1),
      ...registered(nina.since),
    },
  ]);

  const S = IpraSection;
  const E = IpraMeasureExecutionStatus;
  const a = P.artyomIvanov.id;
  const s = P.sergeyPetrov.id;
  const n = P.ninaSmirnova.id;
  await em.upsertMany(
    IpraMeasure,
    [
      measure(
        ids.artyomMedical,
        ids.artyomIpra,
        a,
        S.MEDICAL_REHABILITATION,
        Agency.HEALTH,
        'Медицинская реабилитация: восстановительная терапия, ЛФК, массаж',
        day(-540),
        artyomUntil,
        ORG.irkutskChildrenClinic.id,
        [E.IN_PROGRESS, day(-14)],
      ),
      measure(
        ids.artyomWheelchair,
        ids.artyomIpra,
        a,
        S.TECHNICAL_AIDS,
        null,
        'Кресло-коляска с ручным приводом прогулочная',
        day(-540),
        day(-176),
        SFR,
        undefined,
        { code: 'WHEELCHAIR_MANUAL', queued: true },
      ),
      measure(
        ids.artyomEducation,
        ids.artyomIpra,
        a,
        S.PSYCHOLOGICAL_PEDAGOGICAL,
        Agency.EDUCATION,
        'Психолого-педагогическая помощь, специальные условия обучения',
        day(-448),
        artyomUntil,
        ORG.irkutskSchool.id,
        [E.IN_PROGRESS, day(-448)],
      ),
      measure(
        ids.artyomSocial,
        ids.artyomIpra,
        a,
        S.SOCIAL,
        Agency.SOCIAL_PROTECTION,
        'Социально-средовая реабилитация, обучение семьи навыкам ухода',
        day(-540),
        artyomUntil,
        ORG.irkutskOperator.id,
      ),
      measure(
        ids.sergeyProfessional,
        ids.sergeyIpra,
        s,
        S.PROFESSIONAL,
        Agency.EMPLOYMENT,
        'Содействие в трудоустройстве; социальная занятость (3-я степень ограничения способности к трудовой деятельности)',
        day(-326),
        sergey.ipraUntil,
        null,
      ),
      measure(
        ids.sergeyMedical,
        ids.sergeyIpra,
        s,
        S.MEDICAL_REHABILITATION,
        Agency.HEALTH,
        'Медицинская реабилитация: восстановительное лечение',
        day(-326),
        sergey.ipraUntil,
        null,
      ),
      measure(
        ids.ninaMedical,
        ids.ninaIpra,
        n,
        S.MEDICAL_REHABILITATION,
        Agency.HEALTH,
        'Медицинская реабилитация после эндопротезирования тазобедренного сустава',
        day(-404),
        day(38),
        ANGARSK,
        [E.IN_PROGRESS, day(-7)],
      ),
      measure(
        ids.ninaBed,
        ids.ninaIpra,
        n,
        S.TECHNICAL_AIDS,
        null,
        'Кровать многофункциональная с электроприводом',
        day(-404),
        day(-39),
        SFR,
        undefined,
        { code: 'BED_MULTIFUNCTION_ELECTRIC', queued: false },
      ),
    ] as never[],
    relayPeriods,
  );

  const referral = (
    name: string,
    personId: string,
    organizationId: string,
    referredOn: string,
    purpose: MseReferralPurpose,
    dueOn: string | null,
    examinedOn: string,
    nextReExaminationOn: string | null,
  ) => ({
    id: id('mse-referral', name),
    personId,
    organizationId,
    referredOn,
    purpose,
    status: MseReferralStatus.EXAMINED,
    dueOn,
    examinedOn,
    nextReExaminationOn,
  });
  const R = MseReferralPurpose;
  await em.upsertMany(MseReferral, [
    referral('artyom-primary', a, ORG.irkutskChildrenClinic.id, addDays(artyom.since, -20), R.PRIMARY, null, artyom.since, artyomUntil),
    referral('sergey-primary', s, ORG.bratskHospital.id, addDays(sergey.since, -25), R.PRIMARY, null, sergey.since, sergey.reExamined),
    referral(
      'sergey-re-2025',
      s,
      ORG.bratskHospital.id,
      addDays(sergey.reExamined, -25),
      R.RE_EXAMINATION,
      sergey.reExamined,
      sergey.reExamined,
      day(22),
    ),
    referral('nina-primary', n, ANGARSK, addDays(nina.since, -26), R.PRIMARY, null, nina.since, nina.reExamination),
  ]);

  const course = (
    name: string,
    personId: string,
    organizationId: string,
    title: string,
    fromDate: string,
    toDate: string,
    status: RehabilitationCourseStatus,
    ipraMeasureId: string,
  ) => ({
    id: id('rehabilitation-course', name),
    personId,
    organizationId,
    title,
    fromDate,
    toDate,
    status,
    ipraMeasureId,
  });
  await em.upsertMany(RehabilitationCourse, [
    course(
      'artyom-2026',
      a,
      ORG.irkutskChildrenClinic.id,
      'Курс медицинской реабилитации, дневной стационар',
      day(-14),
      day(4),
      RehabilitationCourseStatus.IN_PROGRESS,
      ids.artyomMedical,
    ),
    course(
      'sergey-2026',
      s,
      ORG.bratskHospital.id,
      'Курс медицинской реабилитации, круглосуточный стационар',
      day(-266),
      day(-248),
      RehabilitationCourseStatus.DONE,
      ids.sergeyMedical,
    ),
    course(
      'nina-2026',
      n,
      ANGARSK,
      'Курс медицинской реабилитации после операции, дневной стационар',
      day(-7),
      day(11),
      RehabilitationCourseStatus.IN_PROGRESS,
      ids.ninaMedical,
    ),
  ]);

  await em.upsertMany(ClinicAttachment, [
    {
      id: id('clinic-attachment', 'artyom'),
      personId: a,
      organizationId: ORG.irkutskChildrenClinic.id,
      fromDate: addDays(demoBirthDate('artyomIvanov'), 15),
      toDate: null,
    },
    { id: id('clinic-attachment', 'sergey'), personId: s, organizationId: ORG.bratskHospital.id, fromDate: day(-6050), toDate: null },
    { id: id('clinic-attachment', 'nina'), personId: n, organizationId: ANGARSK, fromDate: day(-2869), toDate: null },
  ]);
}
