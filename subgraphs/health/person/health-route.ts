import { Agency } from '../../kit/policy/roles';
import {
  AlertSeverity,
  RouteStepStatus,
  stepId,
  type AgencyRoute,
  type RouteAlert,
  type RouteStep,
} from '../../conventions/route/contract';
import { isHealthSection, SECTION_TITLE } from '../ipra/ipra-sections';
import { Ipra, IpraDisabilityGroup, IpraMeasure, IpraMeasureExecutionStatus } from '../ipra/ipra.entity';
import { MseReferral, MseReferralPurpose, MseReferralStatus } from '../mse/mse-referral.entity';
import { pendingReExamination, reExaminationAlertDue } from '../mse/mse.rules';
import { RehabilitationCourse, RehabilitationCourseStatus } from '../rehabilitation/rehabilitation-course.entity';
import { AGENCY } from '../shared/agency';
import { daysBetween, type IsoDate } from '../../kit/platform/dates';

/** A new IPRA needs a re-examination first; the route warns this many days before the IPRA lapses. */
export const IPRA_EXPIRY_WARNING_DAYS = 60;

export interface HealthRecords {
  ipras: Ipra[];
  measures: IpraMeasure[];
  referrals: MseReferral[];
  courses: RehabilitationCourse[];
}

const GROUP_TITLE: Record<IpraDisabilityGroup, string> = {
  I: 'I группа',
  II: 'II группа',
  III: 'III группа',
  DISABLED_CHILD: 'ребёнок-инвалид',
};

/** Who answers for a measure, by executing agency (a post or a kind of organization, never a private person). */
const RESPONSIBLE: Record<string, string> = {
  [Agency.HEALTH]: 'Медицинская организация',
  [Agency.EMPLOYMENT]: 'Центр занятости населения',
  [Agency.EDUCATION]: 'Образовательная организация',
  [Agency.SOCIAL_PROTECTION]: 'Организация социального обслуживания',
};

/** The route status of an IPRA measure from what its executor reported and its recommended period. */
export function measureStepStatus(m: Pick<IpraMeasure, 'executionStatus' | 'periodFrom' | 'periodTo'>, today: IsoDate): RouteStepStatus {
  switch (m.executionStatus) {
    case IpraMeasureExecutionStatus.DONE:
      return RouteStepStatus.DONE;
    case IpraMeasureExecutionStatus.NOT_DONE:
      return RouteStepStatus.DECLINED;
    case IpraMeasureExecutionStatus.IN_PROGRESS:
      return m.periodTo < today ? RouteStepStatus.OVERDUE : RouteStepStatus.IN_PROGRESS;
    default:
      return m.periodTo < today ? RouteStepStatus.OVERDUE : RouteStepStatus.PLANNED;
  }
}

function referralStepStatus(r: MseReferral, today: IsoDate): RouteStepStatus {
  switch (r.status) {
    case MseReferralStatus.EXAMINED:
      return RouteStepStatus.DONE;
    case MseReferralStatus.CANCELLED:
      return RouteStepStatus.CANCELLED;
    case MseReferralStatus.RETURNED:
      return RouteStepStatus.DECLINED;
    default:
      return r.dueOn && r.dueOn < today ? RouteStepStatus.OVERDUE : RouteStepStatus.IN_PROGRESS;
  }
}

function courseStepStatus(c: RehabilitationCourse, today: IsoDate): RouteStepStatus {
  if (c.status === RehabilitationCourseStatus.DONE) return RouteStepStatus.DONE;
  if (c.status === RehabilitationCourseStatus.INTERRUPTED) return RouteStepStatus.CANCELLED;
  if (c.toDate < today) return RouteStepStatus.OVERDUE;
  return c.status === RehabilitationCourseStatus.IN_PROGRESS ? RouteStepStatus.IN_PROGRESS : RouteStepStatus.PLANNED;
}

