import {
  AlertSeverity,
  RouteStepStatus,
  stepId,
  type AgencyRoute,
  type RouteAlert,
  type RouteStep,
} from '../../conventions/route/contract';
import type { ProductionCalendar } from '../calendar/production-calendar';
import type { Measure, Programme } from '../programme/programme.entity';
import { MeasureStatus, ProgrammeKind } from '../programme/programme.entity';
import type { Referral } from '../referral/referral.entity';
import { ReferralStatus, unansweredTooLong } from '../referral/referral-status';
import { isAnswerOverdue, referralAnswerDeadline } from '../referral/referral.rules';
import { SignalSource, type Signal } from '../signal/signal.entity';
import type { ContactAttempt } from '../contact-attempt/contact-attempt.entity';
import type { NeedsAssessment } from '../needs-assessment/needs-assessment.entity';
import { assessmentStep } from '../needs-assessment/assessment-route';
import type { StageTransition, SupportCase } from './support-case.entity';
import { caseDeadline } from './support-case.rules';
import { identificationTerm, isOverdue, SupportStage } from './stages';

export const AGENCY = 'SOCIAL_PROTECTION';

export interface PersonSupportRecords {
  personId: string;
  cases: SupportCase[];
  transitions: StageTransition[];
  signals: Signal[];
  programmes: Programme[];
  measures: Measure[];
  referrals: Referral[];
  /** Attempts to reach the citizen (seed 003 §16–18); optional for callers that build a route without them. */
  contactAttempts?: ContactAttempt[];
  /** Needs assessments of the person's cases (seed 003 §16.3, §19); shown as steps of their own. */
  assessments?: NeedsAssessment[];
}

const SIGNAL_TITLES: Record<string, string> = {
  IPRA_EXTRACT: 'Сигнал: выписка из ИПРА',
  ORGANIZATION_APPEAL: 'Сигнал: обращение организации',
  PERSONAL_APPEAL: 'Сигнал: личное обращение',
  HEALTH_INSTITUTION: 'Сигнал: учреждение здравоохранения',
  HELPLINE: 'Сигнал: звонок на телефон «Помощь»',
};

const CONTACT_ATTEMPT_TITLES: Record<string, string> = {
  PHONE: 'Звонок гражданину',
  HOME_VISIT: 'Выезд по месту жительства',
  POST: 'Уведомление по почте',
};
const CONTACT_OUTCOME_TITLES: Record<string, string> = {
  REACHED: 'контакт установлен',
  NOT_REACHED: 'не удалось связаться',
  CANNOT_COME: 'не может прибыть по состоянию здоровья',
  REFUSED: 'отказ от сопровождения',
  SENT: 'письмо отправлено',
};

/**
 * The step the current stage is working towards, with the stage's deadline (seed 003 §16, seed 004 §3.2). IDENTIFIED
 * has none here: its step says what its term asks for, which depends on the signal (`identifiedStep`).
 */
const PENDING: Partial<Record<SupportStage, { kind: string; title: string }>> = {
  CONTACTED: { kind: 'ASSESSMENT', title: 'Оценить нуждаемость в сопровождении' },
  NEEDS_ASSESSED: { kind: 'PROGRAMME', title: 'Предложить программу сопровождения' },
  PROGRAMME_AGREED: { kind: 'MEASURE', title: 'Начать реализацию программы' },
  IN_IMPLEMENTATION: { kind: 'CONCLUSION', title: 'Заключение о выполнении программы' },
};

/**
 * The pending step of an IDENTIFIED case says what the term that runs asks for (identificationTerm, the one rule for
 * both): after an IPRA extract or an organization's appeal, contact within 5 working days (seed 003 §16); after a
 * personal appeal the citizen is already here, so it is the primary reception's collection and analysis of needs
 * within 3 working days (seed 004 §3.2.3), not a contact; after a helpline call or the operator's own identification
 * the seeds set no term, and the title says so.
 */
export function identifiedStep(source: SignalSource | null | undefined): { kind: string; title: string } {
  const term = identificationTerm(source);
  if (term?.rule === 'contact-after-signal') {
    return { kind: 'CONTACT', title: 'Связаться с гражданином в течение 5 рабочих дней (телефон, выезд или письмо)' };
  }
  if (term?.rule === 'needs-assessment-after-appeal') {
    return { kind: 'CONTACT', title: 'Первичный приём: собрать и проанализировать сведения о нуждаемости в течение 3 рабочих дней' };
  }
  if (source === SignalSource.HELPLINE) {
    return { kind: 'CONTACT', title: 'Связаться с гражданином по итогам звонка на телефон «Помощь» (срок не установлен)' };
  }
  return { kind: 'CONTACT', title: 'Связаться с гражданином (срок не установлен)' };
}

