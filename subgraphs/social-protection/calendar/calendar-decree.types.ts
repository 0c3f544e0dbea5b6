import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';
import { SupportStage } from '../support-case/stages';
import { CalendarDay } from './calendar-day.entity';

/** The two things a decree on days off says (values as decree-rules.ts reads them). */
export enum DecreeDayKind {
  DAY_OFF = 'day_off',
  WORKING_DAY = 'working_day',
}
registerEnumType(DecreeDayKind, {
  name: 'DecreeDayKind',
  description: 'What one line of a decree on days off says.',
  valuesConfig: {
    DAY_OFF: { description: 'A day off moved to this weekday from a weekend day (`movedFromOn`).' },
    WORKING_DAY: { description: 'A Saturday or Sunday made a working day.' },
  },
});

@InputType({ description: 'One line of a government decree on days off.' })
export class DecreeDayInput {
  @Field(() => LocalDate, { description: 'The day the decree line is about.' })
  on!: string;

  @Field(() => DecreeDayKind, { description: 'A moved day off, or a weekend day made a working day.' })
  kind!: DecreeDayKind;

  @Field({ description: 'The decree, e.g. "Government decree No. 1466 of 24 Sep 2025".' })
  reference!: string;

  @Field(() => LocalDate, { nullable: true, description: 'For DAY_OFF: the Saturday or Sunday the day off is moved from.' })
  movedFromOn?: string | null;
}

@InputType({ description: "A year's government decree on days off: it replaces that year's provisional calendar." })
export class LoadCalendarDecreeInput {
  @Field(() => Int, { description: 'The year the decree is for.' })
  year!: number;

  @Field(() => [DecreeDayInput], { description: 'Every transfer the decree makes (the Labour Code holidays are known to the hub).' })
  days!: DecreeDayInput[];

  @Field(() => String, {
    nullable: true,
    description:
      'Client-supplied retry key. Loading is idempotent by nature: a retry with the same decree stores the same days and lists no case again.',
  })
  idempotencyKey?: string | null;
}

@ObjectType({ description: 'A support case whose current deadline changed when a decree was loaded (no personal data).' })
export class RecomputedCaseDeadline {
  @Field(() => ID, { name: 'supportCaseId', description: 'Id of the support case (the administrator may not read the case itself).' })
  caseId!: string;

  @Field(() => SupportStage, { description: 'The stage whose deadline moved.' })
  stage!: SupportStage;

  @Field(() => LocalDate, { name: 'formerDueOn', nullable: true, description: 'The due day on the calendar before the decree.' })
  dueDateBefore!: string | null;

  @Field(() => LocalDate, { name: 'dueOn', nullable: true, description: 'The due day now.' })
  dueDateAfter!: string | null;

  @Field({ description: 'The deadline was provisional before the decree.' })
  provisionalBefore!: boolean;

  @Field({ description: 'The deadline is still provisional (it also counts days of another year without a decree).' })
  provisionalAfter!: boolean;
}

@ObjectType({ description: 'What loading a decree did: the year is decreed and these deadlines were recomputed.' })
export class CalendarDecreeLoad {
  @Field(() => Int, { description: 'The year the decree is for, now decreed.' })
  year!: number;

  @Field(() => [CalendarDay], {
    description: "The year's federal calendar days now stored (weekday holidays, moved days off, working weekends).",
  })
  days!: CalendarDay[];

  @Field(() => Int, { description: 'Working days in the year by the federal calendar (the published yearly total).' })
  workingDays!: number;

  @Field(() => [RecomputedCaseDeadline], { description: 'Open cases whose current deadline moved or lost its provisional mark.' })
  recomputedCases!: RecomputedCaseDeadline[];
}

@ObjectType({ description: 'Whether a year of the production calendar comes from its decree or is computed (provisional).' })
export class CalendarYearStatus {
  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field({
    description: "True when the year's government decree on days off is loaded; false: computed from the Labour Code, provisional.",
  })
  decreed!: boolean;
}

@ObjectType({ description: 'Something about the production calendar an administrator must act on.' })
export class CalendarAlert {
  @Field({ description: 'Stable code: CALENDAR_PROVISIONAL.' })
  code!: string;

  @Field(() => Int, { description: 'The year the alert is about.' })
  year!: number;

  @Field({ description: 'What to do, for the administrator.' })
  message!: string;
}

@ObjectType({ description: "The production calendar's standing for this year and the next (by the hub clock)." })
export class ProductionCalendarStatus {
  @Field(() => LocalDate, { name: 'judgedOn', description: "The hub's today the status is judged on." })
  today!: string;

  @Field(() => [CalendarYearStatus], { description: 'This year and the next, each decreed or provisional.' })
  years!: CalendarYearStatus[];

  @Field(() => [CalendarAlert], { description: 'From 1 September: next year still provisional; any time: this year provisional.' })
  alerts!: CalendarAlert[];
}
