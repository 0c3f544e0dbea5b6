import type { EntityManager } from '@mikro-orm/postgresql';
import { CalendarDay, CalendarDayKind } from './calendar-day.entity';
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