const step = (personId: string, s: Omit<RouteStep, 'personId' | 'agency'>): RouteStep => ({ personId, agency: AGENCY, ...s });

/**
 * Health's part of a person's route (route convention, conventions/route/contract.ts): the IPRA, each of its measures
 * (with the executing agency for the sections other agencies execute), MSE examinations and the next
 * re-examination, rehabilitation courses; and health's own alerts.
 */
export function buildHealthRoute(personId: string, records: HealthRecords, today: IsoDate): AgencyRoute {
  const steps: RouteStep[] = [];
  const alerts: RouteAlert[] = [];
  const alert = (code: string, severity: AlertSeverity, message: string, stepRef: string | null) =>
    alerts.push({ code, severity, message, personId, stepId: stepRef, agency: AGENCY });

  const ipraById = new Map(records.ipras.map((i) => [i.id, i]));
  for (const ipra of records.ipras) {
    steps.push(
      step(personId, {
        id: stepId(AGENCY, 'Ipra', ipra.id),
        kind: 'IPRA',
        title: `ИПРА № ${ipra.number} (${GROUP_TITLE[ipra.disabilityGroup]})`,
        status: RouteStepStatus.DONE,
        period: { startsOn: ipra.issuedOn, endsOn: ipra.validUntil },
        dueOn: null,
        organizationId: null,
        responsible: ipra.mseBureauName,
        recordType: 'Ipra',
        recordId: ipra.id,
        followsFrom: [],
        executorAgency: null,
      }),
    );
  }

  for (const m of records.measures) {
    const ipra = ipraById.get(m.ipra.id);
    const id = stepId(AGENCY, 'IpraMeasure', m.id);
    const aid = m.aidCode ? `${m.queuedForOwnAid ? ' (в очереди на обеспечение)' : ''}` : '';
    steps.push(
      step(personId, {
        id,
        kind: 'IPRA_MEASURE',
        title: `ИПРА, ${SECTION_TITLE[m.section].toLowerCase()}: ${m.title}${aid}`,
        status: measureStepStatus(m, today),
        period: { startsOn: m.periodFrom, endsOn: m.periodTo },
        dueOn: m.periodTo,
        organizationId: m.executorOrganizationId,
        responsible: m.executorAgency ? (RESPONSIBLE[m.executorAgency] ?? null) : 'Социальный фонд России (обеспечение ТСР)',
        recordType: 'IpraMeasure',
        recordId: m.id,
        followsFrom: ipra ? [stepId(AGENCY, 'Ipra', ipra.id)] : [],
        executorAgency: m.executorAgency === AGENCY ? null : m.executorAgency,
      }),
    );
    const open =
      m.executionStatus === IpraMeasureExecutionStatus.NOT_STARTED || m.executionStatus === IpraMeasureExecutionStatus.IN_PROGRESS;
    const ipraInForce = !ipra?.validUntil || ipra.validUntil >= today;
    if (open && ipraInForce && isHealthSection(m.section) && !m.executorOrganizationId) {
      // Nobody can execute a measure that has no executor; the coordinator must get one assigned (seed 003 §27, §33.6).
      alert(
        'IPRA_MEASURE_NO_EXECUTOR',
        m.periodFrom <= today ? AlertSeverity.CRITICAL : AlertSeverity.WARNING,
        `Мероприятие ИПРА «${m.title}» (${SECTION_TITLE[m.section].toLowerCase()}) без организации-исполнителя`,
        id,
      );
    }
  }

  for (const r of records.referrals) {
    steps.push(
      step(personId, {
        id: stepId(AGENCY, 'MseReferral', r.id),
        kind: 'MSE_EXAMINATION',
        title:
          r.purpose === MseReferralPurpose.PRIMARY
            ? 'Направление на МСЭ: первичное освидетельствование'
            : 'Направление на МСЭ: переосвидетельствование',
        status: referralStepStatus(r, today),
        period: { startsOn: r.referredOn, endsOn: r.examinedOn },
        dueOn: r.dueOn,
        organizationId: r.organizationId,
        responsible: 'Врачебная комиссия медицинской организации',
        recordType: 'MseReferral',
        recordId: r.id,
        followsFrom: [],
        executorAgency: null,
      }),
    );
  }

  const pending = pendingReExamination(records.referrals);
  if (pending) {
    const referral = records.referrals.find((r) => r.id === pending.referralId)!;
    let ref = stepId(AGENCY, 'MseReferral', referral.id);
    if (!pending.underWay) {
      // The bureau set the next date but no referral exists yet: the re-examination is a planned step of its own.
      ref = stepId(AGENCY, 'MseReExamination', referral.id);
      steps.push(
        step(personId, {
          id: ref,
          kind: 'MSE_EXAMINATION',
          title: 'Очередное переосвидетельствование МСЭ',
          status: pending.dueOn < today ? RouteStepStatus.OVERDUE : RouteStepStatus.PLANNED,
          period: { startsOn: pending.dueOn, endsOn: null },
          dueOn: pending.dueOn,
          organizationId: referral.organizationId,
          responsible: 'Врачебная комиссия медицинской организации',
          recordType: 'MseReferral',
          recordId: referral.id,
          followsFrom: [stepId(AGENCY, 'MseReferral', referral.id)],
          executorAgency: null,
        }),
      );
    }
    const { due, daysLeft } = reExaminationAlertDue(pending.dueOn, today);
    if (due) {
      // Missing the date ends the disability and the IPRA with it: the referral must reach MSE in time.
      alert(
        'MSE_REEXAMINATION_DUE',
        daysLeft < 0 ? AlertSeverity.CRITICAL : AlertSeverity.WARNING,
        daysLeft < 0
          ? `Срок переосвидетельствования МСЭ ${pending.dueOn} прошёл`
          : `Переосвидетельствование МСЭ до ${pending.dueOn} (через ${daysLeft} дн.)${pending.underWay ? '' : ': направление ещё не оформлено'}`,
        ref,
      );
    }
  }

  const measureIds = new Set(records.measures.map((m) => m.id));
  for (const c of records.courses) {
    steps.push(
      step(personId, {
        id: stepId(AGENCY, 'RehabilitationCourse', c.id),
        kind: 'REHABILITATION_COURSE',
        title: c.title,
        status: courseStepStatus(c, today),
        period: { startsOn: c.fromDate, endsOn: c.toDate },
        dueOn: null,
        organizationId: c.organizationId,
        responsible: 'Медицинская организация',
        recordType: 'RehabilitationCourse',
        recordId: c.id,
        followsFrom: c.ipraMeasureId && measureIds.has(c.ipraMeasureId) ? [stepId(AGENCY, 'IpraMeasure', c.ipraMeasureId)] : [],
        executorAgency: null,
      }),
    );
  }

  const latest = [...records.ipras].sort((a, b) => b.issuedOn.localeCompare(a.issuedOn))[0];
  if (latest?.validUntil) {
    const daysLeft = daysBetween(today, latest.validUntil);
    if (daysLeft <= IPRA_EXPIRY_WARNING_DAYS) {
      alert(
        'IPRA_EXPIRING',
        daysLeft < 0 ? AlertSeverity.CRITICAL : AlertSeverity.WARNING,
        daysLeft < 0
          ? `ИПРА № ${latest.number} истекла ${latest.validUntil}, новая не зарегистрирована`
          : `ИПРА № ${latest.number} действует до ${latest.validUntil} (осталось ${daysLeft} дн.)`,
        stepId(AGENCY, 'Ipra', latest.id),
      );
    }
  }

  steps.sort((a, b) => (a.period.startsOn ?? '').localeCompare(b.period.startsOn ?? '') || a.id.localeCompare(b.id));
  return { agency: AGENCY, steps, alerts };
}
