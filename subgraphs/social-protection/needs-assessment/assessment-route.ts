import { RouteStepStatus, stepId, type RouteStep } from '../../conventions/route/contract';
import { compareDates } from '../calendar/iso-date';
import type { SupportCase } from '../support-case/support-case.entity';
import type { NeedDomain, NeedsAssessment } from './needs-assessment.entity';

const AGENCY = 'SOCIAL_PROTECTION';

const DOMAIN_TITLES: Record<NeedDomain, string> = {
  MEDICAL: 'медицинская помощь',
  PSYCHOLOGICAL: 'психологическая помощь',
  PEDAGOGICAL: 'педагогическая помощь',
  LEGAL: 'юридическая помощь',
  SOCIAL_HOUSEHOLD: 'социально-бытовые вопросы',
  SOCIAL_ECONOMIC: 'социально-экономические вопросы',
  REHABILITATION: 'реабилитация',
  EMPLOYMENT: 'занятость и обучение',
  TECHNICAL_AID: 'ТСР',
};

/**
 * The needs assessment as a step of the family's route (seed 003 §16.3, §19): planned for the agreed meeting day
 * (OVERDUE once the day has passed without a survey), DONE with the survey, titled with the needs found.
 */
export function assessmentStep(a: NeedsAssessment, c: SupportCase, today: string): Omit<RouteStep, 'personId' | 'agency' | 'id'> {
  const surveyed = a.surveyedOn !== null;
  const needs = a.findings.filter((f) => f.needed).map((f) => DOMAIN_TITLES[f.domain]);
  const title = surveyed
    ? `Опрос о нуждаемости проведён${needs.length ? `: ${needs.join(', ')}` : ': нуждаемость не выявлена'}${a.actKind ? '; акт обследования условий проживания' : ''}`
    : `Встреча для определения перечня мероприятий ${a.meetingOn}`;
  return {
    kind: 'NEEDS_ASSESSMENT',
    title,
    status: surveyed ? RouteStepStatus.DONE : compareDates(today, a.meetingOn) > 0 ? RouteStepStatus.OVERDUE : RouteStepStatus.PLANNED,
    period: { startsOn: a.meetingOn, endsOn: a.surveyedOn },
    dueOn: surveyed ? null : a.meetingOn,
    provisional: false,
    organizationId: c.operatorOrganizationId,
    responsible: c.coordinatorPost,
    recordType: 'NeedsAssessment',
    recordId: a.id,
    followsFrom: c.signalId ? [stepId(AGENCY, 'Signal', c.signalId)] : [],
    executorAgency: null,
  };
}
