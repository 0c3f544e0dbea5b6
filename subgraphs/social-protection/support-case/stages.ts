import { badInput, illegalTransition } from '../../kit/platform/errors';
import { ProductionCalendar } from '../calendar/production-calendar';
import { IsoDate, compareDates } from '../calendar/iso-date';
import { SignalSource } from '../signal/signal.entity';

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

// seed 003 §16: within five working days after an appeal of another organization within inter-agency interaction or
// an IPRA extract arrives, the curator phones the citizen, offers support and agrees a meeting.
const CONTACT_AFTER_SIGNAL: DeadlineRule = {
  rule: 'contact-after-signal',
  workingDays: 5,
  description: 'Contact the citizen and record the notification within 5 working days after the signal',
  source: 'seed 003 §16',
};

// seed 004 §3.2.3: at the primary reception of a citizen who appealed, information on needs is collected and
// analysed within 3 working days of identifying the problem. The citizen came themselves: the contact of seed 003
// §16 (phone, offer, meeting) is the appeal itself, so no contact term runs before it.
const ASSESSMENT_AFTER_APPEAL: DeadlineRule = {
  rule: 'needs-assessment-after-appeal',
  workingDays: 3,
  description: 'The citizen appealed in person: collect and analyse information on needs within 3 working days of the appeal',
  source: 'seed 004 §3.2.3',
};

/**
 * The term that runs while a case is IDENTIFIED, by the source of the signal that opened it (seed 003 §15–16):
 * - an IPRA extract and an appeal of another organization: contact within 5 working days (seed 003 §16, which names
 *   exactly these two); a report of a health institution is such an appeal — the interaction of operators with health
 *   institutions (§15(4)) is inter-agency interaction with the ministry of health's organizations (§23);
 * - a personal appeal: the citizen is already in contact; the primary reception's 3 working days run from the
 *   appeal (seed 004 §3.2.3);
 * - a helpline call: no term — the call is consulted and recorded with its result (seed 004 annex 4 §3.2, §3.5), and
 *   seed 003 ch. 7 lists the helpline among identification methods without a term;
 * - a case opened without a signal (the operator's own identification, seed 003 §14): no term in the seeds.
 */
export function identificationTerm(source: SignalSource | null | undefined): DeadlineRule | null {
  switch (source) {
    case SignalSource.IPRA_EXTRACT:
    case SignalSource.ORGANIZATION_APPEAL:
    case SignalSource.HEALTH_INSTITUTION:
      return CONTACT_AFTER_SIGNAL;
    case SignalSource.PERSONAL_APPEAL:
      return ASSESSMENT_AFTER_APPEAL;
    default:
      return null;
  }
}

const DEADLINES: Partial<Record<SupportStage, DeadlineRule>> = {
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
    description: 'Start carrying out the IPPSU no later than 15 working days after it was approved',
    source: 'seed 004 §3.2.8',
  },
};

export interface DeadlineAnchors {
  /** Source of the signal that opened the case: picks the IDENTIFIED term (identificationTerm). */
  openingSource?: SignalSource | null;
  /**
   * The day of the citizen's appeal. seed 004 §3.2.7 counts the programme proposal from the appeal; when the case
   * knows no appeal (it was opened by an IPRA extract or another organization and no appeal was recorded), the
   * proposal counts from entering NEEDS_ASSESSED, the first day the hub can count it from.
   */
  appealedOn?: IsoDate | null;
  /**
   * The day the IPPSU now in force was approved. seed 004 §3.2.8 counts the start of implementation from it and
   * sets the term for the IPPSU only: an IPSS (no approval day) has no start term in the seeds.
   */
  serviceProgrammeApprovedOn?: IsoDate | null;
}

/** The rule and the day a stage's term counts from, or null when the seeds set the stage no term. */
function termOf(stage: SupportStage, stageEnteredOn: IsoDate, anchors: DeadlineAnchors): { rule: DeadlineRule; from: IsoDate } | null {
  switch (stage) {
    case SupportStage.IDENTIFIED: {
      const rule = identificationTerm(anchors.openingSource);
      if (!rule) return null;
      return { rule, from: rule === ASSESSMENT_AFTER_APPEAL ? (anchors.appealedOn ?? stageEnteredOn) : stageEnteredOn };
    }
    case SupportStage.NEEDS_ASSESSED:
      return { rule: DEADLINES[stage]!, from: anchors.appealedOn ?? stageEnteredOn };
    case SupportStage.PROGRAMME_AGREED:
      return anchors.serviceProgrammeApprovedOn ? { rule: DEADLINES[stage]!, from: anchors.serviceProgrammeApprovedOn } : null;
    default: {
      const rule = DEADLINES[stage];
      return rule ? { rule, from: stageEnteredOn } : null;
    }
  }
}

/**
 * The due date for leaving `stage`, counted in working days from the day the stage's rule names (termOf); null for
 * stages with no term in the seeds (implementation runs for the programme's own term, seed 001 §3.3.4).
 * Callers with a case use caseDeadline, so that the worklist, the route and the statistics count alike.
 */
export function stageDeadline(
  stage: SupportStage,
  stageEnteredOn: IsoDate,
  calendar: ProductionCalendar,
  anchors: DeadlineAnchors = {},
): StageDeadline | null {
  if (!isSupportStage(stage)) throw badInput(`Unknown support stage ${JSON.stringify(stage)}`);
  const term = termOf(stage, stageEnteredOn, anchors);
  if (!term) return null;
  const { dueDate, provisional } = calendar.workingDayDeadline(term.from, term.rule.workingDays);
  return {
    dueDate,
    provisional,
    rule: term.rule.rule,
    description: term.rule.description,
    source: term.rule.source,
  };
}

/** Overdue only after the due date has passed: the whole due day is still in time. */
export function isOverdue(dueDate: IsoDate, today: IsoDate): boolean {
  return compareDates(today, dueDate) > 0;
}
