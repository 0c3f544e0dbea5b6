import type { SupportStage } from '../support-case/stages';
import { caseDeadline, type CaseDates } from '../support-case/support-case.rules';
import type { ProductionCalendar } from './production-calendar';
import { addDays, type IsoDate } from './iso-date';

export interface CaseForRecompute extends CaseDates {
  id: string;
  territoryOktmo: string | null;
}

export interface RecomputedDeadline {
  caseId: string;
  stage: SupportStage;
  dueDateBefore: IsoDate | null;
  dueDateAfter: IsoDate | null;
  provisionalBefore: boolean;
  provisionalAfter: boolean;
}

/**
 * The days a deadline may count from and still reach into `year`: the longest term is 15 working days
 * (seed 004 §3.2.8), which even over the New Year break spans about a month, so two months back is ample.
 */
export function recomputeWindow(year: number): { from: IsoDate; to: IsoDate } {
  return { from: addDays(`${year}-01-01`, -62), to: `${year}-12-31` };
}

/**
 * The open cases whose current deadline changes between two calendars — its date or its provisional mark —
 * as the decree's loading lists them to the administrator (deadlines are computed on read, so listing them
 * is all that recomputing needs; nothing stored goes stale).
 */
export function changedDeadlines(
  cases: CaseForRecompute[],
  before: (oktmo: string | null) => ProductionCalendar,
  after: (oktmo: string | null) => ProductionCalendar,
): RecomputedDeadline[] {
  const changed: RecomputedDeadline[] = [];
  for (const c of cases) {
    const was = caseDeadline(c, before(c.territoryOktmo));
    const now = caseDeadline(c, after(c.territoryOktmo));
    if (was?.dueDate === now?.dueDate && (was?.provisional ?? false) === (now?.provisional ?? false)) continue;
    changed.push({
      caseId: c.id,
      stage: c.stage,
      dueDateBefore: was?.dueDate ?? null,
      dueDateAfter: now?.dueDate ?? null,
      provisionalBefore: was?.provisional ?? false,
      provisionalAfter: now?.provisional ?? false,
    });
  }
  return changed.sort((a, b) => (a.dueDateAfter ?? '').localeCompare(b.dueDateAfter ?? '') || a.caseId.localeCompare(b.caseId));
}
