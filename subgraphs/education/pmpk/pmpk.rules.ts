import { badInput } from '../../kit/platform/errors';
import type { IsoDate } from '../../kit/platform/dates';
import { assertPeriod, assertText } from '../../kit/platform/input-rules';

export interface PmpkDraft {
  number: string;
  issuedOn: IsoDate;
  expiresOn: IsoDate;
  conditions: string[];
}

/** A conclusion is dated when the commission sits; it cannot be issued in the future nor expire before it is issued. */
export function checkPmpkConclusion(draft: PmpkDraft, today: IsoDate): void {
  assertText(draft.number, 'number', 64);
  if (draft.issuedOn > today) throw badInput(`A PMPK conclusion cannot be dated in the future (${draft.issuedOn})`, { field: 'issuedOn' });
  assertPeriod(draft.issuedOn, draft.expiresOn, ['issuedOn', 'expiresOn']);
  if (draft.expiresOn === draft.issuedOn)
    throw badInput('expiresOn must be after the day the conclusion is issued', { field: 'expiresOn' });
  if (new Set(draft.conditions).size !== draft.conditions.length) throw badInput('A condition is listed twice', { field: 'conditions' });
}

/** Schools need the next conclusion before this one lapses: the route warns this many days ahead. */
export const PMPK_EXPIRY_WARNING_DAYS = 60;
