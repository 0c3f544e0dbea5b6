import { badInput, ruleViolation } from '../../kit/platform/errors';
import { addDays, daysBetween, IsoDate, lastDayOfPeriod, parseIsoDate } from './dates';

/**
 * The contract period (seed 004 annex 1 §3.4, §3.6). Periods are written "с ___ по ___" (contract
 * §5.1) and both ends are days of use, so "not more than 1 year" from the issue on 2025-03-10 means
 * the last day may be 2026-03-09 at the latest. An extension runs from the day after the current
 * due date and is measured the same way. Month-end starts are cut to the shorter month, so a period
 * is never longer than the clause allows.
 */
export const MAX_INITIAL_TERM_MONTHS = 12;
export const MAX_EXTENSION_MONTHS = 6;
/**
 * §3.6 reads "срок договора может быть продлен, но не более чем на 6 месяцев" — the term may be
 * extended by no more than 6 months. It caps the length and does not count extensions; the issue
 * this module implements reads it as one extension, which also keeps the total within 6 months.
 */
export const MAX_EXTENSIONS = 1;

/** The aid is handed over on the day the contract is concluded (§3.4), not before or after. */
export function assertIssuedOnContractDay(contractSignedOn: IsoDate, issuedOn: IsoDate): void {
  if (daysBetween(contractSignedOn, issuedOn, 'contractSignedOn', 'issuedOn') !== 0) {
    throw ruleViolation('The aid is issued on the day the contract is concluded', 'seed 004 annex 1 §3.4', {
      contractSignedOn,
      issuedOn,
    });
  }
}

/** The latest due date allowed for a contract issued on `issuedOn` (§3.6). */
export function maxInitialDueOn(issuedOn: IsoDate): IsoDate {
  return lastDayOfPeriod(issuedOn, MAX_INITIAL_TERM_MONTHS, 'issuedOn');
}

/** §3.6: the term is agreed by need, "на период не более 1 года". */
export function assertInitialTerm(issuedOn: IsoDate, dueOn: IsoDate): void {
  if (daysBetween(issuedOn, dueOn, 'issuedOn', 'dueOn') < 0) {
    throw badInput('dueOn must not be earlier than issuedOn', { issuedOn, dueOn });
  }
  const latest = maxInitialDueOn(issuedOn);
  if (dueOn > latest) {
    throw ruleViolation('A rental contract runs for at most 1 year', 'seed 004 annex 1 §3.6', {
      issuedOn,
      dueOn,
      latestDueOn: latest,
    });
  }
}

export interface ExtensionInput {
  issuedOn: IsoDate;
  currentDueOn: IsoDate;
  newDueOn: IsoDate;
  extensionsSoFar: number;
  /**
   * §3.6 allows an extension "при наличии объективных обстоятельств, в случае нуждаемости гражданина
   * в дальнейшем использовании": when the specialist records that the need is over, there is none.
   */
  continuedNeed?: boolean;
}

/** The latest new due date an extension of a contract now due on `currentDueOn` may set. */
export function maxExtendedDueOn(currentDueOn: IsoDate): IsoDate {
  return lastDayOfPeriod(addDays(currentDueOn, 1, 'currentDueOn'), MAX_EXTENSION_MONTHS, 'currentDueOn');
}

/** §3.6: extension by agreement of the parties, by at most 6 months, once. */
export function assertExtension(input: ExtensionInput): void {
  const { issuedOn, currentDueOn, newDueOn, extensionsSoFar } = input;
  parseIsoDate(issuedOn, 'issuedOn');
  if (!Number.isSafeInteger(extensionsSoFar) || extensionsSoFar < 0) {
    throw badInput('extensionsSoFar must be a non-negative whole number', { value: extensionsSoFar });
  }
  if (daysBetween(issuedOn, currentDueOn, 'issuedOn', 'currentDueOn') < 0) {
    throw badInput('currentDueOn must not be earlier than issuedOn', { issuedOn, currentDueOn });
  }
  if (daysBetween(currentDueOn, newDueOn, 'currentDueOn', 'newDueOn') <= 0) {
    throw badInput('An extension must move the due date later', { currentDueOn, newDueOn });
  }
  if (extensionsSoFar >= MAX_EXTENSIONS) {
    throw ruleViolation('The rental contract has already been extended once', 'seed 004 annex 1 §3.6', {
      extensionsSoFar,
    });
  }
  if (input.continuedNeed === false) {
    throw ruleViolation("An extension needs the citizen's continued need for the aid", 'seed 004 annex 1 §3.6', {
      reason: 'NO_CONTINUED_NEED',
    });
  }
  const latest = maxExtendedDueOn(currentDueOn);
  if (newDueOn > latest) {
    throw ruleViolation('A rental contract may be extended by at most 6 months', 'seed 004 annex 1 §3.6', {
      currentDueOn,
      newDueOn,
      latestDueOn: latest,
    });
  }
}

/** The due date is the last day of use; the aid is overdue from the next day on. */
export function isOverdue(dueOn: IsoDate, today: IsoDate): boolean {
  return daysBetween(dueOn, today, 'dueOn', 'today') > 0;
}

/** Due today or within the next `days` days, and not yet overdue: for return reminders. */
export function dueWithinDays(dueOn: IsoDate, today: IsoDate, days: number): boolean {
  if (!Number.isSafeInteger(days) || days < 0) throw badInput('days must be a non-negative whole number', { value: days });
  const left = daysBetween(today, dueOn, 'today', 'dueOn');
  return left >= 0 && left <= days;
}
