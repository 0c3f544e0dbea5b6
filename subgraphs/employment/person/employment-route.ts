import {
  AlertSeverity,
  RouteStepStatus,
  stepId,
  type AgencyRoute,
  type RouteAlert,
  type RouteStep,
} from '../../conventions/route/contract';
import { JobSeekerRegistration, JobSeekerStatus } from '../job-seeker/job-seeker-registration.entity';
import { NO_OFFER_ALERT_DAYS } from '../job-seeker/job-seeker.rules';
import { JobPlacement } from '../placement/job-placement.entity';
import { SocialContractEmploymentMeasure, SocialContractMeasureStatus } from '../social-contract/social-contract-measure.entity';
import { SocialEmployment } from '../social-employment/social-employment.entity';
import { daysBetween, type IsoDate } from '../../kit/platform/dates';
import { AGENCY } from '../shared/specialist.policy';
import { VocationalTraining, VocationalTrainingStatus } from '../vocational-training/vocational-training.entity';

/** Social employment needs a decision on its continuation this many days before it ends. */
export const SOCIAL_EMPLOYMENT_ENDING_DAYS = 30;

/** The columns the route reads of each record (the edges and periods of the API are not needed here). */
type Row<T, K extends keyof T> = Pick<T, K>;
export interface EmploymentRecords {
  registrations: Row<JobSeekerRegistration, 'id' | 'registeredOn' | 'closedOn' | 'status' | 'organizationId'>[];
  placements: Row<
    JobPlacement,
    'id' | 'startDate' | 'endDate' | 'quotaJobId' | 'position' | 'employerName' | 'organizationId' | 'withCadreCentre'
  >[];
  socialEmployment: Row<SocialEmployment, 'id' | 'startDate' | 'endDate' | 'activity' | 'organizationId'>[];
  trainings: Row<VocationalTraining, 'id' | 'startDate' | 'endDate' | 'status' | 'programme' | 'organizationId'>[];
  contractMeasures: Row<
    SocialContractEmploymentMeasure,
    'id' | 'startDate' | 'endDate' | 'status' | 'contractNumber' | 'measure' | 'organizationId'
  >[];
}

function periodStatus(start: IsoDate, end: IsoDate | null, today: IsoDate): RouteStepStatus {
  if (start > today) return RouteStepStatus.PLANNED;
  if (end && end < today) return RouteStepStatus.DONE;
  return RouteStepStatus.IN_PROGRESS;
}

const base = (personId: string) => ({ personId, agency: AGENCY, dueOn: null, followsFrom: [] as string[], executorAgency: null });

/**
 * Employment's part of a person's route (route convention, conventions/route/contract.ts): registrations, placements,
 * social employment, training and social-contract measures become steps; the alerts are employment's own.
 */
