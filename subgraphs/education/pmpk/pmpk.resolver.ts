import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { DomainError, ErrorCode } from '../../kit/platform/errors';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { today } from '../../kit/platform/clock';
import { assertOrganizationId, assertPersonId, assertText } from '../../kit/platform/input-rules';
import { assertEducationSpecialist } from '../shared/specialist.policy';
import { AdaptedProgramKind, PmpkConclusion, SpecialEducationalCondition } from './pmpk-conclusion.entity';
import { checkPmpkConclusion } from './pmpk.rules';

@InputType({
  description:
    'A PMPK conclusion as the commission issued it. The commission + number pair identifies it: recording it twice returns the first record.',
})
export class RecordPmpkConclusionInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => ID)
  commissionOrganizationId!: string;

  @Field()
  number!: string;

  @Field(() => LocalDate)
  date!: string;

  @Field(() => AdaptedProgramKind)
  recommendedProgram!: AdaptedProgramKind;

  @Field(() => [SpecialEducationalCondition])
  conditions!: SpecialEducationalCondition[];

  @Field(() => String, { nullable: true })
  recommendations?: string | null;

  @Field(() => LocalDate)
  validUntil!: string;
}

@Resolver(() => PmpkConclusion)
export class PmpkConclusionResolver {
  @Authorized(Role.SPECIALIST)
  @Mutation(() => PmpkConclusion, { description: 'Records a PMPK conclusion (special educational conditions).' })
  async recordPmpkConclusion(@Arg('input') input: RecordPmpkConclusionInput, @Ctx() ctx: HubContext): Promise<PmpkConclusion> {
    assertEducationSpecialist(ctx);
    const personId = assertPersonId(input.personId);
    const commissionOrganizationId = assertOrganizationId(input.commissionOrganizationId, 'commissionOrganizationId');
    checkPmpkConclusion(input, today());
    const number = input.number.trim();
    // The commission's own register number is the natural idempotency key of a conclusion.
    const existing = await ctx.em.findOne(PmpkConclusion, { commissionOrganizationId, number });
    if (existing) {
      if (existing.personId !== personId) {
        throw new DomainError(ErrorCode.CONFLICT, `Conclusion ${number} of this commission is already recorded for another person`, {
          field: 'number',
        });
      }
      return existing;
    }
    const recommendations = input.recommendations ? assertText(input.recommendations, 'recommendations') : null;
    return ctx.em.transactional(async (em) => {
      const conclusion = em.create(PmpkConclusion, {
        personId,
        commissionOrganizationId,
        number,
        date: input.date,
        recommendedProgram: input.recommendedProgram,
        conditions: input.conditions,
        recommendations,
        validUntil: input.validUntil,
      });
      ctx.audit.recordWrite(em, 'recordPmpkConclusion', [personId]);
      return conclusion;
    });
  }
}
