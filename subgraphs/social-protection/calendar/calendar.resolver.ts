import { Arg, Authorized, Ctx, Field, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { today } from '../../kit/platform/clock';
import { CalendarDay, CalendarDayKind } from './calendar-day.entity';
import { calendarForTerritory, validateCalendarAddition } from './calendar-data';
import { CalendarDecreeLoad, LoadCalendarDecreeInput, ProductionCalendarStatus } from './calendar-decree.types';
import { calendarStatus } from './calendar-status';
import { loadDecree } from './decree-load';
import { yearOf } from './iso-date';

@InputType({ description: 'A day to add to the production calendar.' })
class CalendarDayInput {
  @Field(() => LocalDate)
  date!: string;

  @Field(() => CalendarDayKind)
  kind!: CalendarDayKind;

  @Field({ description: 'The law or decree behind the day.' })
  note!: string;

  @Field(() => String, { nullable: true, description: 'OKTMO prefix for a regional holiday; omit for a federal day.' })
  region?: string | null;
}

@InputType()
class AddCalendarDaysInput {
  @Field(() => [CalendarDayInput], { description: "A year's decree, or one regional holiday." })
  days!: CalendarDayInput[];
}

@Resolver(() => CalendarDay)
export class CalendarResolver {
  @Query(() => [CalendarDay], { description: 'The production calendar exceptions of a year (public reference data).' })
  calendarDays(@Arg('year', () => Int) year: number, @Ctx() ctx: HubContext): Promise<CalendarDay[]> {
    return ctx.em.find(CalendarDay, { date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } }, { orderBy: { date: 'asc' } });
  }

  /** Adds a year or a regional holiday without a code change (DOMAIN.md, "Deadlines are in working days"). */
  @Authorized(Role.ADMINISTRATOR)
  @Mutation(() => [CalendarDay], { description: 'Adds or corrects production calendar days (administrator).' })
  async addCalendarDays(@Arg('input') input: AddCalendarDaysInput, @Ctx() ctx: HubContext): Promise<CalendarDay[]> {
    return ctx.em.transactional(async (em) => {
      const existing = await em.find(CalendarDay, {});
      const rows = validateCalendarAddition(
        existing.map((d) => ({ date: d.date, kind: d.kind, note: d.note, region: d.region })),
        input.days.map((d) => ({ date: d.date, kind: d.kind, note: d.note, region: d.region ?? null })),
      );
      await em.upsertMany(CalendarDay, rows as CalendarDay[]);
      return em.find(CalendarDay, { date: { $in: rows.map((r) => r.date) } }, { orderBy: { date: 'asc' } });
    });
  }

  /**
   * Loads a year's government decree on days off (DOMAIN.md; README "Each autumn"): the year's provisional
   * calendar is replaced in one transaction with the write's audit record, and the open cases whose deadline
   * changed are listed (case ids only: the administrator sees no personal data).
   */
  @Authorized(Role.ADMINISTRATOR)
  @Mutation(() => CalendarDecreeLoad, {
    description: "Loads a year's government decree on days off, replacing its provisional calendar (administrator).",
  })
  async loadCalendarDecree(@Arg('input') input: LoadCalendarDecreeInput, @Ctx() ctx: HubContext): Promise<CalendarDecreeLoad> {
    return ctx.em.transactional(async (em) => {
      const { days, recomputed } = await loadDecree(em, {
        year: input.year,
        days: input.days.map((d) => ({ ...d, from: d.from ?? null })),
      });
      ctx.audit.recordWrite(em, 'loadCalendarDecree', []);
      const federal = days.map((d) => ({ ...d, kind: d.kind as CalendarDayKind }) as CalendarDay);
      return {
        year: input.year,
        days: federal,
        workingDays: calendarForTerritory(days, null).workingDaysInYear(input.year),
        recomputedCases: recomputed,
      };
    });
  }

  @Authorized(Role.ADMINISTRATOR)
  @Query(() => ProductionCalendarStatus, {
    description: 'Which years of the production calendar are decreed or provisional, with alerts (administrator).',
  })
  async productionCalendarStatus(@Ctx() ctx: HubContext): Promise<ProductionCalendarStatus> {
    const day = today();
    const federal = await ctx.em.find(
      CalendarDay,
      { region: null, date: { $gte: `${yearOf(day)}-01-01`, $lte: `${yearOf(day) + 1}-12-31` } },
      { fields: ['date'] },
    );
    return { today: day, ...calendarStatus([...new Set(federal.map((d) => yearOf(d.date)))], day) };
  }
}
