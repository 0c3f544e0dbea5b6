import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO_ORGANIZATIONS as ORG } from '../../kit/demo/organizations';
import { DEMO_FAMILIES, DEMO_PEOPLE as P } from '../../kit/demo/people';
import { today } from '../../kit/platform/clock';
import { stableId } from '../../kit/domain/stable-id';
import { addDays } from '../calendar/iso-date';
import { storedFederalCalendar } from '../calendar/calendar-reference';
import { subtractWorkingDays } from '../calendar/calendar-data';
import { Measure, MeasureKind, MeasureStatus, Programme, ProgrammeKind, SupportAgreement } from '../programme/programme.entity';
import { MeasureExecution, MeasurePeriodicity } from '../programme/measure-execution.entity';
import { Referral } from '../referral/referral.entity';
import { ReferralStatus } from '../referral/referral-status';
import { Signal, SignalSource } from '../signal/signal.entity';
import { StageTransition, SupportCase } from '../support-case/support-case.entity';
import { ContactMethod, SupportStage } from '../support-case/stages';

const id = (kind: string, name: string) => stableId(`social-protection-${kind}`, name);

/** Ids other subgraphs may use to extend the demo referrals and cases. */
export const DEMO_SUPPORT = {
  ivanovCase: id('case', 'ivanov'),
  petrovCase: id('case', 'petrov'),
  smirnovaCase: id('case', 'smirnova'),
  ivanovSchoolReferral: id('referral', 'ivanov-school'),
  ivanovClinicReferral: id('referral', 'ivanov-clinic'),
} as const;

/**
 * The demo families' support cases, dated in working days back from today so the picture stays true
 * whatever day the demo runs: Ivanov in implementation with a programme, measures and two referrals (the
 * school accepted; the clinic silent for 7 working days → REFERRAL_UNANSWERED, and 2 working days past its 5-day answer
 * day, seed 003 §16, §27: the children's clinic's specialists see it overdue in their inbox; the school's in theirs, accepted)
 * and the operator's own monthly consultations, 2 of 4 recorded (seed 003 §8.17–18, §33.6); Petrov with needs assessed
 * and the programme proposal overdue by 3 working days (seed 004 §3.2.7: 5 working days from the appeal,
 * 8 working days ago); Smirnova identified from a clinic's signal 3 working days ago, her contact due in
 * 2 working days (seed 003 §16). Upserts by stable ids: idempotent, and a reload on a later day re-lays the picture.
 */
