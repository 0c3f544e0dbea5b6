import type { EntityManager } from '@mikro-orm/postgresql';
import { CalendarDay, CalendarDayKind } from './calendar-day.entity';
import { RUSSIA_2025_2026 } from './russia-2025-2026';

/** Ships the official 2025 and 2026 federal calendars (DOMAIN.md); idempotent upsert on every start. */
export async function loadProductionCalendar(em: EntityManager): Promise<void> {
  await em.upsertMany(
    CalendarDay,
    RUSSIA_2025_2026.map((d) => ({ date: d.date, kind: d.kind as CalendarDayKind, note: d.note, region: null })),
  );
}
