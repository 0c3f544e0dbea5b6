import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { Role } from '../../kit/policy/roles';
import { PeriodInput } from '../../kit/platform/period';
import { writeOnce } from '../../kit/platform/idempotency';
import { assertIdempotencyKey, assertOrganizationId, assertPersonId } from '../../kit/platform/input-rules';
import { MutationPayload, payloadOf } from '../../kit/platform/user-errors';
import { assertEmploymentSpecialist } from '../shared/specialist.policy';
import { VocationalTraining, VocationalTrainingStatus } from './vocational-training.entity';
import { checkVocationalTraining } from './vocational-training.rules';

@InputType({ description: 'Enrolment of a person in vocational training arranged by the employment service.' })
export class EnrolInVocationalTrainingInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Client-supplied key (8–128 letters, digits, "-", "_", ".", ":"): a retry with the same key answers the enrolment the first call made.',
  })
  idempotencyKey?: string | null;

  @Field(() => ID, { description: 'The person enrolled (hub person id).' })
  personId!: string;

  @Field({ description: 'The training programme, e.g. "Оператор ЭВМ" (data text, Russian, up to 300 characters).' })
  programme!: string;

  @Field(() => ID, { description: 'The training organization (directory organization id).' })
  organizationId!: string;

  @Field(() => PeriodInput, { description: 'The course’s first and last day: both required.' })
  period!: PeriodInput;
}

@ObjectType({ description: 'What enrolInVocationalTraining did: the training enrolled in, or why it was refused.' })
export class EnrolInVocationalTrainingPayload extends MutationPayload {
  @Field(() => VocationalTraining, {
    nullable: true,
    description: 'The training enrolled in (or by the first call with this idempotencyKey); null when refused.',
  })
  vocationalTraining?: VocationalTraining | null;
}

@Resolver(() => VocationalTraining)
export class VocationalTrainingResolver {
  @Authorized(Role.SPECIALIST)
  @Mutation(() => EnrolInVocationalTrainingPayload, {
    description: 'Enrols a person in vocational training (employment-service specialists only); the training starts ENROLLED.',
  })
  enrolInVocationalTraining(
    @Arg('input', { description: 'The person, the programme, the training organization and the course’s term.' })
    input: EnrolInVocationalTrainingInput,
    @Ctx() ctx: HubContext,
  ): Promise<EnrolInVocationalTrainingPayload> {
    assertEmploymentSpecialist(ctx);
    return payloadOf(ctx, async () => {
      const key = assertIdempotencyKey(input.idempotencyKey);
      const personId = assertPersonId(input.personId);
      const organizationId = assertOrganizationId(input.organizationId);
      const term = checkVocationalTraining(input);
      const vocationalTraining = await writeOnce(ctx, VocationalTraining, key, personId, async (em) => {
        const training = em.create(VocationalTraining, {
          personId,
          programme: input.programme.trim(),
          organizationId,
          startDate: term.startsOn,
          endDate: term.endsOn,
          status: VocationalTrainingStatus.ENROLLED,
          idempotencyKey: key,
        });
        ctx.audit.recordWrite(em, 'enrolInVocationalTraining', [personId]);
        return training;
      });
      return { vocationalTraining };
    });
  }
}
