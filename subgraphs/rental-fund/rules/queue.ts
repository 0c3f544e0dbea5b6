import { badInput, ruleViolation } from '../../kit/platform/errors';

/**
 * The three groups with the right to be served out of turn (seed 004 annex 1 §2.2):
 * "инвалиды и участники Великой Отечественной войны; ветераны Великой Отечественной войны".
 * The list is closed: other privileged categories (combat veterans, disabled children…) are not in it.
 */
export const PriorityCategory = {
  GPW_INVALID: 'GPW_INVALID',
  GPW_PARTICIPANT: 'GPW_PARTICIPANT',
  GPW_VETERAN: 'GPW_VETERAN',
} as const;
export type PriorityCategory = (typeof PriorityCategory)[keyof typeof PriorityCategory];

const PRIORITY_CATEGORIES = new Set<string>(Object.values(PriorityCategory));

export interface QueueEntry {
  id: string;
  /**
   * When the application was received: 'YYYY-MM-DD' or a local 'YYYY-MM-DDTHH:mm[:ss[.sss]]'
   * with no zone, the time of the rental point. Entries of one queue must use one precision.
   */
  appliedAt: string;
  /** Set only for the §2.2 categories; anything else waits in turn. */
  priorityCategory?: PriorityCategory | null;
}

const LOCAL_TIMESTAMP = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?)?$/;

function check(entry: QueueEntry): void {
  if (!entry || typeof entry.id !== 'string' || entry.id === '') throw badInput('A queue entry needs an id');
  if (typeof entry.appliedAt !== 'string' || !LOCAL_TIMESTAMP.test(entry.appliedAt)) {
    throw badInput('appliedAt must be YYYY-MM-DD or YYYY-MM-DDTHH:mm[:ss] without a time zone', {
      id: entry.id,
      value: entry.appliedAt,
    });
  }
  if (entry.priorityCategory != null && !PRIORITY_CATEGORIES.has(entry.priorityCategory)) {
    throw badInput(`Unknown priority category ${String(entry.priorityCategory)}`, { id: entry.id });
  }
}

export function isOutOfTurn(entry: QueueEntry): boolean {
  return entry.priorityCategory != null && PRIORITY_CATEGORIES.has(entry.priorityCategory);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Out-of-turn applicants go first (§2.2); the seed says nothing more, so inside each group the
 * order is first come, first served, and the id settles equal times so the order is stable.
 * The §2.2 categories are one group: the clause does not rank invalids above veterans.
 */
export function compareQueueEntries(a: QueueEntry, b: QueueEntry): number {
  check(a);
  check(b);
  const pa = isOutOfTurn(a) ? 0 : 1;
  const pb = isOutOfTurn(b) ? 0 : 1;
  if (pa !== pb) return pa - pb;
  return cmp(a.appliedAt, b.appliedAt) || cmp(a.id, b.id);
}

/** A new array in serving order; the input is left untouched. */
export function orderQueue<T extends QueueEntry>(entries: readonly T[]): T[] {
  return [...entries].sort(compareQueueEntries);
}

/**
 * A contract is drawn up only "при наличии в прокатном фонде необходимого технического средства"
 * (§3.3); without a free unit the applicant waits in the queue instead.
 */
export function assertAidAvailable(freeUnits: number, aidCode?: string): void {
  if (typeof freeUnits !== 'number' || !Number.isSafeInteger(freeUnits) || freeUnits < 0) {
    throw badInput('freeUnits must be a non-negative whole number', { value: freeUnits });
  }
  if (freeUnits === 0) {
    throw ruleViolation('No unit of this aid is free in the rental fund; the applicant is queued', 'seed 004 annex 1 §3.3', {
      aidCode,
    });
  }
}
