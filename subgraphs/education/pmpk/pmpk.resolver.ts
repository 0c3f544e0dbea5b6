import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { DomainError, ErrorCode } from '../../kit/platform/errors';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { Period, periodOf } from '../../kit/platform/period';
import { today } from '../../kit/platform/clock';
import { writeOnce } from '../../kit/platform/idempotency';
import { MutationPayload, payloadOf } from '../../kit/platform/user-errors';
import { assertIdempotencyKey, assertOrganizationId, assertPersonId, assertText } from '../../kit/platform/input-rules';
import { Person } from '../person/person.entity';
import { Organization, organizationRef } from '../../conventions/organization-reference';
import { assertEducationSpecialist } from '../shared/specialist.policy';
import { AdaptedProgrammeKind, PmpkConclusion, SpecialEducationalCondition } from './pmpk-conclusion.entity';
import { checkPmpkConclusion } from './pmpk.rules';

@InputType({
  description:
    'A PMPK conclusion as the commission issued it. The commission and its number identify it: recording it again answers the first record.',
})
export class RecordPmpkConclusionInput {
  @Field(() => String, {
    nullable: true,
    description: 'Client-supplied key: a retry with the same key answers the conclusion the first call recorded, and writes nothing.',
  })
  idempotencyKey?: string | null;

  @Field(() => ID, { description: 'The child (hub person id).' })
  personId!: string;

  @Field(() => ID, { description: 'The commission (central or territorial PMPK) that issued the conclusion (hub organization id).' })
  organizationId!: string;

  @Field({ description: 'Number of the conclusion in the register of the commission, at most 64 characters.' })
  number!: string;

  @Field(() => LocalDate, { description: 'The day the commission issued the conclusion; not in the future.' })
  issuedOn!: string;

  @Field(() => AdaptedProgrammeKind, { description: 'The programme the child should learn by.' })
  recommendedProgramme!: AdaptedProgrammeKind;

  @Field(() => [SpecialEducationalCondition], { description: 'The special educational conditions the school must create, each once.' })
  conditions!: SpecialEducationalCondition[];

  @Field(() => String, { nullable: true, description: 'Further recommendations in the words of the commission.' })
  recommendations?: string | null;

  @Field(() => LocalDate, { description: 'The last day the conclusion is acted on; after the day it is issued.' })
  expiresOn!: string;
}

@ObjectType({ description: 'What recordPmpkConclusion answers: the conclusion, or why it was refused.' })
export class RecordPmpkConclusionPayload extends MutationPayload {
  @Field(() => PmpkConclusion, {
    nullable: true,
    description: 'The conclusion recorded (or recorded before with this key, or with this commission and number); null when refused.',
  })
  pmpkConclusion!: PmpkConclusion | null;
}

@Resolver(() => PmpkConclusion)
export class PmpkConclusionResolver {
  @FieldResolver(() => Person, { nullable: true, description: 'The child; social protection answers the fields of the person.' })
  person(@Root() conclusion: PmpkConclusion): Person {
    return { id: conclusion.personId } as Person;
  }

  @FieldResolver(() => Period, {
    description:
      'The days the conclusion is acted on: from the day it was issued to its last valid day; then the child goes back to the commission.',
  })
  period(@Root() conclusion: PmpkConclusion): Period {
    return periodOf(conclusion.date, conclusion.validUntil);
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'The commission (central or territorial PMPK) that issued the conclusion.',
  })
  commission(@Root() conclusion: PmpkConclusion): Organization | null {
    return organizationRef(conclusion.commissionOrganizationId);
  }

  @Authorized(Role.SPECIALIST)
  @Mutation(() => RecordPmpkConclusionPayload, {
    description: 'Records a PMPK conclusion: the recommended programme and the special educational conditions. Education specialists only.',
  })
  recordPmpkConclusion(
    @Arg('input', { description: 'The conclusion as the commission issued it.' }) input: RecordPmpkConclusionInput,
    @Ctx() ctx: HubContext,
  ) {
    assertEducationSpecialist(ctx);
    return payloadOf(ctx, async () => {
      const key = assertIdempotencyKey(input.idempotencyKey);
      const personId = assertPersonId(input.personId);
      const commissionOrganizationId = assertOrganizationId(input.organizationId);
      checkPmpkConclusion(input, today());
      const number = input.number.trim();
      // The commission's own register number is the natural key of a conclusion: recording it again answers the first.
      const existing = await ctx.em.findOne(PmpkConclusion, { commissionOrganizationId, number });
      if (existing) {
        if (existing.personId !== personId) {
          throw new DomainError(ErrorCode.CONFLICT, `Conclusion ${number} of this commission is already recorded for another person`, {
            field: 'number',
          });
        }
        return { pmpkConclusion: existing };
      }
      const recommendations = input.recommendations ? assertText(input.recommendations, 'recommendations') : null;
      const pmpkConclusion = await writeOnce(ctx, PmpkConclusion, key, personId, async (em) => {
        const conclusion = em.create(PmpkConclusion, {
          personId,
          commissionOrganizationId,
          number,
          date: input.issuedOn,
          recommendedProgramme: input.recommendedProgramme,
          conditions: input.conditions,
          recommendations,
          validUntil: input.expiresOn,
          idempotencyKey: key,
        });
        ctx.audit.recordWrite(em, 'recordPmpkConclusion', [personId]);
        return conclusion;
      });
      return { pmpkConclusion };
    });
  }
}
