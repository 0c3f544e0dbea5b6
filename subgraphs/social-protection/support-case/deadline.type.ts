import { Field, ObjectType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';

/** The current stage's term as the coordinator sees it, with the calendar's provisional mark (issue 18). */
@ObjectType({ description: "The deadline of a support case's current stage, in working days (seed 003 §16, seed 004 §3.2)." })
export class SupportCaseDeadline {
  @Field(() => LocalDate, { name: 'dueOn', description: 'The last day in time (the whole due day is still in time).' })
  dueDate!: string;

  @Field({ description: 'Stable id of the rule, for monitoring reports (e.g. contact-after-signal).' })
  rule!: string;

  @Field({ description: 'What must happen by the due day.' })
  description!: string;

  @Field({ description: 'The seed clause that sets the term.' })
  source!: string;

  @Field({
    description:
      'True when the term counts days of a year whose government decree on days off is not loaded yet: the days come ' +
      'from the Labour Code alone and the due date may move when the decree is loaded.',
  })
  provisional!: boolean;
}