const DONE_STEP: Partial<Record<SupportStage, { kind: string; title: string }>> = {
  CONTACTED: { kind: 'CONTACT', title: 'Контакт с гражданином установлен' },
  NEEDS_ASSESSED: { kind: 'ASSESSMENT', title: 'Нуждаемость оценена' },
  CONCLUDED: { kind: 'CONCLUSION', title: 'Заключение о выполнении программы' },
};

const REFERRAL_STATUS: Record<ReferralStatus, RouteStepStatus> = {
  DRAFT: RouteStepStatus.PLANNED,
  REQUESTED: RouteStepStatus.PLANNED,
  ACCEPTED: RouteStepStatus.IN_PROGRESS,
  IN_PROGRESS: RouteStepStatus.IN_PROGRESS,
  ON_HOLD: RouteStepStatus.IN_PROGRESS,
  DONE: RouteStepStatus.DONE,
  REJECTED: RouteStepStatus.DECLINED,
  FAILED: RouteStepStatus.CANCELLED,
  CANCELLED: RouteStepStatus.CANCELLED,
};

const MEASURE_STATUS: Record<MeasureStatus, RouteStepStatus> = {
  PLANNED: RouteStepStatus.PLANNED,
  IN_PROGRESS: RouteStepStatus.IN_PROGRESS,
  DONE: RouteStepStatus.DONE,
  CANCELLED: RouteStepStatus.CANCELLED,
};

/**
 * Social protection's part of a person's route (route convention, conventions/route/contract.ts): the signals, each
 * stage reached, the pending step with its working-day deadline, programmes, measures and referrals;
 * alerts DEADLINE_OVERDUE and REFERRAL_UNANSWERED (> 2 working days). Pure: records and calendars in.
 */
