import { Arg, Authorized, Ctx, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { MutationPayload, payloadOf } from '../../kit/platform/user-errors';
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
  @Field(() => LocalDate, { description: 'The day.' })
  on!: string;

  @Field(() => CalendarDayKind, { description: 'How the day departs from the Monday–Friday week.' })
  kind!: CalendarDayKind;

  @Field({ description: 'The law or decree behind the day.' })
  note!: string;

  @Field(() => String, { nullable: true, description: 'OKTMO prefix for a regional holiday; omit for a federal day.' })
  region?: string | null;
}

@InputType({ description: 'Days to add to or correct in the production calendar.' })
class AddCalendarDaysInput {
  @Field(() => [CalendarDayInput], { description: "A year's decree, or one regional holiday." })
  days!: CalendarDayInput[];

  @Field(() => String, {
    nullable: true,
    description:
      'Client-supplied retry key. Adding days is idempotent by nature: a retry with the same days stores and answers the same days.',
  })
  idempotencyKey?: string | null;
}

@ObjectType({ description: 'What addCalendarDays stored.' })
class AddCalendarDaysPayload extends MutationPayload {
  @Field(() => [CalendarDay], { nullable: true, description: 'The days as now stored, by date; null when refused (see userErrors).' })
  days?: CalendarDay[] | null;
}

@ObjectType({ description: 'What loadCalendarDecree stored and recomputed.' })
class LoadCalendarDecreePayload extends MutationPayload {
  @Field(() => CalendarDecreeLoad, { nullable: true, description: 'The decreed year and the deadlines it moved; null when refused.' })
  load?: CalendarDecreeLoad | null;
}

@Resolver(() => CalendarDay)
export class CalendarResolver {
  @Query(() => [CalendarDay], {
    nullable: true,
    description: 'The production calendar exceptions of a year, by date (public reference data; a few dozen days).',
  })
  calendarDays(
    @Arg('year', () => Int, { description: 'The calendar year.' }) year: number,
    @Ctx() ctx: HubContext,
  ): Promise<CalendarDay[]> {
    return ctx.em.find(CalendarDay, { date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } }, { orderBy: { date: 'asc' } });
  }

  /** Adds a year or a regional holiday without a code change (DOMAIN.md, "Deadlines are in working days"). */
  @Authorized(Role.ADMINISTRATOR)
  @Mutation(() => AddCalendarDaysPayload, { description: 'Adds or corrects production calendar days (administrator).' })
  addCalendarDays(@Arg('input', { description: 'The days.' }) input: AddCalendarDaysInput, @Ctx() ctx: HubContext) {
    return payloadOf(ctx, () =>
      ctx.em.transactional(async (em) => {
        const existing = await em.find(CalendarDay, {});
        const rows = validateCalendarAddition(
          existing.map((d) => ({ date: d.date, kind: d.kind, note: d.note, region: d.region })),
          input.days.map((d) => ({ date: d.on, kind: d.kind, note: d.note, region: d.region ?? null })),
        );
        await em.upsertMany(CalendarDay, rows as CalendarDay[]);
        return { days: await em.find(CalendarDay, { date: { $in: rows.map((r) => r.date) } }, { orderBy: { date: 'asc' } }) };
      }),
    );
  }

  /**
   * Loads a year's government decree on days off (DOMAIN.md; README "Each autumn"): the year's provisional
   * calendar is replaced in one transaction with the write's audit record, and the open cases whose deadline
   * changed are listed (case ids only: the administrator sees no personal data).
   */
  @Authorized(Role.ADMINISTRATOR)
  @Mutation(() => LoadCalendarDecreePayload, {
    description: "Loads a year's government decree on days off, replacing its provisional calendar (administrator).",
  })
  loadCalendarDecree(@Arg('input', { description: 'The decree.' }) input: LoadCalendarDecreeInput, @Ctx() ctx: HubContext) {
    return payloadOf(ctx, async () => ({ load: await this.load(input, ctx) }));
  }

  private load(input: LoadCalendarDecreeInput, ctx: HubContext): Promise<CalendarDecreeLoad> {
    return ctx.em.transactional(async (em) => {
      const { days, recomputed } = await loadDecree(em, {
        year: input.year,
        days: input.days.map((d) => ({ date: d.on, kind: d.kind, reference: d.reference, from: d.movedFromOn ?? null })),
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
    nullable: true,
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
