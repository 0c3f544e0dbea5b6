import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';

/** The two ways a day departs from the Mon–Fri week (values as the pure calendar stores them). */
export enum CalendarDayKind {
  HOLIDAY = 'holiday',
  WORKING_WEEKEND = 'working_weekend',
}
registerEnumType(CalendarDayKind, {
  name: 'CalendarDayKind',
  description: 'How a day departs from the Monday–Friday working week.',
  valuesConfig: {
    HOLIDAY: { description: 'A non-working holiday or a transferred day off.' },
    WORKING_WEEKEND: { description: 'A Saturday or Sunday made a working day.' },
  },
});

/**
 * One exception to the Mon–Fri week in the production calendar, kept as data so that an administrator
 * loads next year's decree, or a region its own holiday, without a code change (DOMAIN.md,
 * "Deadlines are in working days"). The federal rows (region null) decide which years are covered.
 */
@ObjectType({ description: 'A day of the production calendar that is not a plain Mon–Fri working day or weekend.' })
@Entity({ tableName: 'calendar_day' })
export class CalendarDay {
  @Field(() => LocalDate, { name: 'on', description: 'The day.' })
  @PrimaryKey({ type: 'date' })
  date!: string;

  @Field(() => CalendarDayKind, { description: 'How the day departs from the Monday–Friday week.' })
  @Enum({ items: () => CalendarDayKind, nativeEnumName: 'calendar_day_kind' })
  kind!: CalendarDayKind;

  @Field({ description: 'Why the day is off or worked: the law or decree.' })
  @Property({ type: 'text' })
  note!: string;

  @Field(() => String, {
    nullable: true,
    description: 'OKTMO prefix of the region (e.g. 25 for Irkutsk oblast) for a regional holiday; null for federal days.',
  })
  @Property({ type: 'string', length: 11, nullable: true })
  region!: string | null;
}