export function buildSupportRoute(
  records: PersonSupportRecords,
  calendarOf: (c: SupportCase) => ProductionCalendar,
  today: string,
): AgencyRoute {
  const steps: RouteStep[] = [];
  const alerts: RouteAlert[] = [];
  const { personId } = records;
  const step = (s: Omit<RouteStep, 'personId' | 'agency' | 'id' | 'executorAgency' | 'followsFrom'> & Partial<RouteStep>): RouteStep => {
    const built: RouteStep = {
      id: stepId(AGENCY, s.recordType, s.recordId),
      personId,
      agency: AGENCY,
      followsFrom: [],
      executorAgency: null,
      provisional: false,
      ...s,
    };
    steps.push(built);
    return built;
  };
  const caseById = new Map(records.cases.map((c) => [c.id, c]));

  for (const signal of records.signals) {
    step({
      kind: 'SIGNAL',
      title: SIGNAL_TITLES[signal.source] ?? 'Сигнал',
      status: RouteStepStatus.DONE,
      period: { startsOn: signal.receivedOn, endsOn: signal.receivedOn },
      dueOn: null,
      organizationId: signal.submittingOrganizationId,
      responsible: null,
      recordType: 'Signal',
      recordId: signal.id,
    });
  }
  for (const t of records.transitions) {
    const done = DONE_STEP[t.toStage];
    const c = caseById.get(t.caseId);
    if (!done || !c) continue;
    step({
      kind: done.kind,
      title: t.contactMethod ? `${done.title} (${t.contactMethod})` : done.title,
      status: RouteStepStatus.DONE,
      period: { startsOn: t.on, endsOn: t.on },
      dueOn: null,
      organizationId: c.operatorOrganizationId,
      responsible: c.coordinatorPost,
      recordType: 'StageTransition',
      recordId: t.id,
      followsFrom: c.signalId ? [stepId(AGENCY, 'Signal', c.signalId)] : [],
    });
  }
  for (const c of records.cases) {
    const pending = c.stage === SupportStage.IDENTIFIED ? identifiedStep(c.openingSource) : PENDING[c.stage];
    if (!pending) continue;
    const deadline = caseDeadline(c, calendarOf(c));
    const overdue = deadline !== null && isOverdue(deadline.dueDate, today);
    const s = step({
      kind: pending.kind,
      title: pending.title,
      status: overdue ? RouteStepStatus.OVERDUE : RouteStepStatus.PLANNED,
      period: { startsOn: c.stageEnteredOn, endsOn: null },
      dueOn: deadline?.dueDate ?? null,
      provisional: deadline?.provisional ?? false,
      organizationId: c.operatorOrganizationId,
      responsible: c.coordinatorPost,
      recordType: 'SupportCase',
      recordId: c.id,
      followsFrom: c.signalId ? [stepId(AGENCY, 'Signal', c.signalId)] : [],
    });
    if (overdue && deadline) {
      alerts.push({
        code: 'DEADLINE_OVERDUE',
        severity: AlertSeverity.CRITICAL,
        agency: AGENCY,
        personId,
        stepId: s.id,
        message: `Срок этапа ${c.stage} истёк ${deadline.dueDate}: ${deadline.description} (${deadline.source})`,
      });
    }
  }
  // Each attempt to reach the citizen is a step of the contact (seed 003 §16–18): a failed one shows what was tried.
  for (const a of records.contactAttempts ?? []) {
    const c = caseById.get(a.supportCaseId);
    step({
      kind: 'CONTACT_ATTEMPT',
      title: `${CONTACT_ATTEMPT_TITLES[a.method] ?? a.method}: ${CONTACT_OUTCOME_TITLES[a.outcome] ?? a.outcome}`,
      status: RouteStepStatus.DONE,
      period: { startsOn: a.attemptedOn, endsOn: a.attemptedOn },
      dueOn: null,
      organizationId: c?.operatorOrganizationId ?? null,
      responsible: c?.coordinatorPost ?? null,
      recordType: 'ContactAttempt',
      recordId: a.id,
      followsFrom: c?.signalId ? [stepId(AGENCY, 'Signal', c.signalId)] : [],
    });
  }
  for (const a of records.assessments ?? []) {
    const c = caseById.get(a.caseId);
    if (c) step(assessmentStep(a, c, today));
  }
  for (const p of records.programmes) {
    step({
      kind: 'PROGRAMME',
      title: p.kind === ProgrammeKind.SUPPORT_PROGRAMME ? 'ИПСС согласована' : 'ИППСУ с разделом сопровождения согласована',
      status: RouteStepStatus.DONE,
      period: { startsOn: p.validFrom, endsOn: p.validUntil },
      dueOn: null,
      organizationId: caseById.get(p.caseId)?.operatorOrganizationId ?? null,
      responsible: caseById.get(p.caseId)?.coordinatorPost ?? null,
      recordType: 'Programme',
      recordId: p.id,
    });
  }
  for (const m of records.measures) {
    step({
      kind: 'MEASURE',
      title: m.title,
      status: MEASURE_STATUS[m.status],
      period: { startsOn: m.plannedFrom, endsOn: m.plannedTo },
      dueOn: m.plannedTo,
      organizationId: m.executingOrganizationId,
      responsible: null,
      recordType: 'Measure',
      recordId: m.id,
      followsFrom: [stepId(AGENCY, 'Programme', m.programmeId)],
      executorAgency: m.executorAgency === AGENCY ? null : m.executorAgency,
    });
  }
  for (const r of records.referrals) {
    const c = caseById.get(r.caseId);
    // While it waits for an answer, the step is due on the executor's answer day (seed 003 §16, §27) and late after it.
    const answerDueOn =
      c && r.status === ReferralStatus.REQUESTED && r.requestedOn ? referralAnswerDeadline(r.requestedOn, calendarOf(c)).dueDate : null;
    const s = step({
      kind: 'REFERRAL',
      title: `Направление (${r.status})`,
      status: isAnswerOverdue(r.status, answerDueOn, today) ? RouteStepStatus.OVERDUE : REFERRAL_STATUS[r.status],
      period: { startsOn: r.requestedOn ?? r.statusChangedOn, endsOn: null },
      dueOn: answerDueOn,
      organizationId: r.executorOrganizationId,
      responsible: null,
      recordType: 'Referral',
      recordId: r.id,
      followsFrom: [stepId(AGENCY, 'Measure', r.measureId)],
      executorAgency: r.executorAgency === AGENCY ? null : r.executorAgency,
    });
    if (c && r.status === ReferralStatus.REQUESTED && r.requestedOn && unansweredTooLong(r.requestedOn, today, calendarOf(c))) {
      alerts.push({
        code: 'REFERRAL_UNANSWERED',
        severity: AlertSeverity.WARNING,
        agency: AGENCY,
        personId,
        stepId: s.id,
        message: `Направление от ${r.requestedOn} без ответа более 2 рабочих дней (${r.executorAgency})`,
      });
    }
  }
  steps.sort((a, b) => (a.period.startsOn ?? '9999').localeCompare(b.period.startsOn ?? '9999') || a.id.localeCompare(b.id));
  return { agency: AGENCY, steps, alerts };
}

export { SupportStage };
