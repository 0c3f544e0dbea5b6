import type { HubContext } from '../../kit/platform/context';
import { readOnly } from '../../kit/platform/entity-loaders';
import { CalendarDay } from './calendar-day.entity';
import { calendarForTerritory, type CalendarRow } from './calendar-data';
import type { ProductionCalendar } from './production-calendar';

/**
 * The production calendar of this request: every calendar row read in ONE statement the first time a
 * deadline is needed, then one ProductionCalendar per territory built in memory. Per request, not
 * cached across requests, so a day an administrator adds counts from the next request on.
 */
export async function calendarFor(ctx: HubContext, territoryOktmo: string | null): Promise<ProductionCalendar> {
  const rows = await ctx.loaders
    .get<'all', CalendarRow[]>('CalendarDay.all', async (keys) => {
      const found = await readOnly(ctx, CalendarDay, { orderBy: { date: 'asc' } });
      const plain = found.map((d) => ({ date: d.date, kind: d.kind, note: d.note, region: d.region }));
      return keys.map(() => plain);
    })
    .load('all');
  const key = `ProductionCalendar:${territoryOktmo ?? ''}`;
  return ctx.loaders
    .get<string, ProductionCalendar>(key, async (keys) => keys.map(() => calendarForTerritory(rows, territoryOktmo)))
    .load(key);
}
