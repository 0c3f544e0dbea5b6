import { Directive, Field, InputType, ObjectType } from 'type-graphql';
import { badInput } from './errors';
import { LocalDate } from './scalars';

/**
 * A span of calendar days, the one shape of every period in the hub (a contract's term, a course, a programme, a
 * validity): `startsOn` and `endsOn` both included, `endsOn` null while open-ended.
 */
@Directive('@shareable')
@ObjectType({ description: 'A span of calendar days, both ends included; `endsOn` is null while it is open-ended.', simpleResolvers: true })
export class Period {
  @Field(() => LocalDate, { nullable: true, description: 'The first day, or null when it is not known (a step not yet planned).' })
  startsOn!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'The last day, or null while the period is open-ended.' })
  endsOn!: string | null;
}

/** A filter or a planned span given by a client: either end may be left open. */
@InputType({ description: 'A span of calendar days to filter or plan by, both ends included; leave an end out to keep it open.' })
export class PeriodInput {
  @Field(() => LocalDate, { nullable: true, description: 'The first day (included); open when left out.' })
  startsOn?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'The last day (included); open when left out.' })
  endsOn?: string | null;
}

export function periodOf(startsOn: string | null | undefined, endsOn: string | null | undefined): Period {
  return { startsOn: startsOn ?? null, endsOn: endsOn ?? null };
}

/** The bounds of a filter period as SQL can compare them; a period that ends before it starts is refused. */
export function periodBounds(period: PeriodInput | null | undefined, field = 'period'): { from: string; to: string } {
  const from = period?.startsOn ?? '0001-01-01';
  const to = period?.endsOn ?? '9999-12-31';
  if (from > to) throw badInput(`${field} ends before it starts`, { field });
  return { from, to };
}
