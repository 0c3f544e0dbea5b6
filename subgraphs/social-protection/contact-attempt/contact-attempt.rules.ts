import { badInput, illegalTransition, ruleViolation } from '../../kit/platform/errors';
import { compareDates, type IsoDate } from '../calendar/iso-date';
import { ContactMethod, SupportStage } from '../support-case/stages';
import { ContactOutcome } from './contact-attempt.entity';

export interface Attempt {
  method: ContactMethod;
  outcome: ContactOutcome;
  attemptedOn: IsoDate;
}

/** Outcomes each way of contact can have: a letter is only posted; only a phone call can learn the citizen cannot come. */
const OUTCOMES: Record<ContactMethod, readonly ContactOutcome[]> = {
  PHONE: [ContactOutcome.REACHED, ContactOutcome.NOT_REACHED, ContactOutcome.CANNOT_COME, ContactOutcome.REFUSED],
  HOME_VISIT: [ContactOutcome.REACHED, ContactOutcome.NOT_REACHED, ContactOutcome.REFUSED],
  POST: [ContactOutcome.SENT],
};

/** The contact is made once the citizen answered, yes or no: later attempts have nothing to do. */
const settles = (a: Attempt) => a.outcome === ContactOutcome.REACHED || a.outcome === ContactOutcome.REFUSED;

/**
 * The order of seed 003 §16–18:
 * - §16: the curator first notifies the citizen by phone;
 * - §17: a home visit when a phone connection cannot be made (a call not answered, or no phone number known), or
 *   when the citizen cannot come to the operator for health reasons;
 * - §18: a letter by post when the ways of §17 did not reach the citizen — after a home visit that found nobody.
 * True when `method` may be tried after `previous`.
 */
export function mayTry(method: ContactMethod, previous: readonly Attempt[], hasPhone: boolean): boolean {
  switch (method) {
    case ContactMethod.PHONE:
      return true;
    case ContactMethod.HOME_VISIT:
      return (
        !hasPhone ||
        previous.some(
          (a) => a.method === ContactMethod.PHONE && (a.outcome === ContactOutcome.NOT_REACHED || a.outcome === ContactOutcome.CANNOT_COME),
        )
      );
    case ContactMethod.POST:
      return previous.some((a) => a.method === ContactMethod.HOME_VISIT && a.outcome === ContactOutcome.NOT_REACHED);
    default:
      return false;
  }
}

/** The way the coordinator should try next (seed 003 §16–18); null once the citizen answered or a letter was posted. */
export function nextContactMethod(previous: readonly Attempt[], hasPhone: boolean): ContactMethod | null {
  if (previous.some(settles) || previous.some((a) => a.method === ContactMethod.POST)) return null;
  if (mayTry(ContactMethod.POST, previous, hasPhone)) return ContactMethod.POST;
  if (previous.length > 0 && mayTry(ContactMethod.HOME_VISIT, previous, hasPhone)) return ContactMethod.HOME_VISIT;
  return hasPhone ? ContactMethod.PHONE : ContactMethod.HOME_VISIT;
}

/**
 * The most attempts one case records. Contact is due within 5 working days of the signal (seed 003 §16) and ends with
 * a letter (§18): a dozen calls and visits is already far beyond it, and it keeps `SupportCase.contactAttempts` a short list.
 */
export const MAX_CONTACT_ATTEMPTS = 12;

export interface AttemptContext {
  stage: SupportStage;
  openedOn: IsoDate;
  today: IsoDate;
  /** The citizen has a phone number on record. */
  hasPhone: boolean;
}

/**
 * Checks an attempt before it is recorded: the case is still waiting for contact (IDENTIFIED), the citizen has not
 * answered yet, the outcome fits the way, the order of seed 003 §16–18 holds, and the day lies between the case's
 * opening and today, not before the attempts already recorded.
 */
export function assertContactAttempt(previous: readonly Attempt[], next: Attempt, c: AttemptContext): void {
  if (c.stage !== SupportStage.IDENTIFIED) {
    throw illegalTransition(`Contact attempts are recorded while the case waits for contact (IDENTIFIED); it is ${c.stage}`, {
      stage: c.stage,
    });
  }
  if (previous.some(settles)) {
    throw illegalTransition('The citizen has answered already: move the case to CONTACTED, or decline it on refusal', {});
  }
  if (previous.some((a) => a.method === ContactMethod.POST)) {
    throw ruleViolation('A letter by post was sent: it is the last way of contact; wait for the answer', 'seed 003 §18');
  }
  if (previous.length >= MAX_CONTACT_ATTEMPTS) {
    throw ruleViolation(`A case records at most ${MAX_CONTACT_ATTEMPTS} contact attempts: send the letter by post`, 'seed 003 §18');
  }
  if (!OUTCOMES[next.method]?.includes(next.outcome)) {
    throw badInput(`A ${next.method} attempt cannot have the outcome ${next.outcome}`, { field: 'outcome' });
  }
  if (compareDates(next.attemptedOn, c.openedOn) < 0) {
    throw badInput(`The attempt is dated before the case opened (${c.openedOn})`, { field: 'attemptedOn' });
  }
  if (compareDates(next.attemptedOn, c.today) > 0) throw badInput(`${next.attemptedOn} is in the future`, { field: 'attemptedOn' });
  const last = previous.reduce<IsoDate | null>((d, a) => (d === null || compareDates(a.attemptedOn, d) > 0 ? a.attemptedOn : d), null);
  if (last && compareDates(next.attemptedOn, last) < 0) {
    throw badInput(`The attempt is dated before the last one recorded (${last})`, { field: 'attemptedOn' });
  }
  if (next.method === ContactMethod.HOME_VISIT && !mayTry(next.method, previous, c.hasPhone)) {
    throw ruleViolation(
      'A home visit follows a phone call that did not reach the citizen or found they cannot come (or no phone is known)',
      'seed 003 §17',
    );
  }
  if (next.method === ContactMethod.POST && !mayTry(next.method, previous, c.hasPhone)) {
    throw ruleViolation('A letter by post follows a home visit that did not reach the citizen', 'seed 003 §18');
  }
}
