import {
  AlertSeverity,
  RouteStepStatus,
  stepId,
  type AgencyRoute,
  type RouteAlert,
  type RouteStep,
} from '../../conventions/route/contract';
import { EarlyHelpProgramme, EarlyHelpProgrammeStatus } from '../early-help/early-help-programme.entity';
import { EarlyHelpSession, EarlyHelpSessionStatus } from '../early-help/early-help-session.entity';
import { EARLY_HELP_AGE_LIMIT } from '../early-help/early-help.rules';
import { Enrolment, EducationForm } from '../enrolment/enrolment.entity';
import { PMPK_EXPIRY_WARNING_DAYS } from '../pmpk/pmpk.rules';
import { PmpkConclusion } from '../pmpk/pmpk-conclusion.entity';
import { birthdayAt, daysBetween, type IsoDate } from '../../kit/platform/dates';
import { AGENCY } from '../shared/specialist.policy';
import { VocationalGuidance } from '../vocational-guidance/vocational-guidance.entity';

/** A child's move out of early help needs a transition plan (kindergarten, PMPK) this many days ahead. */
export const EARLY_HELP_TRANSITION_WARNING_DAYS = 60;

export interface EducationRecords {
  programmes: EarlyHelpProgramme[];
  sessions: EarlyHelpSession[];
  conclusions: PmpkConclusion[];
  enrolments: Enrolment[];
  guidance: VocationalGuidance[];
}

const FORM_TITLE: Record<EducationForm, string> = {
  REGULAR: 'обучение по основной программе',
  INCLUSIVE_CLASS: 'инклюзивный класс',
  SPECIAL_CLASS: 'отдельный (коррекционный) класс',
  HOME_SCHOOLING: 'обучение на дому',
};

/** Status of a period-shaped record on `today`. */
function periodStatus(start: IsoDate, end: IsoDate | null, today: IsoDate): RouteStepStatus {
  if (start > today) return RouteStepStatus.PLANNED;
  if (end && end < today) return RouteStepStatus.DONE;
  return RouteStepStatus.IN_PROGRESS;
}

const base = (personId: string) => ({ personId, agency: AGENCY, dueOn: null, followsFrom: [] as string[], executorAgency: null });

/**
 * Education's part of a person's route (route convention, conventions/route/contract.ts): every programme, session,
 * conclusion, enrolment and guidance becomes a step; the alerts are education's own.
 * `birthDate` comes from social protection through @requires; the programme's recorded birth date is the fallback.
 */
