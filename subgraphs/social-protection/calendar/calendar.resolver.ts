import { Arg, Authorized, Ctx, Field, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../kit/context';
import { Role } from '../../kit/roles';
import { LocalDate } from '../../kit/scalars';
import { CalendarDay, CalendarDayKind } from './calendar-day.entity';
import { validateCalendarAddition } from './calendar-data';

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
}
