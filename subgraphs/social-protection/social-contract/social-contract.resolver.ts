import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { assertSocialContract } from '../programme/programme.rules';
import { assertMayReadSupportRecords } from '../support-case/support-case.policy';
import { SocialContract } from './social-contract.entity';

@InputType({ description: 'A social contract and its programme of social adaptation (seed 004 annex 5).' })
class RecordSocialContractInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => ID, { nullable: true })
  caseId?: string | null;

  @Field(() => String, { nullable: true })
  number?: string | null;

  @Field(() => LocalDate)
  commissionDecisionOn!: string;

  @Field(() => LocalDate)
  signedOn!: string;

  @Field(() => LocalDate)
  validUntil!: string;

  @Field(() => [String])
  adaptationMeasures!: string[];

  @Field(() => [LocalDate])
  monitoringDates!: string[];
}

@Resolver(() => SocialContract)
export class SocialContractResolver {
  @Authorized(Role.COORDINATOR)
  @Mutation(() => SocialContract, { description: 'Records a social contract for a person of my families.' })
  async recordSocialContract(@Arg('input') input: RecordSocialContractInput, @Ctx() ctx: HubContext): Promise<SocialContract> {
    await assertMayReadSupportRecords(ctx, input.personId, 'recordSocialContract');
    const measures = input.adaptationMeasures.map((m) => m.trim()).filter(Boolean);
    const dates = [...input.monitoringDates].sort();
    assertSocialContract({ ...input, adaptationMeasures: measures, monitoringDates: dates });
    return ctx.em.transactional(async (em) => {
      const contract = em.create(SocialContract, {
        personId: input.personId,
        caseId: input.caseId ?? null,
        number: input.number ?? null,
        commissionDecisionOn: input.commissionDecisionOn,
        signedOn: input.signedOn,
        validUntil: input.validUntil,
        adaptationMeasures: measures,
        monitoringDates: dates,
      });
      ctx.audit.recordWrite(em, 'recordSocialContract', [input.personId]);
      return contract;
    });
  }
}
