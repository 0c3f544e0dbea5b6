import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode } from '../../kit/platform/errors';
import { SupportCase } from '../support-case/support-case.entity';
import { SupportStage } from '../support-case/stages';
import { CalendarDay, CalendarDayKind } from './calendar-day.entity';
import { calendarForTerritory, type CalendarRow } from './calendar-data';
import { decreedCalendarDays, type Decree } from './decree-rules';
import { yearOf } from './iso-date';
import type { ProductionCalendar } from './production-calendar';
import { changedDeadlines, recomputeWindow, type RecomputedDeadline } from './recompute-deadlines';

const WITH_TERMS = [SupportStage.IDENTIFIED, SupportStage.CONTACTED, SupportStage.NEEDS_ASSESSED, SupportStage.PROGRAMME_AGREED];

const plain = (d: CalendarDay): CalendarRow => ({ date: d.date, kind: d.kind, note: d.note, region: d.region });

function calendars(rows: CalendarRow[]): (oktmo: string | null) => ProductionCalendar {
  const built = new Map<string, ProductionCalendar>();
  return (oktmo) => {
    const key = oktmo ?? '';
    if (!built.has(key)) built.set(key, calendarForTerritory(rows, oktmo));
    return built.get(key)!;
  };
}

/**
 * Replaces a year's federal calendar by its decree, inside the caller's transaction: the decree is checked
 * whole before anything is written, the table is locked against a concurrent load, and the open cases whose
 * deadline changes are listed. Regional holidays stay (one on a day the decree also makes a day off is absorbed
 * by the federal day: a date holds one row); one on a day the decree makes a working weekend is a conflict the
 * administrator resolves first.
 */
export async function loadDecree(em: EntityManager, decree: Decree): Promise<{ days: CalendarRow[]; recomputed: RecomputedDeadline[] }> {
  const days: CalendarRow[] = decreedCalendarDays(decree).map((d) => ({ ...d, region: null }));
  await em.getConnection().execute('lock table calendar_day in share row exclusive mode', [], 'run', em.getTransactionContext());
  const existing = (await em.find(CalendarDay, {})).map(plain);
  const decreedDates = new Map(days.map((d) => [d.date, d]));
  for (const row of existing) {
    if (row.region !== null && decreedDates.get(row.date)?.kind === 'working_weekend') {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `The regional holiday on ${row.date} (region ${row.region}) falls on a day the decree makes a working day`,
        {
          date: row.date,
          region: row.region,
        },
      );
    }
  }
  const kept = existing.filter((r) => !decreedDates.has(r.date) && !(r.region === null && yearOf(r.date) === decree.year));
  const after = [...kept, ...days];

  const window = recomputeWindow(decree.year);
  const cases = await em.find(SupportCase, {
    stage: { $in: WITH_TERMS },
    // Every day a term may count from (caseDeadline): the stage entry, the appeal, the IPPSU approval (seed 004 §3.2.8).
    $or: [
      { stageEnteredOn: { $gte: window.from, $lte: window.to } },
      { appealedOn: { $gte: window.from, $lte: window.to } },
      { serviceProgrammeApprovedOn: { $gte: window.from, $lte: window.to } },
    ],
  });
  const recomputed = changedDeadlines(cases, calendars(existing), calendars(after));

  await em.nativeDelete(CalendarDay, { date: { $gte: `${decree.year}-01-01`, $lte: `${decree.year}-12-31` }, region: null });
  await em.nativeDelete(CalendarDay, { date: { $in: [...decreedDates.keys()] } });
  await em.insertMany(
    CalendarDay,
    days.map((d) => ({ ...d, kind: d.kind as CalendarDayKind })),
  );
  return { days, recomputed };
}
