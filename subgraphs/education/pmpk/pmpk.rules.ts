import { badInput } from '../../kit/platform/errors';
import type { IsoDate } from '../../kit/platform/dates';
import { assertPeriod, assertText } from '../../kit/platform/input-rules';

export interface PmpkDraft {
  number: string;
  date: IsoDate;
  validUntil: IsoDate;
  conditions: string[];
}

/** A conclusion is dated when the commission sits; it cannot be issued in the future nor expire before it is issued. */
export function checkPmpkConclusion(draft: PmpkDraft, today: IsoDate): void {
  assertText(draft.number, 'number', 64);
  if (draft.date > today) throw badInput(`A PMPK conclusion cannot be dated in the future (${draft.date})`, { field: 'date' });
  assertPeriod(draft.date, draft.validUntil, ['date', 'validUntil']);
  if (draft.validUntil === draft.date) throw badInput('validUntil must be after the date of the conclusion', { field: 'validUntil' });
  if (new Set(draft.conditions).size !== draft.conditions.length) throw badInput('A condition is listed twice', { field: 'conditions' });
}

/** Schools need the next conclusion before this one lapses: the route warns this many days ahead. */
export const PMPK_EXPIRY_WARNING_DAYS = 60;
