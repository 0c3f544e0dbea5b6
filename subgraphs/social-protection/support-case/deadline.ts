import type { HubContext } from '../../kit/platform/context';
import { DomainError, ErrorCode } from '../../kit/platform/errors';
import { calendarFor } from '../calendar/calendar.loader';
import type { SupportCase } from './support-case.entity';
import { caseDeadline } from './support-case.rules';
import type { StageDeadline } from './stages';

/** The current stage's deadline with this request's calendar (one calendar statement per request). */
export async function deadlineOf(ctx: HubContext, c: SupportCase): Promise<StageDeadline | null> {
  return caseDeadline(c, await calendarFor(ctx, c.territoryOktmo));
}

/** For lists: a case whose deadline falls in a year the hub cannot compute (before 2013) sorts with the undated ones. */
export async function deadlineOrNull(ctx: HubContext, c: SupportCase): Promise<StageDeadline | null> {
  try {
    return await deadlineOf(ctx, c);
  } catch (e) {
    if (e instanceof DomainError && e.code === ErrorCode.RULE_VIOLATION) return null;
    throw e;
  }
}
