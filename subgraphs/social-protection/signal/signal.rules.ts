import { badInput, ruleViolation } from '../../kit/platform/errors';
import type { Identity } from '../../kit/platform/identity';
import { forbidden } from '../../kit/policy/authorization';
import { Role } from '../../kit/policy/roles';
import { normalizeSnils } from '../../kit/domain/snils';
import { compareDates, type IsoDate } from '../calendar/iso-date';
import { SignalSource } from './signal.entity';

export const SUBMIT_SIGNAL_GRANT = 'submitSignal';

/** Partner agencies send signals as machine clients with the grant; coordinators record what reaches them (seed 003 §15). */
export function assertMaySubmitSignal(identity: Identity): void {
  if (identity.role === Role.COORDINATOR) return;
  if (identity.role === Role.PARTNER_SERVICE && identity.grants.includes(SUBMIT_SIGNAL_GRANT)) return;
  throw forbidden(`Submitting signals needs a coordinator or a partner service granted '${SUBMIT_SIGNAL_GRANT}'`);
}

export interface SignalFields {
  idempotencyKey: string;
  source: SignalSource;
  personSnils?: string | null;
  receivedOn: IsoDate;
  summary: string;
  callerAnonymous?: boolean | null;
  helpline?: { callerName?: string | null } | null;
}

/** Checks a signal and returns its SNILS normalized (INVALID_SNILS on a typo; nothing is stored). */
export function validateSignal(input: SignalFields, today: IsoDate): { snils: string | null } {
  if (!input.idempotencyKey.trim() || input.idempotencyKey.length > 200) {
    throw badInput('idempotencyKey must be 1–200 characters', { field: 'idempotencyKey' });
  }
  if (!input.summary.trim()) throw badInput('A signal needs a summary', { field: 'summary' });
  if (compareDates(input.receivedOn, today) > 0) throw badInput(`receivedOn ${input.receivedOn} is in the future`, { field: 'receivedOn' });
  if (input.helpline && input.source !== SignalSource.HELPLINE) {
    throw badInput('Call journal fields belong to HELPLINE signals only', { field: 'helpline' });
  }
  // seed 004 annex 4 §3.6: for an anonymous call the name column stays blank.
  if (input.callerAnonymous && input.helpline?.callerName?.trim()) {
    throw ruleViolation('An anonymous call is recorded without the caller name', 'seed 004 annex 4 §3.6');
  }
  const snils = input.personSnils ? normalizeSnils(input.personSnils) : null;
  return { snils };
}
