import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../../kit/platform/connection';
import { PeriodInput } from '../../kit/platform/period';

/** A page of a person's history, optionally within a window of days. */
@ArgsType()
export class HistoryArgs extends PageArgs {
  @Field(() => PeriodInput, { nullable: true, description: 'Only the records whose day falls in this window (both ends included).' })
  period?: PeriodInput | null;
}
