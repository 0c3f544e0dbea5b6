import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { today } from '../../kit/platform/clock';
import { writeOnce } from '../../kit/platform/idempotency';
import { MutationPayload, payloadOf } from '../../kit/platform/user-errors';
import { assertIdempotencyKey, assertOrganizationId, assertPersonId } from '../../kit/platform/input-rules';
import { Person } from '../person/person.entity';
import { Organization, organizationRef } from '../../conventions/organization-reference';
import { assertEducationSpecialist } from '../shared/specialist.policy';
import { VocationalGuidance } from './vocational-guidance.entity';
import { checkVocationalGuidance } from './vocational-guidance.rules';

@InputType({ description: 'A vocational guidance session of a young person from 14 (seed 003 §4.3).' })
export class RecordVocationalGuidanceInput {
  @Field(() => String, {
    nullable: true,
    description: 'Client-supplied key: a retry with the same key answers the record the first call made, and writes nothing.',
  })
  idempotencyKey?: string | null;

  @Field(() => ID, { description: 'The young person (hub person id).' })
  personId!: string;

  @Field(() => ID, { description: 'The organization that gave the guidance (hub organization id).' })
  organizationId!: string;

  @Field(() => LocalDate, { description: 'The day the guidance was given; not in the future.' })
  heldOn!: string;

  @Field(() => LocalDate, {
    description:
      "The person's birth date as presented (passport). Social protection owns the person record; a mutation " +
      'cannot @require it, so the caller passes it, the rule "from 14" is checked against it and it is kept on the record (seed 003 §4.3).',
  })
  bornOn!: string;

  @Field({ description: 'Recommended professions or training directions.' })
  recommendation!: string;
}

@ObjectType({ description: 'What recordVocationalGuidance answers: the guidance record, or why it was refused.' })
export class RecordVocationalGuidancePayload extends MutationPayload {
  @Field(() => VocationalGuidance, {
    nullable: true,
    description: 'The guidance recorded (or recorded by the first call with this key); null when refused.',
  })
  vocationalGuidance!: VocationalGuidance | null;
}

@Resolver(() => VocationalGuidance)
export class VocationalGuidanceResolver {
  @FieldResolver(() => Person, { nullable: true, description: 'The young person; social protection answers the fields of the person.' })
  person(@Root() guidance: VocationalGuidance): Person {
    return { id: guidance.personId } as Person;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organization that gave the guidance.' })
  organization(@Root() guidance: VocationalGuidance): Organization | null {
    return organizationRef(guidance.organizationId);
  }

  @Authorized(Role.SPECIALIST)
  @Mutation(() => RecordVocationalGuidancePayload, {
    description: 'Records vocational guidance; refused under 14 (seed 003 §4.3). Education specialists only.',
  })
  recordVocationalGuidance(
    @Arg('input', { description: 'The guidance session and its recommendation.' }) input: RecordVocationalGuidanceInput,
    @Ctx() ctx: HubContext,
  ) {
    assertEducationSpecialist(ctx);
    return payloadOf(ctx, async () => {
      const key = assertIdempotencyKey(input.idempotencyKey);
      const personId = assertPersonId(input.personId);
      const organizationId = assertOrganizationId(input.organizationId);
      checkVocationalGuidance(input, today());
      const vocationalGuidance = await writeOnce(ctx, VocationalGuidance, key, personId, async (em) => {
        const guidance = em.create(VocationalGuidance, {
          personId,
          organizationId,
          date: input.heldOn,
          birthDate: input.bornOn,
          recommendation: input.recommendation.trim(),
          idempotencyKey: key,
        });
        ctx.audit.recordWrite(em, 'recordVocationalGuidance', [personId]);
        return guidance;
      });
      return { vocationalGuidance };
    });
  }
}
