import { badInput, illegalTransition } from '../../kit/platform/errors';
import { ProductionCalendar } from '../calendar/production-calendar';
import { IsoDate } from '../calendar/iso-date';
import { isOverdue } from '../support-case/stages';

/**
 * Status of a referral the coordinator sends to another agency or co-executor (seed 003 §27, §33.6:
 * the coordinator routes the family and controls execution by others). The loop is "closed" when the
 * executor answers and reports the outcome back.
 *
 * The states are the FHIR Task states of the HL7 SDOH Clinical Care IG (SDOHCC TaskForReferralManagement,
 * "Status Management"), written as GraphQL enum values: draft → DRAFT, in-progress → IN_PROGRESS, …
 * ('ready', 'received' and 'entered-in-error' are outside the IG's referral value set or not used here.)
 */
export const ReferralStatus = {
  DRAFT: 'DRAFT',
  REQUESTED: 'REQUESTED',
  ACCEPTED: 'ACCEPTED',
  REJECTED: 'REJECTED',
  CANCELLED: 'CANCELLED',
  IN_PROGRESS: 'IN_PROGRESS',
  ON_HOLD: 'ON_HOLD',
  FAILED: 'FAILED',
  DONE: 'DONE',
} as const;
export type ReferralStatus = (typeof ReferralStatus)[keyof typeof ReferralStatus];

/** REQUESTER: the referring coordinator's organization. EXECUTOR: the organization asked to perform. */
export type ReferralSide = 'REQUESTER' | 'EXECUTOR';

/** The FHIR task-status code for a status, for exchange with FHIR-speaking partners. */
export const toFhirTaskStatus = (s: ReferralStatus): string => s.toLowerCase().replace('_', '-');

/**
 * Allowed moves and who makes them. The IG's "Set By" column: draft/requested by the requester;
 * accepted, rejected, in-progress, on-hold, failed, completed by the responder (executor);
 * cancelled by either side.
 *
 * | from        | to          | side      | reason  | why                                                      |
 * |-------------|-------------|-----------|---------|----------------------------------------------------------|
 * | DRAFT       | REQUESTED   | REQUESTER |         | the referral is sent                                     |
 * | DRAFT       | CANCELLED   | REQUESTER | needed  | a prepared referral is dropped before sending            |
 * | REQUESTED   | ACCEPTED    | EXECUTOR  |         | the executor agrees to perform                           |
 * | REQUESTED   | REJECTED    | EXECUTOR  | needed  | declined before any action; the coordinator reroutes     |
 * | REQUESTED   | CANCELLED   | REQUESTER | needed  | e.g. the family refused support (seed 001 §1.5)          |
 * | ACCEPTED    | IN_PROGRESS | EXECUTOR  |         | work started                                             |
 * | ACCEPTED    | CANCELLED   | either    | needed  | not going ahead after acceptance                         |
 * | IN_PROGRESS | ON_HOLD     | EXECUTOR  |         | work paused (e.g. hospital stay)                         |
 * | IN_PROGRESS | DONE   | EXECUTOR  |         | done; outcome goes back to the coordinator               |
 * | IN_PROGRESS | FAILED      | EXECUTOR  | needed  | attempted but could not be completed                     |
 * | IN_PROGRESS | CANCELLED   | either    | needed  | stopped before completion                                |
 * | ON_HOLD     | IN_PROGRESS | EXECUTOR  |         | work resumed                                             |
 * | ON_HOLD     | FAILED      | EXECUTOR  | needed  | could not be resumed                                     |
 * | ON_HOLD     | CANCELLED   | either    | needed  | stopped while paused                                     |
 *
 * Not allowed: ACCEPTED → REJECTED (after agreeing, backing out is a cancellation), ON_HOLD → DONE
 * (resume first, so the record shows when work happened), anything out of REJECTED, CANCELLED, FAILED,
 * DONE (terminal: a new attempt is a new referral, so the history of each stays intact).
 */
type Rule = { sides: readonly ReferralSide[] };
const R: readonly ReferralSide[] = ['REQUESTER'];
const E: readonly ReferralSide[] = ['EXECUTOR'];
const BOTH: readonly ReferralSide[] = ['REQUESTER', 'EXECUTOR'];

