import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy } from '../../kit/platform/entity-loaders';
import { notFound } from '../../kit/platform/errors';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { MutationPayload, payloadOf } from '../../kit/platform/user-errors';
import { Person } from '../person/person.entity';
import { createOnce } from '../platform/create-once';
import { assertSocialContract } from '../programme/programme.rules';
import { SupportCase } from '../support-case/support-case.entity';
import { assertMayReadSupportRecords, assertMayRunCase } from '../support-case/support-case.policy';
import { SocialContract } from './social-contract.entity';

@InputType({ description: 'A social contract and its programme of social adaptation (seed 004 annex 5).' })
class RecordSocialContractInput {
  @Field(() => ID, { description: 'The person the contract is with, a member of one of my families.' })
  personId!: string;

  @Field(() => ID, { nullable: true, description: 'The support case the contract belongs to, if any.' })
  supportCaseId?: string | null;

  @Field(() => String, { nullable: true, description: 'Number of the contract as written on it.' })
  number?: string | null;

  @Field(() => LocalDate, { description: 'Day of the commission decision; the contract is signed after it (seed 004 annex 5 §3.1.4).' })
  commissionDecisionOn!: string;

  @Field(() => LocalDate, { description: 'Day the contract was signed.' })
  signedOn!: string;

  @Field(() => LocalDate, { description: 'Last day the contract is in force, not before it is signed.' })
  endsOn!: string;

  @Field(() => [String], { description: 'Measures of the programme of social adaptation, at least one (seed 004 annex 5 §3.1.2).' })
  adaptationMeasures!: string[];

  @Field(() => [LocalDate], { description: 'Planned monitoring dates, within the contract term (seed 004 annex 5 §3.2.7).' })
  monitoringDates!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Client-supplied key: a retry with the same key answers the contract the first call recorded.',
  })
  idempotencyKey?: string | null;
}

@ObjectType({ description: 'What recordSocialContract created.' })
class RecordSocialContractPayload extends MutationPayload {
  @Field(() => SocialContract, {
    nullable: true,
    description: 'The contract recorded (or found by its idempotencyKey); null when refused.',
  })
  socialContract?: SocialContract | null;
}

@Resolver(() => SocialContract)
export class SocialContractResolver {
  @Authorized(Role.COORDINATOR)
  @Mutation(() => RecordSocialContractPayload, { description: 'Records a social contract for a person of my families.' })
  recordSocialContract(@Arg('input', { description: 'The contract as signed.' }) input: RecordSocialContractInput, @Ctx() ctx: HubContext) {
    return payloadOf(ctx, async () => {
      await assertMayReadSupportRecords(ctx, input.personId, 'recordSocialContract');
      const measures = input.adaptationMeasures.map((m) => m.trim()).filter(Boolean);
      const dates = [...input.monitoringDates].sort();
      assertSocialContract({ ...input, validUntil: input.endsOn, adaptationMeasures: measures, monitoringDates: dates });
      if (input.supportCaseId) {
        const c = await loaderBy(ctx, SupportCase, 'id').load(input.supportCaseId);
        if (!c || c.personId !== input.personId) throw notFound('Support case', input.supportCaseId);
      }
      const socialContract = await createOnce(
        ctx,
        SocialContract,
        input.idempotencyKey,
        (found) => found.personId === input.personId,
        async (em) => {
          const contract = em.create(SocialContract, {
            personId: input.personId,
            caseId: input.supportCaseId ?? null,
            number: input.number ?? null,
            commissionDecisionOn: input.commissionDecisionOn,
            signedOn: input.signedOn,
            validUntil: input.endsOn,
            adaptationMeasures: measures,
            monitoringDates: dates,
          });
          ctx.audit.recordWrite(em, 'recordSocialContract', [input.personId]);
          return contract;
        },
      );
      return { socialContract };
    });
  }

  @FieldResolver(() => Person, {
    nullable: true,
    description: 'The person the contract is with; each personal field is checked on its own.',
  })
  person(@Root() contract: SocialContract, @Ctx() ctx: HubContext): Promise<Person | null> {
    return loaderBy(ctx, Person, 'id').load(contract.personId);
  }

  @FieldResolver(() => SupportCase, {
    nullable: true,
    description: 'The support case the contract belongs to, if any (its coordinator only).',
  })
  async supportCase(@Root() contract: SocialContract, @Ctx() ctx: HubContext): Promise<SupportCase | null> {
    if (!contract.caseId) return null;
    return assertMayRunCase(ctx, await loaderBy(ctx, SupportCase, 'id').load(contract.caseId), contract.caseId);
  }
}
