import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { writeOnce } from '../../kit/platform/idempotency';
import { assertIdempotencyKey, assertOrganizationId, assertPersonId } from '../../kit/platform/input-rules';
import { assertEmploymentSpecialist } from '../shared/specialist.policy';
import { VocationalTraining, VocationalTrainingStatus } from './vocational-training.entity';
import { checkVocationalTraining } from './vocational-training.rules';

@InputType({ description: 'Enrolment in vocational training arranged by the employment service.' })
export class EnrolInVocationalTrainingInput {
  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;

  @Field(() => ID)
  personId!: string;

  @Field()
  programme!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => LocalDate)
  startDate!: string;

  @Field(() => LocalDate)
  endDate!: string;
}

@Resolver(() => VocationalTraining)
export class VocationalTrainingResolver {
  @Authorized(Role.SPECIALIST)
  @Mutation(() => VocationalTraining, { description: 'Enrols a person in vocational training.' })
  async enrolInVocationalTraining(
    @Arg('input') input: EnrolInVocationalTrainingInput,
    @Ctx() ctx: HubContext,
  ): Promise<VocationalTraining> {
    assertEmploymentSpecialist(ctx);
    const key = assertIdempotencyKey(input.idempotencyKey);
    const personId = assertPersonId(input.personId);
    const organizationId = assertOrganizationId(input.organizationId);
    checkVocationalTraining(input);
    return writeOnce(ctx, VocationalTraining, key, personId, async (em) => {
      const training = em.create(VocationalTraining, {
        personId,
        programme: input.programme.trim(),
        organizationId,
        startDate: input.startDate,
        endDate: input.endDate,
        status: VocationalTrainingStatus.ENROLLED,
        idempotencyKey: key,
      });
      ctx.audit.recordWrite(em, 'enrolInVocationalTraining', [personId]);
      return training;
    });
  }
}
