import { Args, ArgsType, Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { Connection, PageArgs } from '../../kit/platform/connection';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy, loaderManyBy } from '../../kit/platform/entity-loaders';
import { PeriodInput } from '../../kit/platform/period';
import { Organization } from '../organization/organization.entity';
import { historyPage } from '../platform/history-page';
import { MeasureExecution } from './measure-execution.entity';
import { Measure } from './programme.entity';

@ObjectType({ description: 'A page of the executions of a measure.' })
export class MeasureExecutionConnection extends Connection(MeasureExecution) {}

@ArgsType()
class MeasureExecutionArgs extends PageArgs {
  @Field(() => PeriodInput, { nullable: true, description: 'Only executions on days within this period.' })
  period?: PeriodInput | null;
}

@Resolver(() => Measure)
export class MeasureExecutionsResolver {
  /** Read by whoever may read the measure (its coordinator, its referral's executor): one statement for all measures. */
  @FieldResolver(() => MeasureExecutionConnection, {
    description: 'Executions of the measure by day, with their results (seed 003 §33.6); compare with its volume (seed 003 §8.17–18).',
  })
  async executions(@Root() measure: Measure, @Args() args: MeasureExecutionArgs, @Ctx() ctx: HubContext) {
    const rows = await loaderManyBy(ctx, MeasureExecution, 'measureId').load(measure.id);
    return historyPage(rows, args, (e) => [e.executedOn, e.id]);
  }
}

@Resolver(() => MeasureExecution)
export class MeasureExecutionResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'The organization that carried it out.' })
  organization(@Root() execution: MeasureExecution, @Ctx() ctx: HubContext): Promise<Organization | null> {
    return loaderBy(ctx, Organization, 'id').load(execution.organizationId);
  }
}