export async function loadDemoSupport(em: EntityManager): Promise<void> {
  const cal = await storedFederalCalendar(em);
  const day = today();
  const back = (n: number) => subtractWorkingDays(cal, day, n);
  const post = 'куратор участка';

  const signal = (
    name: string,
    personId: string,
    snils: string,
    source: SignalSource,
    receivedOn: string,
    summary: string,
    caseId: string,
    org: string | null,
    ipraNumber: string | null = null,
  ) => ({
    id: id('signal', name),
    idempotencyKey: `demo-${name}`,
    submittedBy: 'demo',
    source,
    personId,
    personSnils: snils,
    receivedOn,
    summary,
    submittingOrganizationId: org,
    ipraNumber,
    callerAnonymous: false,
    callNumber: null,
    calledAt: null,
    callerName: null,
    callerCategory: null,
    callerBirthYear: null,
    result: null,
    serviceCode: null,
    supportCaseId: caseId,
    createdAt: new Date(`${receivedOn}T09:00:00Z`),
  });
  const ivanovOpened = back(60);
  const petrovOpened = back(11);
  const smirnovaOpened = back(3);
  await em.upsertMany(Signal, [
    signal(
      'ivanov',
      P.artyomIvanov.id,
      P.artyomIvanov.snils,
      SignalSource.IPRA_EXTRACT,
      ivanovOpened,
      'Выписка из ИПРА ребёнка-инвалида: нужды в ТСР и инклюзивном обучении',
      DEMO_SUPPORT.ivanovCase,
      null,
      'ИПРА-ДЕМО-001',
    ),
    signal(
      'petrov',
      P.sergeyPetrov.id,
      P.sergeyPetrov.snils,
      SignalSource.IPRA_EXTRACT,
      petrovOpened,
      'Выписка из ИПРА: профессиональный раздел, 3-я степень ограничения к трудовой деятельности',
      DEMO_SUPPORT.petrovCase,
      null,
      'ИПРА-ДЕМО-002',
    ),
    signal(
      'smirnova',
      P.ninaSmirnova.id,
      P.ninaSmirnova.snils,
      SignalSource.HEALTH_INSTITUTION,
      smirnovaOpened,
      'Выписана после операции, проживает одна, нуждается в уходе и ТСР',
      DEMO_SUPPORT.smirnovaCase,
      null,
    ),
  ]);

  const supportCase = (
    caseId: string,
    familyId: string,
    personId: string,
    org: { id: string; oktmo: string },
    stage: SupportStage,
    openedOn: string,
    stageEnteredOn: string,
    appealedOn: string | null,
    signalName: string,
    openingSource: SignalSource,
    serviceProgrammeApprovedOn: string | null = null,
  ) => ({
    id: caseId,
    familyId,
    personId,
    stage,
    operatorOrganizationId: org.id,
    territoryOktmo: org.oktmo,
    coordinatorSubject: stage === SupportStage.IDENTIFIED ? null : `demo-coordinator-${org.oktmo}`,
    coordinatorPost: stage === SupportStage.IDENTIFIED ? null : post,
    openedOn,
    stageEnteredOn,
    appealedOn,
    signalId: id('signal', signalName),
    openingSource,
    serviceProgrammeApprovedOn,
    conclusion: null,
    closedOn: null,
  });
  const ivanov = { contacted: back(57), assessed: back(55), agreed: back(52), implementing: back(45) };
  const petrov = { contacted: back(8), assessed: back(6) };
  await em.upsertMany(SupportCase, [
    supportCase(
      DEMO_SUPPORT.ivanovCase,
      DEMO_FAMILIES.ivanov,
      P.artyomIvanov.id,
      ORG.irkutskOperator,
      SupportStage.IN_IMPLEMENTATION,
      ivanovOpened,
      ivanov.implementing,
      ivanov.contacted,
      'ivanov',
      SignalSource.IPRA_EXTRACT,
      ivanov.agreed,
    ),
    supportCase(
      DEMO_SUPPORT.petrovCase,
      DEMO_FAMILIES.petrov,
      P.sergeyPetrov.id,
      ORG.bratskOperator,
      SupportStage.NEEDS_ASSESSED,
      petrovOpened,
      petrov.assessed,
      petrov.contacted,
      'petrov',
      SignalSource.IPRA_EXTRACT,
    ),
    supportCase(
      DEMO_SUPPORT.smirnovaCase,
      DEMO_FAMILIES.smirnova,
      P.ninaSmirnova.id,
      ORG.angarskOperator,
      SupportStage.IDENTIFIED,
      smirnovaOpened,
      smirnovaOpened,
      null,
      'smirnova',
      SignalSource.HEALTH_INSTITUTION,
    ),
  ]);

  const transition = (
    caseId: string,
    personId: string,
    n: number,
    from: SupportStage | null,
    to: SupportStage,
    on: string,
    contactMethod: ContactMethod | null = null,
  ) => ({
    id: id('transition', `${caseId}:${n}`),
    caseId,
    personId,
    fromStage: from,
    toStage: to,
    bySubject: from ? 'demo-coordinator' : 'signal',
    byRole: from ? 'COORDINATOR' : 'SYSTEM',
    on,
    recordedAt: new Date(`${on}T10:00:00.${String(n).padStart(3, '0')}Z`),
    reason: from ? null : 'Signal',
    contactMethod,
  });
  const S = SupportStage;
  const a = P.artyomIvanov.id;
  const s = P.sergeyPetrov.id;
  await em.upsertMany(StageTransition, [
    transition(DEMO_SUPPORT.ivanovCase, a, 0, null, S.IDENTIFIED, ivanovOpened),
    transition(DEMO_SUPPORT.ivanovCase, a, 1, S.IDENTIFIED, S.CONTACTED, ivanov.contacted, ContactMethod.PHONE),
    transition(DEMO_SUPPORT.ivanovCase, a, 2, S.CONTACTED, S.NEEDS_ASSESSED, ivanov.assessed),
    transition(DEMO_SUPPORT.ivanovCase, a, 3, S.NEEDS_ASSESSED, S.PROGRAMME_AGREED, ivanov.agreed),
    transition(DEMO_SUPPORT.ivanovCase, a, 4, S.PROGRAMME_AGREED, S.IN_IMPLEMENTATION, ivanov.implementing),
    transition(DEMO_SUPPORT.petrovCase, s, 0, null, S.IDENTIFIED, petrovOpened),
    transition(DEMO_SUPPORT.petrovCase, s, 1, S.IDENTIFIED, S.CONTACTED, petrov.contacted, ContactMethod.PHONE),
    transition(DEMO_SUPPORT.petrovCase, s, 2, S.CONTACTED, S.NEEDS_ASSESSED, petrov.assessed),
    transition(DEMO_SUPPORT.smirnovaCase, P.ninaSmirnova.id, 0, null, S.IDENTIFIED, smirnovaOpened),
  ]);

  const programmeId = id('programme', 'ivanov');
  const until = addDays(ivanov.agreed, 365);
  await em.upsertMany(Programme, [
    {
      id: programmeId,
      caseId: DEMO_SUPPORT.ivanovCase,
      personId: a,
      kind: ProgrammeKind.SERVICE_PROGRAMME,
      agreedOn: ivanov.agreed,
      approvedOn: ivanov.agreed,
      validFrom: ivanov.agreed,
      validUntil: until,
    },
  ]);
  await em.upsertMany(SupportAgreement, [
    {
      id: id('agreement', 'ivanov'),
      programmeId,
      number: 'СС-ДЕМО-1',
      signedOn: ivanov.agreed,
      validFrom: ivanov.agreed,
      validUntil: until,
    },
  ]);
  const schoolMeasure = id('measure', 'ivanov-school');
  const clinicMeasure = id('measure', 'ivanov-clinic');
  await em.upsertMany(Measure, [
    {
      id: schoolMeasure,
      programmeId,
      caseId: DEMO_SUPPORT.ivanovCase,
      personId: a,
      kind: MeasureKind.PEDAGOGICAL,
      title: 'Обучение в инклюзивном классе',
      executingOrganizationId: ORG.irkutskSchool.id,
      executorAgency: ORG.irkutskSchool.agency,
      plannedFrom: ivanov.implementing,
      plannedTo: until,
      status: MeasureStatus.PLANNED,
      volume: null,
      periodicity: MeasurePeriodicity.DAILY,
    },
    {
      id: clinicMeasure,
      programmeId,
      caseId: DEMO_SUPPORT.ivanovCase,
      personId: a,
      kind: MeasureKind.MEDICAL,
      title: 'Курс медицинской реабилитации',
      executingOrganizationId: ORG.irkutskChildrenClinic.id,
      executorAgency: ORG.irkutskChildrenClinic.agency,
      plannedFrom: back(7),
      plannedTo: until,
      status: MeasureStatus.PLANNED,
      volume: 10,
      periodicity: MeasurePeriodicity.WEEKLY,
    },
  ]);
  const requester = ORG.irkutskOperator.id;
  await em.upsertMany(Referral, [
    {
      id: DEMO_SUPPORT.ivanovSchoolReferral,
      measureId: schoolMeasure,
      caseId: DEMO_SUPPORT.ivanovCase,
      personId: a,
      requesterOrganizationId: requester,
      executorOrganizationId: ORG.irkutskSchool.id,
      executorAgency: ORG.irkutskSchool.agency,
      status: ReferralStatus.ACCEPTED,
      requestedOn: ivanov.implementing,
      answeredOn: back(44),
      statusChangedOn: back(44),
      statusReason: null,
    },
    {
      id: DEMO_SUPPORT.ivanovClinicReferral,
      measureId: clinicMeasure,
      caseId: DEMO_SUPPORT.ivanovCase,
      personId: a,
      requesterOrganizationId: requester,
      executorOrganizationId: ORG.irkutskChildrenClinic.id,
      executorAgency: ORG.irkutskChildrenClinic.agency,
      status: ReferralStatus.REQUESTED,
      requestedOn: back(7),
      answeredOn: null,
      statusChangedOn: back(7),
      statusReason: null,
    },
  ]);
  // The operator's own measure with its volume, periodicity and the executions the coordinator recorded
  // (seed 003 §8.17–18, §33.6): two monthly consultations of four.
  const ownMeasure = id('measure', 'ivanov-consultations');
  await em.upsertMany(Measure, [
    {
      id: ownMeasure,
      programmeId,
      caseId: DEMO_SUPPORT.ivanovCase,
      personId: a,
      kind: MeasureKind.SOCIAL,
      title: 'Консультирование семьи по мерам социальной поддержки',
      executingOrganizationId: requester,
      executorAgency: 'SOCIAL_PROTECTION',
      plannedFrom: ivanov.implementing,
      plannedTo: addDays(ivanov.implementing, 120),
      status: MeasureStatus.IN_PROGRESS,
      volume: 4,
      periodicity: MeasurePeriodicity.MONTHLY,
    },
  ]);
  const execution = (n: number, executedOn: string, result: string) => ({
    id: id('measure-execution', `ivanov-consultations:${n}`),
    measureId: ownMeasure,
    personId: a,
    referralId: null,
    organizationId: requester,
    executedOn,
    result,
    completesMeasure: false,
    recordedBy: `demo-coordinator-${ORG.irkutskOperator.oktmo}`,
    recordedAt: new Date(`${executedOn}T12:00:00Z`),
  });
  await em.upsertMany(MeasureExecution, [
    execution(1, back(44), 'Разъяснены меры социальной поддержки семьи с ребёнком-инвалидом'),
    execution(2, back(23), 'Помощь в оформлении ежемесячной выплаты по уходу'),
  ]);
}
