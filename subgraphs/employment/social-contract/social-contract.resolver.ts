import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { Role } from '../../kit/policy/roles';
import { PeriodInput } from '../../kit/platform/period';
import { today } from '../../kit/platform/clock';
import { writeOnce } from '../../kit/platform/idempotency';
import { assertIdempotencyKey, assertOrganizationId, assertPersonId } from '../../kit/platform/input-rules';
import { MutationPayload, payloadOf } from '../../kit/platform/user-errors';
import { assertEmploymentSpecialist } from '../shared/specialist.policy';
import { SocialContractEmploymentMeasure, SocialContractMeasureStatus } from './social-contract-measure.entity';
import { checkSocialContractMeasure } from './social-contract.rules';

@InputType({
  description: "A measure of a social contract's adaptation programme that the employment service carries out (seed 004 annex 5 §4.1.5).",
})
export class RecordSocialContractMeasureInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Client-supplied key (8–128 letters, digits, "-", "_", ".", ":"): a retry with the same key answers the measure the first call recorded.',
  })
  idempotencyKey?: string | null;

  @Field(() => ID, { description: 'The person who concluded the social contract (hub person id).' })
  personId!: string;

  @Field({ description: 'Number of the social contract as social protection registered it (up to 64 characters).' })
  contractNumber!: string;

  @Field({ description: 'The measure, e.g. "Поиск работы" (data text, Russian, up to 500 characters).' })
  measure!: string;

  @Field(() => ID, { description: 'The employment centre carrying out the measure (directory organization id).' })
  organizationId!: string;

  @Field(() => PeriodInput, { description: 'When the measure is carried out, as the programme plans it: both days required.' })
  period!: PeriodInput;

  @Field(() => SocialContractMeasureStatus, {
    defaultValue: SocialContractMeasureStatus.PLANNED,
    description: 'How far the measure has got (default PLANNED); DONE only once it has started.',
  })
  status!: SocialContractMeasureStatus;
}

@ObjectType({ description: 'What recordSocialContractMeasure did: the measure recorded, or why it was refused.' })
export class RecordSocialContractMeasurePayload extends MutationPayload {
  @Field(() => SocialContractEmploymentMeasure, {
    nullable: true,
    description: 'The measure recorded (or recorded by the first call with this idempotencyKey); null when refused.',
  })
  socialContractEmploymentMeasure?: SocialContractEmploymentMeasure | null;
}

@Resolver(() => SocialContractEmploymentMeasure)
export class SocialContractMeasureResolver {
  @Authorized(Role.SPECIALIST)
  @Mutation(() => RecordSocialContractMeasurePayload, {
    description:
      "Records the employment service's measure of a social contract, reported back to social protection (employment-service specialists only; seed 004 annex 5 §4.1.5).",
  })
  recordSocialContractMeasure(
    @Arg('input', { description: 'The contract, the measure, its term and its status.' }) input: RecordSocialContractMeasureInput,
    @Ctx() ctx: HubContext,
  ): Promise<RecordSocialContractMeasurePayload> {
    assertEmploymentSpecialist(ctx);
    return payloadOf(ctx, async () => {
      const key = assertIdempotencyKey(input.idempotencyKey);
      const personId = assertPersonId(input.personId);
      const organizationId = assertOrganizationId(input.organizationId);
      const term = checkSocialContractMeasure(input, today());
      const socialContractEmploymentMeasure = await writeOnce(ctx, SocialContractEmploymentMeasure, key, personId, async (em) => {
        const measure = em.create(SocialContractEmploymentMeasure, {
          personId,
          contractNumber: input.contractNumber.trim(),
          measure: input.measure.trim(),
          organizationId,
          startDate: term.startsOn,
          endDate: term.endsOn,
          status: input.status,
          idempotencyKey: key,
        });
        ctx.audit.recordWrite(em, 'recordSocialContractMeasure', [personId]);
        return measure;
      });
      return { socialContractEmploymentMeasure };
    });
  }
}
