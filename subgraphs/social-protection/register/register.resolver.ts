import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { forbidden } from '../../kit/policy/authorization';
import { DomainError, ErrorCode, notFound } from '../../kit/platform/errors';
import { Role } from '../../kit/policy/roles';
import { MutationPayload, payloadOf } from '../../kit/platform/user-errors';
import { today } from '../../kit/platform/clock';
import { normalizeSnils } from '../../kit/domain/snils';
import { Family } from '../family/family.entity';
import { assertMayReadFamily } from '../family/family.policy';
import { Person } from '../person/person.entity';
import { createOnce } from '../platform/create-once';
import { assertBirthDate } from './register.rules';
import { addPersonToFamily, PersonDetailsInput } from './person-details.input';
import { FamilyDetailsInput, registerFamilyOf } from './family-details.input';

@InputType({ description: "A family on the caller's territory, supported by the caller's operator organization." })
class RegisterFamilyInput extends FamilyDetailsInput {
  @Field(() => String, {
    nullable: true,
    description: 'Client-supplied key: a retry with the same key answers the family the first call registered.',
  })
  idempotencyKey?: string | null;
}

@InputType({ description: 'A person added to a family of the caller (checked SNILS, a birth day in the past).' })
class RegisterPersonInput extends PersonDetailsInput {
  @Field(() => ID, { description: 'The family, one of the caller’s.' })
  familyId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Client-supplied key: a retry with the same key answers the person the first call registered.',
  })
  idempotencyKey?: string | null;
}

@ObjectType({ description: 'What registerFamily created.' })
class RegisterFamilyPayload extends MutationPayload {
  @Field(() => Family, { nullable: true, description: 'The family registered (or found by its idempotencyKey); null when refused.' })
  family?: Family | null;
}

@ObjectType({ description: 'What registerPerson created: the person, a member of the family.' })
class RegisterPersonPayload extends MutationPayload {
  @Field(() => Person, { nullable: true, description: 'The person registered (or found by its idempotencyKey); null when refused.' })
  person?: Person | null;

  @Field(() => Family, { nullable: true, description: 'The family the person joined; null when refused.' })
  family?: Family | null;
}

/** The coordinator keeps the register of her families (seed 003 §33, §21). */
@Resolver()
export class RegisterResolver {
  @Authorized(Role.COORDINATOR)
  @Mutation(() => RegisterFamilyPayload, { description: "Registers a family with the caller's operator organization." })
  registerFamily(@Arg('input', { description: 'The family.' }) input: RegisterFamilyInput, @Ctx() ctx: HubContext) {
    const orgId = ctx.identity.organizationId;
    if (!orgId) throw forbidden('A coordinator without an organization cannot register families');
    return payloadOf(ctx, async () => {
      const family = await createOnce(
        ctx,
        Family,
        input.idempotencyKey,
        (found) => found.operatorOrganization.id === orgId,
        async (em) => {
          const created = await registerFamilyOf(em, orgId, input, 'displayName');
          ctx.audit.recordWrite(em, 'registerFamily', []);
          return created;
        },
      );
      return { family };
    });
  }

  @Authorized(Role.COORDINATOR)
  @Mutation(() => RegisterPersonPayload, { description: 'Registers a person as a member of one of my families.' })
  registerPerson(
    @Arg('input', { description: 'The person and their place in the family.' }) input: RegisterPersonInput,
    @Ctx() ctx: HubContext,
  ) {
    return payloadOf(ctx, async () => {
      const snils = normalizeSnils(input.snils);
      assertBirthDate(input.bornOn, today());
      const person = await createOnce(
        ctx,
        Person,
        input.idempotencyKey,
        (found) => found.snils === snils,
        async (em) => {
          const family = await em.findOne(Family, { id: input.familyId });
          if (!family) throw notFound('Family', input.familyId);
          await assertMayReadFamily(ctx, family, 'registerPerson');
          if (await em.findOne(Person, { snils })) {
            throw new DomainError(ErrorCode.CONFLICT, 'A person with this SNILS is already registered', { field: 'snils' });
          }
          const created = addPersonToFamily(em, family, input, snils, null);
          ctx.audit.recordWrite(em, 'registerPerson', [created.id]);
          return created;
        },
      );
      const family = await ctx.em.findOne(Family, { id: input.familyId });
      if (family) await assertMayReadFamily(ctx, family, 'registerPerson');
      return { person, family };
    });
  }
}