export function buildEmploymentRoute(personId: string, records: EmploymentRecords, today: IsoDate): AgencyRoute {
  const steps: RouteStep[] = [];
  const alerts: RouteAlert[] = [];
  const alert = (code: string, severity: AlertSeverity, message: string, step: string | null): void => {
    alerts.push({ code, severity, message, personId, stepId: step, agency: AGENCY });
  };

  const registrationStep = new Map<string, string>();
  for (const r of records.registrations) {
    const id = stepId(AGENCY, 'JobSeekerRegistration', r.id);
    registrationStep.set(r.id, id);
    steps.push({
      ...base(personId),
      id,
      kind: 'JOB_SEEKER_REGISTRATION',
      title: 'Регистрация в центре занятости в качестве ищущего работу',
      status: r.status === JobSeekerStatus.ACTIVE ? RouteStepStatus.IN_PROGRESS : RouteStepStatus.DONE,
      period: { startsOn: r.registeredOn, endsOn: r.closedOn },
      organizationId: r.organizationId,
      responsible: 'Специалист центра занятости',
      recordType: 'JobSeekerRegistration',
      recordId: r.id,
    });
    if (r.status === JobSeekerStatus.ACTIVE) {
      const days = daysBetween(r.registeredOn, today);
      const placedSince = records.placements.some((p) => p.startDate >= r.registeredOn);
      if (days > NO_OFFER_ALERT_DAYS && !placedSince) {
        alert(
          'JOB_SEEKER_NO_OFFER',
          AlertSeverity.WARNING,
          `Зарегистрирован ищущим работу ${r.registeredOn} (${days} дн.), трудоустройства нет`,
          id,
        );
      }
    }
  }
  // A step follows from the registration it arose from: the latest one on or before its start.
  const fromRegistration = (start: IsoDate): string[] => {
    const r = records.registrations.filter((x) => x.registeredOn <= start).sort((a, b) => b.registeredOn.localeCompare(a.registeredOn))[0];
    return r ? [registrationStep.get(r.id)!] : [];
  };

  for (const p of records.placements) {
    steps.push({
      ...base(personId),
      id: stepId(AGENCY, 'JobPlacement', p.id),
      kind: 'JOB_PLACEMENT',
      title: `Трудоустройство${p.quotaJobId ? ' на квотируемое место' : ''}: ${p.position}, ${p.employerName}`,
      status: periodStatus(p.startDate, p.endDate, today),
      period: { startsOn: p.startDate, endsOn: p.endDate },
      organizationId: p.organizationId,
      responsible: p.withCadreCentre ? 'Центр занятости совместно с Кадровым центром Иркутской области' : 'Специалист центра занятости',
      recordType: 'JobPlacement',
      recordId: p.id,
      followsFrom: fromRegistration(p.startDate),
    });
  }

  for (const s of records.socialEmployment) {
    const id = stepId(AGENCY, 'SocialEmployment', s.id);
    const status = periodStatus(s.startDate, s.endDate, today);
    steps.push({
      ...base(personId),
      id,
      kind: 'SOCIAL_EMPLOYMENT',
      title: `Социальная занятость: ${s.activity}`,
      status,
      period: { startsOn: s.startDate, endsOn: s.endDate },
      dueOn: s.endDate,
      organizationId: s.organizationId,
      responsible: 'Организация социальной занятости',
      recordType: 'SocialEmployment',
      recordId: s.id,
      followsFrom: fromRegistration(s.startDate),
    });
    const left = daysBetween(today, s.endDate);
    if (status === RouteStepStatus.IN_PROGRESS && left <= SOCIAL_EMPLOYMENT_ENDING_DAYS) {
      alert('SOCIAL_EMPLOYMENT_ENDING', AlertSeverity.INFO, `Социальная занятость заканчивается ${s.endDate}: решить о продлении`, id);
    }
  }

  for (const t of records.trainings) {
    const status =
      t.status === VocationalTrainingStatus.DONE
        ? RouteStepStatus.DONE
        : t.status === VocationalTrainingStatus.DROPPED_OUT
          ? RouteStepStatus.CANCELLED
          : t.endDate < today
            ? RouteStepStatus.OVERDUE
            : periodStatus(t.startDate, null, today);
    steps.push({
      ...base(personId),
      id: stepId(AGENCY, 'VocationalTraining', t.id),
      kind: 'VOCATIONAL_TRAINING',
      title: `Профессиональное обучение: ${t.programme}`,
      status,
      period: { startsOn: t.startDate, endsOn: t.endDate },
      dueOn: t.endDate,
      organizationId: t.organizationId,
      responsible: 'Центр занятости',
      recordType: 'VocationalTraining',
      recordId: t.id,
      followsFrom: fromRegistration(t.startDate),
    });
  }

  for (const m of records.contractMeasures) {
    const id = stepId(AGENCY, 'SocialContractEmploymentMeasure', m.id);
    const open = m.status === SocialContractMeasureStatus.PLANNED || m.status === SocialContractMeasureStatus.IN_PROGRESS;
    const status =
      m.status === SocialContractMeasureStatus.DONE
        ? RouteStepStatus.DONE
        : m.status === SocialContractMeasureStatus.NOT_DONE
          ? RouteStepStatus.CANCELLED
          : m.endDate < today
            ? RouteStepStatus.OVERDUE
            : periodStatus(m.startDate, null, today);
    steps.push({
      ...base(personId),
      id,
      kind: 'MEASURE',
      title: `Мероприятие социального контракта № ${m.contractNumber}: ${m.measure}`,
      status,
      period: { startsOn: m.startDate, endsOn: m.endDate },
      dueOn: m.endDate,
      organizationId: m.organizationId,
      responsible: 'Центр занятости',
      recordType: 'SocialContractEmploymentMeasure',
      recordId: m.id,
    });
    if (open && m.endDate < today) {
      // Seed 004 annex 5 §3.2.7, §4.1.4: timeliness of the adaptation programme's measures is monitored.
      alert(
        'SOCIAL_CONTRACT_MEASURE_OVERDUE',
        AlertSeverity.WARNING,
        `Мероприятие социального контракта № ${m.contractNumber} просрочено (${m.endDate})`,
        id,
      );
    }
  }

  steps.sort((a, b) => (a.period.startsOn ?? '').localeCompare(b.period.startsOn ?? '') || a.id.localeCompare(b.id));
  return { agency: AGENCY, steps, alerts };
}