export function buildEducationRoute(personId: string, birthDate: IsoDate | null, records: EducationRecords, today: IsoDate): AgencyRoute {
  const steps: RouteStep[] = [];
  const alerts: RouteAlert[] = [];
  const alert = (code: string, severity: AlertSeverity, message: string, step: string | null): void => {
    alerts.push({ code, severity, message, personId, stepId: step, agency: AGENCY });
  };

  for (const p of records.programmes) {
    const id = stepId(AGENCY, 'EarlyHelpProgramme', p.id);
    const status =
      p.status === EarlyHelpProgrammeStatus.DONE
        ? RouteStepStatus.DONE
        : p.status === EarlyHelpProgrammeStatus.DISCONTINUED
          ? RouteStepStatus.CANCELLED
          : p.endDate < today
            ? RouteStepStatus.OVERDUE
            : periodStatus(p.startDate, null, today);
    steps.push({
      ...base(personId),
      id,
      kind: 'EARLY_HELP_PROGRAMME',
      title: `Индивидуальная программа ранней помощи, ${p.hoursPerMonth} ч/мес`,
      status,
      period: { startsOn: p.startDate, endsOn: p.endDate },
      dueOn: p.endDate,
      organizationId: p.organizationId,
      responsible: 'Специалист службы ранней помощи',
      recordType: 'EarlyHelpProgramme',
      recordId: p.id,
    });
    if (p.status === EarlyHelpProgrammeStatus.ACTIVE) {
      const third = birthdayAt(birthDate ?? p.childBirthDate, EARLY_HELP_AGE_LIMIT);
      const daysLeft = daysBetween(today, third);
      if (daysLeft <= EARLY_HELP_TRANSITION_WARNING_DAYS) {
        // At 3 the child leaves early help (seed 003 §8.2) for the 3–18 band: kindergarten, PMPK.
        alert(
          'EARLY_HELP_AGE_LIMIT',
          daysLeft < 0 ? AlertSeverity.CRITICAL : AlertSeverity.WARNING,
          daysLeft < 0
            ? `Ребёнку исполнилось 3 года ${third}, программа ранней помощи не завершена`
            : `Ребёнку исполнится 3 года ${third} (через ${daysLeft} дн.): нужен план перехода (детский сад, ПМПК)`,
          id,
        );
      }
    }
  }

  const programmeStep = new Map(records.programmes.map((p) => [p.id, stepId(AGENCY, 'EarlyHelpProgramme', p.id)]));
  for (const s of records.sessions) {
    const id = stepId(AGENCY, 'EarlyHelpSession', s.id);
    const status =
      s.status === EarlyHelpSessionStatus.DONE
        ? RouteStepStatus.DONE
        : s.status === EarlyHelpSessionStatus.MISSED
          ? RouteStepStatus.CANCELLED
          : s.date < today
            ? RouteStepStatus.OVERDUE
            : RouteStepStatus.PLANNED;
    const programme = records.programmes.find((p) => p.id === s.programmeId);
    steps.push({
      ...base(personId),
      id,
      kind: 'EARLY_HELP_SESSION',
      title: `Занятие ранней помощи (${s.specialistPost})${s.status === EarlyHelpSessionStatus.MISSED ? ' — не состоялось' : ''}`,
      status,
      period: { startsOn: s.date, endsOn: s.date },
      organizationId: programme?.organizationId ?? null,
      responsible: s.specialistPost,
      recordType: 'EarlyHelpSession',
      recordId: s.id,
      followsFrom: programmeStep.has(s.programmeId) ? [programmeStep.get(s.programmeId)!] : [],
    });
    if (s.status === EarlyHelpSessionStatus.MISSED) {
      alert('EARLY_HELP_SESSION_MISSED', AlertSeverity.WARNING, `Занятие ранней помощи ${s.date} не состоялось`, id);
    }
  }

  const latestConclusion = [...records.conclusions].sort((a, b) => b.date.localeCompare(a.date))[0];
  for (const c of records.conclusions) {
    const id = stepId(AGENCY, 'PmpkConclusion', c.id);
    steps.push({
      ...base(personId),
      id,
      kind: 'PMPK_CONCLUSION',
      title: `Заключение ПМПК № ${c.number}`,
      status: RouteStepStatus.DONE,
      period: { startsOn: c.date, endsOn: c.validUntil },
      dueOn: c.validUntil,
      organizationId: c.commissionOrganizationId,
      responsible: 'ПМПК',
      recordType: 'PmpkConclusion',
      recordId: c.id,
    });
    if (c === latestConclusion) {
      const daysLeft = daysBetween(today, c.validUntil);
      if (daysLeft < 0) {
        alert('PMPK_EXPIRED', AlertSeverity.CRITICAL, `Заключение ПМПК № ${c.number} истекло ${c.validUntil}`, id);
      } else if (daysLeft <= PMPK_EXPIRY_WARNING_DAYS) {
        alert(
          'PMPK_EXPIRING',
          AlertSeverity.WARNING,
          `Заключение ПМПК № ${c.number} действует до ${c.validUntil} (осталось ${daysLeft} дн.)`,
          id,
        );
      }
    }
  }

  for (const e of records.enrolments) {
    steps.push({
      ...base(personId),
      id: stepId(AGENCY, 'Enrolment', e.id),
      kind: 'ENROLMENT',
      title: `Зачисление: ${FORM_TITLE[e.form]}${e.className ? `, ${e.className}` : ''}`,
      status: periodStatus(e.fromDate, e.toDate, today),
      period: { startsOn: e.fromDate, endsOn: e.toDate },
      organizationId: e.organizationId,
      responsible: 'Образовательная организация',
      recordType: 'Enrolment',
      recordId: e.id,
      followsFrom: e.pmpkConclusionId ? [stepId(AGENCY, 'PmpkConclusion', e.pmpkConclusionId)] : [],
    });
  }

  for (const g of records.guidance) {
    steps.push({
      ...base(personId),
      id: stepId(AGENCY, 'VocationalGuidance', g.id),
      kind: 'VOCATIONAL_GUIDANCE',
      title: `Профориентация: ${g.recommendation}`,
      status: g.date > today ? RouteStepStatus.PLANNED : RouteStepStatus.DONE,
      period: { startsOn: g.date, endsOn: g.date },
      organizationId: g.organizationId,
      responsible: 'Профориентолог',
      recordType: 'VocationalGuidance',
      recordId: g.id,
    });
  }

  steps.sort((a, b) => (a.period.startsOn ?? '').localeCompare(b.period.startsOn ?? '') || a.id.localeCompare(b.id));
  return { agency: AGENCY, steps, alerts };
}
