import { badInput, illegalTransition, ruleViolation } from '../../kit/platform/errors';
import { compareDates, type IsoDate } from '../calendar/iso-date';
import { isClosedStage, SupportStage } from '../support-case/stages';
import { NeedDomain, type NeedFinding } from './needs-assessment.entity';

const hasText = (s: string | null | undefined): boolean => typeof s === 'string' && s.trim().length > 0;

/** The needs of a family are assessed while its case is open; a closed case is reopened by a new signal only. */
export function assertCaseOpenForAssessment(stage: SupportStage): void {
  if (isClosedStage(stage)) throw illegalTransition(`A ${stage} case is closed; its needs are no longer assessed`, { stage });
}

/**
 * seed 003 §16.3: with the citizen's consent the curator agrees the date of the meeting that determines the measures.
 * The meeting is agreed after the signal, so it cannot precede the opening of the case; it may lie ahead.
 */
export function assertMeetingDate(meetingOn: IsoDate, openedOn: IsoDate): void {
  if (compareDates(meetingOn, openedOn) < 0) {
    throw badInput(`The meeting (${meetingOn}) cannot precede the opening of the case (${openedOn})`, { field: 'meetingOn' });
  }
}

/**
 * seed 003 §19: on the day of the meeting the operator surveys the citizen to determine the support measures needed
 * and records the results. The survey is a record of what happened: not in the future, not before the agreed meeting;
 * it looks at each area of need once and finds at least one; a need found is described.
 */
export function assertSurvey(survey: { surveyedOn: IsoDate; findings: NeedFinding[] }, meetingOn: IsoDate, today: IsoDate): void {
  if (compareDates(survey.surveyedOn, today) > 0)
    throw badInput(`The survey day ${survey.surveyedOn} is in the future`, { field: 'surveyedOn' });
  if (compareDates(survey.surveyedOn, meetingOn) < 0) {
    throw ruleViolation(`The survey is held at the agreed meeting (${meetingOn}), not before it (${survey.surveyedOn})`, 'seed 003 §19', {
      field: 'surveyedOn',
    });
  }
  if (survey.findings.length === 0) {
    throw ruleViolation('The survey records its findings per area of need', 'seed 003 §19', { field: 'findings' });
  }
  const seen = new Set<NeedDomain>();
  for (const f of survey.findings) {
    if (seen.has(f.domain)) throw badInput(`The area ${f.domain} is given twice`, { field: 'findings' });
    seen.add(f.domain);
    if (!hasText(f.finding)) throw badInput(`The finding for ${f.domain} is empty`, { field: 'findings' });
  }
}

/** seed 004 §5.1.3, §3.2.5: the act records a survey of the home that happened, with what it found. */
export function assertLivingConditionsAct(act: { drawnUpOn: IsoDate; findings: string }, openedOn: IsoDate, today: IsoDate): void {
  if (compareDates(act.drawnUpOn, today) > 0) throw badInput(`The act's day ${act.drawnUpOn} is in the future`, { field: 'drawnUpOn' });
  if (compareDates(act.drawnUpOn, openedOn) < 0) {
    throw badInput(`The act (${act.drawnUpOn}) cannot precede the opening of the case (${openedOn})`, { field: 'drawnUpOn' });
  }
  if (!hasText(act.findings)) throw badInput('The act states what the survey of the home found', { field: 'findings' });
}

export interface AssessmentState {
  surveyedOn: IsoDate | null;
  findings: NeedFinding[];
}

/**
 * seed 003 §19 (with §30): the list of support measures, and so the programme, comes from the survey on the day of
 * the meeting. A case therefore enters NEEDS_ASSESSED only when its latest assessment holds a survey with findings,
 * and not before the day of that survey.
 */
export function assertAssessedBeforeStage(to: SupportStage, on: IsoDate, latest: AssessmentState | null): void {
  if (to !== SupportStage.NEEDS_ASSESSED) return;
  if (!latest || !latest.surveyedOn || latest.findings.length === 0) {
    throw ruleViolation(
      'Record the survey of the family’s needs (recordNeedsAssessment, saveNeedsSurvey) before NEEDS_ASSESSED',
      'seed 003 §19',
    );
  }
  if (compareDates(on, latest.surveyedOn) < 0) {
    throw ruleViolation(`The needs are assessed on the survey day (${latest.surveyedOn}) at the earliest, not ${on}`, 'seed 003 §19', {
      field: 'on',
    });
  }
}

/** The areas in which the survey found a need. */
export const neededDomains = (latest: AssessmentState | null): NeedDomain[] =>
  (latest?.findings ?? []).filter((f) => f.needed).map((f) => f.domain);

/**
 * seed 003 §19, §30; seed 001 §3.3(1–2): a measure of the programme answers needs the assessment found. Naming a need
 * the survey did not find (or any need before a survey) is a RULE_VIOLATION.
 */
export function assertMeasureAnswersFoundNeeds(needs: NeedDomain[], latest: AssessmentState | null, field = 'needs'): void {
  const found = new Set(neededDomains(latest));
  const stray = needs.filter((n) => !found.has(n));
  if (stray.length > 0) {
    throw ruleViolation(`The assessment found no need in ${stray.join(', ')}: a measure answers needs the survey found`, 'seed 003 §19', {
      field,
    });
  }
}

/** The needs the survey found that no measure answers yet: what the programme still lacks (seed 003 §19, §33.4). */
export function unansweredNeeds(latest: AssessmentState | null, answered: Iterable<NeedDomain>): NeedDomain[] {
  const done = new Set(answered);
  return neededDomains(latest).filter((d) => !done.has(d));
}

/** The latest assessment of a case: by meeting day, then by when it was recorded. */
export function latestAssessment<T extends { meetingOn: IsoDate; recordedAt: Date }>(assessments: readonly T[]): T | null {
  let latest: T | null = null;
  for (const a of assessments) {
    if (!latest || a.meetingOn > latest.meetingOn || (a.meetingOn === latest.meetingOn && a.recordedAt > latest.recordedAt)) latest = a;
  }
  return latest;
}