const TRANSITIONS: Record<ReferralStatus, Partial<Record<ReferralStatus, Rule>>> = {
  DRAFT: { REQUESTED: { sides: R }, CANCELLED: { sides: R } },
  REQUESTED: { ACCEPTED: { sides: E }, REJECTED: { sides: E }, CANCELLED: { sides: R } },
  ACCEPTED: { IN_PROGRESS: { sides: E }, CANCELLED: { sides: BOTH } },
  IN_PROGRESS: { ON_HOLD: { sides: E }, DONE: { sides: E }, FAILED: { sides: E }, CANCELLED: { sides: BOTH } },
  ON_HOLD: { IN_PROGRESS: { sides: E }, FAILED: { sides: E }, CANCELLED: { sides: BOTH } },
  REJECTED: {},
  CANCELLED: {},
  FAILED: {},
  DONE: {},
};

/** Ending a referral without the service needs a reason, so the coordinator knows what to do next. */
const NEEDS_REASON: readonly ReferralStatus[] = [ReferralStatus.REJECTED, ReferralStatus.CANCELLED, ReferralStatus.FAILED];

const TERMINAL: readonly ReferralStatus[] = [ReferralStatus.REJECTED, ReferralStatus.CANCELLED, ReferralStatus.FAILED, ReferralStatus.DONE];

export const isReferralStatus = (v: unknown): v is ReferralStatus =>
  typeof v === 'string' && Object.prototype.hasOwnProperty.call(ReferralStatus, v);
export const isTerminalReferralStatus = (s: ReferralStatus): boolean => TERMINAL.includes(s);

/** Statuses `side` may move a referral to from `from` (for offering actions in a UI). */
export function allowedReferralTransitions(from: ReferralStatus, side: ReferralSide): ReferralStatus[] {
  return (Object.entries(TRANSITIONS[from] ?? {}) as [ReferralStatus, Rule][])
    .filter(([, rule]) => rule.sides.includes(side))
    .map(([to]) => to);
}

export function assertReferralTransition(
  from: ReferralStatus,
  to: ReferralStatus,
  side: ReferralSide,
  opts: { reason?: string } = {},
): void {
  if (!isReferralStatus(from)) throw badInput(`Unknown referral status ${JSON.stringify(from)}`);
  if (!isReferralStatus(to)) throw badInput(`Unknown referral status ${JSON.stringify(to)}`);
  if (side !== 'REQUESTER' && side !== 'EXECUTOR') throw badInput(`Unknown referral side ${JSON.stringify(side)}`);
  const details = { from, to, side };

  if (isTerminalReferralStatus(from)) {
    throw illegalTransition(`A ${from} referral is final; send a new referral instead`, details);
  }
  const rule = TRANSITIONS[from][to];
  if (!rule) throw illegalTransition(`A referral cannot move from ${from} to ${to}`, details);
  if (!rule.sides.includes(side)) {
    const owner = rule.sides.join(' or ');
    throw illegalTransition(`Only the ${owner} may move a referral from ${from} to ${to}`, details);
  }
  if (NEEDS_REASON.includes(to) && !(typeof opts.reason === 'string' && opts.reason.trim().length > 0)) {
    throw illegalTransition(`Moving a referral to ${to} needs a reason`, details);
  }
}

/** The referral waits for the executor's accept/reject answer. */
export const isAwaitingAnswer = (status: ReferralStatus): boolean => status === ReferralStatus.REQUESTED;

/**
 * True when a REQUESTED referral has had no answer for more than `limitWorkingDays` working days,
 * counted from the next working day after sending. The seeds set no answer term for referrals; the
 * default of 2 is the hub's convention so coordinators chase silent partners before the 5-day
 * programme term of seed 004 §3.2.7 runs out.
 */
export function unansweredTooLong(requestedOn: IsoDate, today: IsoDate, calendar: ProductionCalendar, limitWorkingDays = 2): boolean {
  return isOverdue(calendar.addWorkingDays(requestedOn, limitWorkingDays), today);
}
