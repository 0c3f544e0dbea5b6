import { badInput, illegalTransition } from '../../kit/platform/errors';
import { ProductionCalendar } from '../calendar/production-calendar';
import { IsoDate, compareDates } from '../calendar/iso-date';

/**
 * Stages of a support case. The open stages follow the route of seed 003 ch. 7 (identification →
 * diagnostic-prognostic → implementation), seed 001 §3.3 (six stages up to monitoring) and seed 000 §3
 * (a conclusion on the execution of the plan closes the work).
 */
export const SupportStage = {
  IDENTIFIED: 'IDENTIFIED',
  CONTACTED: 'CONTACTED',
  NEEDS_ASSESSED: 'NEEDS_ASSESSED',
  PROGRAMME_AGREED: 'PROGRAMME_AGREED',
  IN_IMPLEMENTATION: 'IN_IMPLEMENTATION',
  CONCLUDED: 'CONCLUDED',
  DECLINED: 'DECLINED',
  STOPPED: 'STOPPED',
} as const;
export type SupportStage = (typeof SupportStage)[keyof typeof SupportStage];

/** How the citizen was reached: phone first (seed 003 §16.2), else a home visit (§17), else a letter (§18). */
export const ContactMethod = {
  PHONE: 'PHONE',
  HOME_VISIT: 'HOME_VISIT',
  POST: 'POST',
} as const;
export type ContactMethod = (typeof ContactMethod)[keyof typeof ContactMethod];

/** The forward route; a case moves along it one stage at a time. */
const ROUTE: readonly SupportStage[] = [
  SupportStage.IDENTIFIED,
  SupportStage.CONTACTED,
  SupportStage.NEEDS_ASSESSED,
  SupportStage.PROGRAMME_AGREED,
  SupportStage.IN_IMPLEMENTATION,
  SupportStage.CONCLUDED,
];

/** Support is voluntary (seed 001 §1.5, seed 002 §2.4): the citizen may refuse or stop at any open stage. */
const EXITS: readonly SupportStage[] = [SupportStage.DECLINED, SupportStage.STOPPED];

const CLOSED: readonly SupportStage[] = [SupportStage.CONCLUDED, SupportStage.DECLINED, SupportStage.STOPPED];

export const isSupportStage = (v: unknown): v is SupportStage =>
  typeof v === 'string' && Object.prototype.hasOwnProperty.call(SupportStage, v);
export const isContactMethod = (v: unknown): v is ContactMethod =>
  typeof v === 'string' && Object.prototype.hasOwnProperty.call(ContactMethod, v);
export const isClosedStage = (stage: SupportStage): boolean => CLOSED.includes(stage);

const hasText = (s: string | undefined): boolean => typeof s === 'string' && s.trim().length > 0;

export interface TransitionOptions {
  reason?: string;
  contactMethod?: string;
}

/**
 * Throws unless `from → to` is a legal move of a support case:
 * - forward exactly one stage along the route;
 * - to DECLINED or STOPPED from any open stage, with a reason (the refusal is documented, seed 003 §33.7);
 * - back one or more stages only with a recorded reason (e.g. the programme must be reworked);
 * - into CONTACTED only with the contact method, since the notification must be recorded (seed 003 §16.4);
 * - never out of CONCLUDED, DECLINED or STOPPED: a new signal opens a new case.
 */
export function assertTransition(from: SupportStage, to: SupportStage, opts: TransitionOptions = {}): void {
  if (!isSupportStage(from)) throw badInput(`Unknown support stage ${JSON.stringify(from)}`);
  if (!isSupportStage(to)) throw badInput(`Unknown support stage ${JSON.stringify(to)}`);
  const details = { from, to };

  if (isClosedStage(from)) {
    throw illegalTransition(`A ${from} case is closed; open a new case for a new signal`, details);
  }
  if (from === to) throw illegalTransition(`The case is already ${to}`, details);

  if (EXITS.includes(to)) {
    if (!hasText(opts.reason)) {
      throw illegalTransition(`Moving a case to ${to} needs the citizen's reason recorded`, details);
    }
    return;
  }

  const step = ROUTE.indexOf(to) - ROUTE.indexOf(from);
  if (step > 1) {
    throw illegalTransition(`A case moves forward one stage at a time; ${from} cannot jump to ${to}`, details);
  }
  if (step < 0 && !hasText(opts.reason)) {
    throw illegalTransition(`Returning a case from ${from} to ${to} needs a recorded reason`, details);
  }
  if (to === SupportStage.CONTACTED && !isContactMethod(opts.contactMethod)) {
    throw illegalTransition(`Moving a case to CONTACTED needs the contact method (${Object.keys(ContactMethod).join(', ')})`, details);
  }
}

