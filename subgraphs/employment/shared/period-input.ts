import { badInput } from '../../kit/platform/errors';
import type { IsoDate } from '../../kit/platform/dates';
import type { PeriodInput } from '../../kit/platform/period';
import { assertPeriod } from '../../kit/platform/input-rules';

/** A planned term given in an input's `period`: its first day is required, its last day unless the term may stay open. */
export function termOf(period: PeriodInput, options: { openEnded: true }): { startsOn: IsoDate; endsOn: IsoDate | null };
export function termOf(period: PeriodInput, options?: { openEnded?: false }): { startsOn: IsoDate; endsOn: IsoDate };
export function termOf(period: PeriodInput, options: { openEnded?: boolean } = {}): { startsOn: IsoDate; endsOn: IsoDate | null } {
  const startsOn = period?.startsOn ?? null;
  const endsOn = period?.endsOn ?? null;
  if (!startsOn) throw badInput('The period needs its first day (period.startsOn)', { field: 'period.startsOn' });
  if (!endsOn && !options.openEnded) throw badInput('The period needs its last day (period.endsOn)', { field: 'period.endsOn' });
  assertPeriod(startsOn, endsOn, ['period.startsOn', 'period.endsOn']);
  return { startsOn, endsOn };
}
