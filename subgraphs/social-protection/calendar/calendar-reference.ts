import type { EntityManager } from '@mikro-orm/postgresql';
import { CalendarDay, CalendarDayKind } from './calendar-day.entity';
import { calendarForTerritory } from './calendar-data';
import type { ProductionCalendar } from './production-calendar';
import { yearOf } from './iso-date';
import { RUSSIA_2025_2026 } from './russia-2025-2026';

/**
 * Ships the official 2025 and 2026 federal calendars (DOMAIN.md) as decreed years, on every start, for the
 * years that have no federal days yet: a decree an administrator loaded since (a correction) is kept.
 */
export async function loadProductionCalendar(em: EntityManager): Promise<void> {
  const stored = await em.find(CalendarDay, { region: null, date: { $gte: '2025-01-01', $lte: '2026-12-31' } }, { fields: ['date'] });
  const decreed = new Set(stored.map((d) => yearOf(d.date)));
  const missing = RUSSIA_2025_2026.filter((d) => !decreed.has(yearOf(d.date)));
  if (missing.length === 0) return;
  await em.upsertMany(
    CalendarDay,
    missing.map((d) => ({ date: d.date, kind: d.kind as CalendarDayKind, note: d.note, region: null })),
  );
}

/**
 * The federal calendar as stored: the decreed years (shipped or loaded by the administrator) and the Labour
 * Code's provisional days for any other year. Demo data is laid out on it, so that its deadlines fall where
 * the hub computes them whatever the year (issue 18).
 */
export async function storedFederalCalendar(em: EntityManager): Promise<ProductionCalendar> {
  const rows = await em.find(CalendarDay, { region: null });
  return calendarForTerritory(
    rows.map((d) => ({ date: d.date, kind: d.kind, note: d.note, region: null })),
    null,
  );
}