export interface StageDeadline {
  dueDate: IsoDate;
  /** Stable id of the rule, for monitoring reports. */
  rule: string;
  /** What must happen by the due date and where the norm comes from. */
  description: string;
  /** The seed clause that sets the term. */
  source: string;
  /** Counted over days of a year whose decree is not loaded yet: the date may move when it is (issue 18). */
  provisional: boolean;
}

interface DeadlineRule {
  rule: string;
  workingDays: number;
  description: string;
  source: string;
}

const DEADLINES: Partial<Record<SupportStage, DeadlineRule>> = {
  // seed 003 §16: within five working days after an appeal or an IPRA extract arrives, the curator
  // phones the citizen, offers support and agrees a meeting.
  [SupportStage.IDENTIFIED]: {
    rule: 'contact-after-signal',
    workingDays: 5,
    description: 'Contact the citizen and record the notification within 5 working days after the signal',
    source: 'seed 003 §16',
  },
  // seed 004 §3.2.3: information is collected and analysed within 3 working days of identifying the problem.
  [SupportStage.CONTACTED]: {
    rule: 'needs-assessment',
    workingDays: 3,
    description: 'Collect and analyse information on needs within 3 working days of identifying the problem',
    source: 'seed 004 §3.2.3',
  },
  // seed 004 §3.2.7: proposals for the IPPSU within 5 working days of the citizen's appeal.
  [SupportStage.NEEDS_ASSESSED]: {
    rule: 'programme-proposal',
    workingDays: 5,
    description: "Propose the support programme within 5 working days of the citizen's appeal",
    source: 'seed 004 §3.2.7',
  },
  // seed 004 §3.2.8: measures start no later than 15 working days after the IPPSU is approved.
  [SupportStage.PROGRAMME_AGREED]: {
    rule: 'implementation-start',
    workingDays: 15,
    description: 'Start carrying out the programme no later than 15 working days after it is approved',
    source: 'seed 004 §3.2.8',
  },
};

export interface DeadlineAnchors {
  /**
   * The day of the citizen's appeal. seed 004 §3.2.7 counts the programme proposal from the appeal,
   * not from the end of the needs assessment; give it to get the seed's (stricter) due date.
   * Without it the NEEDS_ASSESSED term is counted from entering the stage.
   */
  appealedOn?: IsoDate;
}

/**
 * The due date for leaving `stage`, counted in working days after `stageEnteredOn`; null for stages
 * with no term in the seeds (implementation runs for the programme's own term, seed 001 §3.3.4).
 */
export function stageDeadline(
  stage: SupportStage,
  stageEnteredOn: IsoDate,
  calendar: ProductionCalendar,
  anchors: DeadlineAnchors = {},
): StageDeadline | null {
  if (!isSupportStage(stage)) throw badInput(`Unknown support stage ${JSON.stringify(stage)}`);
  const rule = DEADLINES[stage];
  if (!rule) return null;
  const start = stage === SupportStage.NEEDS_ASSESSED && anchors.appealedOn !== undefined ? anchors.appealedOn : stageEnteredOn;
  const { dueDate, provisional } = calendar.workingDayDeadline(start, rule.workingDays);
  return {
    dueDate,
    provisional,
    rule: rule.rule,
    description: rule.description,
    source: rule.source,
  };
}

/** Overdue only after the due date has passed: the whole due day is still in time. */
export function isOverdue(dueDate: IsoDate, today: IsoDate): boolean {
  return compareDates(today, dueDate) > 0;
}
