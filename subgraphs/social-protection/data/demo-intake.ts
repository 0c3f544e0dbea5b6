import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO_ORGANIZATIONS as ORG } from '../../kit/demo/organizations';
import { DEMO_PEOPLE as P } from '../../kit/demo/people';
import { snilsFromSequence } from '../../kit/domain/snils';
import { stableId } from '../../kit/domain/stable-id';
import { today } from '../../kit/platform/clock';
import { subtractWorkingDays } from '../calendar/calendar-data';
import { storedFederalCalendar } from '../calendar/calendar-reference';
import { ContactAttempt, ContactOutcome } from '../contact-attempt/contact-attempt.entity';
import { Signal, SignalCloseReason, SignalSource } from '../signal/signal.entity';
import { ContactMethod } from '../support-case/stages';
import { DEMO_SUPPORT } from './demo-support';

const id = (kind: string, name: string) => stableId(`social-protection-${kind}`, name);

/** Ids tests and other demo files may use. */
export const DEMO_INTAKE = {
  anonymousCall: id('signal', 'intake-anonymous-call'),
  unknownIpra: id('signal', 'intake-unknown-ipra'),
  personalAppeal: id('signal', 'intake-personal-appeal'),
  consultationCall: id('signal', 'intake-consultation-call'),
  /** A SNILS no demo person has: the IPRA extract about it waits for a coordinator to register the person. */
  unknownSnils: snilsFromSequence(777_000_001),
} as const;

/**
 * The intake (issue 15 §2), laid out in working days back from today like the other demo data: the Irkutsk operator's
 * queue holds an anonymous helpline call (seed 004 §1.12, annex 4 §3.6), an IPRA extract about a person the hub does
 * not know, and a personal appeal without a SNILS; a named call answered with a consultation is closed and stays in the
 * call journal. Nina Smirnova's case (identified 3 working days ago) shows the failed contact attempts of seed 003
 * §16–18: a phone call nobody answered, then a home visit that found nobody — a letter by post is next. Upserts by stable ids.
 */
export async function loadDemoIntake(em: EntityManager): Promise<void> {
  const cal = await storedFederalCalendar(em);
  const day = today();
  const back = (n: number) => subtractWorkingDays(cal, day, n);
  const irkutsk = { operatorOrganizationId: ORG.irkutskOperator.id, territoryOktmo: ORG.irkutskOperator.oktmo };
  const coordinator = `demo-coordinator-${ORG.irkutskOperator.oktmo}`;
  // The Irkutsk region is UTC+8 (seed 003): calls at the helpline's working hours there (seed 004 annex 4 §3.1).
  const at = (d: string, time: string) => new Date(`${d}T${time}:00+08:00`);

  const base = {
    personId: null,
    personSnils: null,
    submittingOrganizationId: null,
    ipraNumber: null,
    callerAnonymous: false,
    callNumber: null,
    calledAt: null,
    callerName: null,
    callerCategory: null,
    callerBirthYear: null,
    result: null,
    serviceCode: null,
    supportCaseId: null,
    closedOn: null,
    closeReason: null,
    closeComment: null,
    handledBy: null,
    ...irkutsk,
  };
  const consultationDay = back(4);
  const anonymousDay = back(2);
  const ipraDay = back(2);
  const appealDay = back(1);
  await em.upsertMany(Signal, [
    {
      ...base,
      id: DEMO_INTAKE.consultationCall,
      idempotencyKey: 'demo-intake-consultation-call',
      submittedBy: coordinator,
      source: SignalSource.HELPLINE,
      receivedOn: consultationDay,
      summary: 'Спрашивает, как получить кресло-коляску во временное пользование до выдачи по ИПРА',
      callNumber: '1',
      calledAt: at(consultationDay, '10:15'),
      callerName: 'Кузьмина Валентина Петровна',
      callerCategory: 'пенсионер',
      callerBirthYear: 1954,
      result: 'Разъяснён порядок выдачи ТСР в пункте проката',
      serviceCode: '4.1',
      closedOn: consultationDay,
      closeReason: SignalCloseReason.CONSULTATION_GIVEN,
      closeComment: 'Направлена в пункт проката ТСР',
      handledBy: coordinator,
      createdAt: at(consultationDay, '10:15'),
    },
    {
      ...base,
      id: DEMO_INTAKE.anonymousCall,
      idempotencyKey: 'demo-intake-anonymous-call',
      submittedBy: coordinator,
      source: SignalSource.HELPLINE,
      receivedOn: anonymousDay,
      summary: 'Анонимный звонок: соседка после инсульта живёт одна, не выходит из дома, родственников нет',
      callerAnonymous: true,
      callNumber: '2',
      calledAt: at(anonymousDay, '11:40'),
      callerCategory: 'сосед',
      result: 'Передано куратору участка для выявления',
      serviceCode: '4.2',
      createdAt: at(anonymousDay, '11:40'),
    },
    {
      ...base,
      id: DEMO_INTAKE.unknownIpra,
      idempotencyKey: 'demo-intake-unknown-ipra',
      submittedBy: 'mse-bureau-gateway',
      source: SignalSource.IPRA_EXTRACT,
      personSnils: DEMO_INTAKE.unknownSnils,
      receivedOn: ipraDay,
      summary: 'Выписка из ИПРА ребёнка-инвалида: гражданин не найден в регистре по СНИЛС',
      ipraNumber: 'ИПРА-ДЕМО-101',
      createdAt: at(ipraDay, '09:05'),
    },
    {
      ...base,
      id: DEMO_INTAKE.personalAppeal,
      idempotencyKey: 'demo-intake-personal-appeal',
      submittedBy: coordinator,
      source: SignalSource.PERSONAL_APPEAL,
      receivedOn: appealDay,
      summary: 'Мать ребёнка с ОВЗ 7 лет просит помочь с направлением на ПМПК; документы при себе не было',
      createdAt: at(appealDay, '15:20'),
    },
  ]);

  // The demo's matched signals were written before signals were routed: they belong to their case's operator.
  await em.getConnection().execute(
    `update "signal" s set "operator_organization_id" = c."operator_organization_id", "territory_oktmo" = c."territory_oktmo"
       from "support_case" c where s."support_case_id" = c."id" and s."operator_organization_id" is null`,
  );

  const attempt = (n: number, attemptedOn: string, method: ContactMethod, outcome: ContactOutcome, note: string) => ({
    id: id('contact-attempt', `smirnova:${n}`),
    supportCaseId: DEMO_SUPPORT.smirnovaCase,
    personId: P.ninaSmirnova.id,
    attemptedOn,
    method,
    outcome,
    note,
    recordedBy: `demo-coordinator-${ORG.angarskOperator.oktmo}`,
    recordedAt: new Date(`${attemptedOn}T03:00:00.${String(n).padStart(3, '0')}Z`),
    idempotencyKey: `demo-contact-smirnova-${n}`,
  });
  await em.upsertMany(ContactAttempt, [
    attempt(1, back(2), ContactMethod.PHONE, ContactOutcome.NOT_REACHED, 'Телефон не отвечает (звонили дважды)'),
    attempt(2, back(1), ContactMethod.HOME_VISIT, ContactOutcome.NOT_REACHED, 'Выезд по адресу: дверь не открыли, соседи не знают'),
  ]);
}
