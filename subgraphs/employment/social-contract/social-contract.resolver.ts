import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { today } from '../../kit/platform/clock';
import { writeOnce } from '../../kit/platform/idempotency';
import { assertIdempotencyKey, assertOrganizationId, assertPersonId } from '../../kit/platform/input-rules';
import { assertEmploymentSpecialist } from '../shared/specialist.policy';
import { SocialContractEmploymentMeasure, SocialContractMeasureStatus } from './social-contract-measure.entity';
import { checkSocialContractMeasure } from './social-contract.rules';

@InputType({ description: "A measure of a social contract's adaptation programme executed by the employment service (seed 004 annex 5)." })
export class RecordSocialContractMeasureInput {
  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;

  @Field(() => ID)
  personId!: string;

  @Field()
  contractNumber!: string;

  @Field()
  measure!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => LocalDate)
  startDate!: string;

  @Field(() => LocalDate)
  endDate!: string;

  @Field(() => SocialContractMeasureStatus, { defaultValue: SocialContractMeasureStatus.PLANNED })
  status!: SocialContractMeasureStatus;
}

@Resolver(() => SocialContractEmploymentMeasure)
export class SocialContractMeasureResolver {
  @Authorized(Role.SPECIALIST)
  @Mutation(() => SocialContractEmploymentMeasure, { description: "Records the employment service's measure of a social contract." })
  async recordSocialContractMeasure(
    @Arg('input') input: RecordSocialContractMeasureInput,
    @Ctx() ctx: HubContext,
  ): Promise<SocialContractEmploymentMeasure> {
    assertEmploymentSpecialist(ctx);
    const key = assertIdempotencyKey(input.idempotencyKey);
    const personId = assertPersonId(input.personId);
    const organizationId = assertOrganizationId(input.organizationId);
    checkSocialContractMeasure(input, today());
    return writeOnce(ctx, SocialContractEmploymentMeasure, key, personId, async (em) => {
      const measure = em.create(SocialContractEmploymentMeasure, {
        personId,
        contractNumber: input.contractNumber.trim(),
        measure: input.measure.trim(),
        organizationId,
        startDate: input.startDate,
        endDate: input.endDate,
        status: input.status,
        idempotencyKey: key,
      });
      ctx.audit.recordWrite(em, 'recordSocialContractMeasure', [personId]);
      return measure;
    });
  }
}
