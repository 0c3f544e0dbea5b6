import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { today } from '../../kit/platform/clock';
import { writeOnce } from '../../kit/platform/idempotency';
import { assertIdempotencyKey, assertOrganizationId, assertPersonId } from '../../kit/platform/input-rules';
import { assertEducationSpecialist } from '../shared/specialist.policy';
import { VocationalGuidance } from './vocational-guidance.entity';
import { checkVocationalGuidance } from './vocational-guidance.rules';

@InputType({ description: 'A vocational guidance session (from 14, seed 003 §4.3).' })
export class RecordVocationalGuidanceInput {
  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;

  @Field(() => ID)
  personId!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => LocalDate)
  date!: string;

  @Field(() => LocalDate, {
    description:
      "The person's birth date as presented (passport). Social protection owns the person record; a mutation " +
      'cannot @require it, so the caller passes it, the age rule is checked against it and it is kept on the record.',
  })
  birthDate!: string;

  @Field()
  recommendation!: string;
}

@Resolver(() => VocationalGuidance)
export class VocationalGuidanceResolver {
  @Authorized(Role.SPECIALIST)
  @Mutation(() => VocationalGuidance, { description: 'Records vocational guidance; refused under 14 (seed 003 §4.3).' })
  async recordVocationalGuidance(@Arg('input') input: RecordVocationalGuidanceInput, @Ctx() ctx: HubContext): Promise<VocationalGuidance> {
    assertEducationSpecialist(ctx);
    const key = assertIdempotencyKey(input.idempotencyKey);
    const personId = assertPersonId(input.personId);
    const organizationId = assertOrganizationId(input.organizationId);
    checkVocationalGuidance(input, today());
    return writeOnce(ctx, VocationalGuidance, key, personId, async (em) => {
      const guidance = em.create(VocationalGuidance, {
        personId,
        organizationId,
        date: input.date,
        birthDate: input.birthDate,
        recommendation: input.recommendation.trim(),
        idempotencyKey: key,
      });
      ctx.audit.recordWrite(em, 'recordVocationalGuidance', [personId]);
      return guidance;
    });
  }
}
