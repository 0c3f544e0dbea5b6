import { badInput, illegalTransition } from '../../kit/platform/errors';
import { compareDates, type IsoDate } from '../calendar/iso-date';
import type { ProductionCalendar } from '../calendar/production-calendar';
import { isOverdue, type StageDeadline } from '../support-case/stages';
import { assertReferralTransition, isTerminalReferralStatus, ReferralStatus, type ReferralSide } from './referral-status';

/**
 * The term for the executing organization to answer a referral (accept or decline it). A referral is an appeal
 * in the citizen's interest sent under inter-agency interaction (seed 003 §27: «направление обращений в интересах
 * граждан целевой категории»), and the one term the model sets for such an appeal is five working days after it
 * arrives (seed 003 §16). The seeds set no other answer term; the REFERRAL_UNANSWERED alert after 2 working days
 * (referral-status.ts) stays the hub's earlier reminder to the coordinator.
 */
export const REFERRAL_ANSWER_TERM = {
  rule: 'referral-answer',
  workingDays: 5,
  description: 'Accept or decline the referral within 5 working days after it is received',
  source: 'seed 003 §16, §27',
} as const;

/** The day by which the executor answers a referral sent on `requestedOn`, in working days of its calendar. */
export function referralAnswerDeadline(requestedOn: IsoDate, calendar: ProductionCalendar): StageDeadline {
  const { dueDate, provisional } = calendar.workingDayDeadline(requestedOn, REFERRAL_ANSWER_TERM.workingDays);
  return {
    dueDate,
    provisional,
    rule: REFERRAL_ANSWER_TERM.rule,
    description: REFERRAL_ANSWER_TERM.description,
    source: REFERRAL_ANSWER_TERM.source,
  };
}

/** Late to answer: still REQUESTED after its answer day (the whole due day is still in time). */
export function isAnswerOverdue(status: ReferralStatus, answerDueOn: IsoDate | null, today: IsoDate): boolean {
  return status === ReferralStatus.REQUESTED && answerDueOn !== null && isOverdue(answerDueOn, today);
}

/** What the executing organization's inbox shows unless asked otherwise: referrals sent to it and not yet closed. */
export const INBOX_STATUSES: readonly ReferralStatus[] = [
  ReferralStatus.REQUESTED,
  ReferralStatus.ACCEPTED,
  ReferralStatus.IN_PROGRESS,
  ReferralStatus.ON_HOLD,
];

/**
 * Inbox order: referrals awaiting an answer first, by answer day — so the overdue ones, whose day is the earliest,
 * lead — then the answered ones by the same day; the id breaks ties. The key changes only when the referral's status
 * does, never as days pass, so a keyset cursor continues right after the last referral seen.
 */
export type InboxKey = [number, string, string];
export function inboxKey(r: { id: string; status: ReferralStatus }, answerDueOn: IsoDate | null): InboxKey {
  return [r.status === ReferralStatus.REQUESTED ? 0 : 1, answerDueOn ?? '9999-12-31', r.id];
}
export function compareInboxKeys(a: readonly unknown[], b: readonly unknown[]): number {
  for (let i = 0; i < 3; i++) {
    const x = i === 0 ? Number(a[i]) : String(a[i]);
    const y = i === 0 ? Number(b[i]) : String(b[i]);
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * A declined referral tells the coordinator why, so the family can be routed elsewhere (seed 003 §33.3–4).
 * A missing reason is a coded refusal on the input field.
 */
export function declineReason(reason: string | null | undefined): string {
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (!text) throw badInput('A referral is declined with a reason, so the coordinator can route the family elsewhere', { field: 'reason' });
  return text;
}

/**
 * The day of an execution record: not in the future (what is recorded has happened) and not before the referral
 * was sent, or the measure was planned to start when it has no referral.
 */
export function assertExecutionDate(executedOn: IsoDate, notBefore: IsoDate, today: IsoDate, what = 'the referral was sent'): void {
  if (compareDates(executedOn, today) > 0) throw badInput(`The execution date ${executedOn} is in the future`, { field: 'executedOn' });
  if (compareDates(executedOn, notBefore) < 0) {
    throw badInput(`The execution date ${executedOn} is before ${what} (${notBefore})`, { field: 'executedOn' });
  }
}

/** An execution is recorded with its result, which goes back to the coordinator (seed 003 §33.6). */
export function executionResult(result: string | null | undefined): string {
  const text = typeof result === 'string' ? result.trim() : '';
  if (!text) throw badInput('An execution is recorded with its result', { field: 'result' });
  return text;
}

/**
 * The statuses a referral passes through when its executor records an execution: an ACCEPTED referral is now
 * under way (IN_PROGRESS), a paused one resumes, and the execution that completes the measure closes it (DONE).
 * Each step is checked against the referral loop table, so a REQUESTED referral (not accepted yet) or a closed one
 * is ILLEGAL_TRANSITION. An IN_PROGRESS referral that is not completed stays as it is (empty path).
 */
export function referralPathForExecution(from: ReferralStatus, completes: boolean, side: ReferralSide = 'EXECUTOR'): ReferralStatus[] {
  if (isTerminalReferralStatus(from)) {
    throw illegalTransition(`A ${from} referral is final; its execution cannot be recorded`, { from });
  }
  if (from === ReferralStatus.REQUESTED || from === ReferralStatus.DRAFT) {
    throw illegalTransition('Accept the referral before recording its execution', { from });
  }
  const path: ReferralStatus[] = [];
  let at: ReferralStatus = from;
  const move = (to: ReferralStatus) => {
    assertReferralTransition(at, to, side);
    path.push(to);
    at = to;
  };
  if (at !== ReferralStatus.IN_PROGRESS) move(ReferralStatus.IN_PROGRESS);
  if (completes) move(ReferralStatus.DONE);
  return path;
}

/**
 * Whether an answer repeats what the referral already says: a partner's retry of accept (once accepted or further
 * on the accepted branch) or of decline (once REJECTED) answers the referral as it is and writes nothing.
 */
export function isRepeatedAnswer(current: ReferralStatus, answer: 'ACCEPTED' | 'REJECTED'): boolean {
  if (answer === 'REJECTED') return current === ReferralStatus.REJECTED;
  const accepted: readonly ReferralStatus[] = [
    ReferralStatus.ACCEPTED,
    ReferralStatus.IN_PROGRESS,
    ReferralStatus.ON_HOLD,
    ReferralStatus.DONE,
  ];
  return accepted.includes(current);
}
