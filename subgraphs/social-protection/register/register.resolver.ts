import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import type { HubContext } from '../../kit/platform/context';
import { forbidden } from '../../kit/policy/authorization';
import { DomainError, ErrorCode, notFound } from '../../kit/platform/errors';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { today } from '../../kit/platform/clock';
import { normalizeSnils } from '../../kit/domain/snils';
import { Family, FamilyMember, FamilyRelation } from '../family/family.entity';
import { assertMayReadFamily } from '../family/family.policy';
import { Organization } from '../organization/organization.entity';
import { ContactPreference, DisabilityGroup, Person, Sex } from '../person/person.entity';
import { assertBirthDate, assertName } from './register.rules';

@InputType({ description: "A family on the caller's territory, supported by the caller's operator organization." })
class RegisterFamilyInput {
  @Field()
  displayName!: string;

  @Field(() => String, { nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true })
  socialDistrict?: string | null;
}

@InputType({ description: 'A person added to a family of the caller (checked SNILS, a birth date in the past).' })
class RegisterPersonInput {
  @Field(() => ID)
  familyId!: string;

  @Field(() => FamilyRelation)
  relation!: FamilyRelation;

  @Field(() => Boolean, { nullable: true })
  isLegalRepresentative?: boolean | null;

  @Field()
  snils!: string;

  @Field()
  lastName!: string;

  @Field()
  firstName!: string;

  @Field(() => String, { nullable: true })
  patronymic?: string | null;

  @Field(() => LocalDate)
  birthDate!: string;

  @Field(() => Sex)
  sex!: Sex;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => ContactPreference, { nullable: true })
  contactPreference?: ContactPreference | null;

  @Field(() => DisabilityGroup, { nullable: true })
  disabilityGroup?: DisabilityGroup | null;

  @Field(() => LocalDate, { nullable: true })
  disabilitySince?: string | null;

  @Field(() => Boolean, { nullable: true })
  hasLimitedHealthCapabilities?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  isAtRisk?: boolean | null;
}

/** The coordinator keeps the register of her families (seed 003 §33, §21). */
@Resolver()
export class RegisterResolver {
  @Authorized(Role.COORDINATOR)
  @Mutation(() => Family, { description: "Registers a family with the caller's operator organization." })
  async registerFamily(@Arg('input') input: RegisterFamilyInput, @Ctx() ctx: HubContext): Promise<Family> {
    const orgId = ctx.identity.organizationId;
    if (!orgId) throw forbidden('A coordinator without an organization cannot register families');
    return ctx.em.transactional(async (em) => {
      const org = await em.findOne(Organization, { id: orgId });
      if (!org) throw notFound('Organization', orgId);
      const family = em.create(Family, {
        id: randomUUID(),
        displayName: assertName(input.displayName, 'displayName'),
        territory: org.territory,
        address: input.address ?? null,
        socialDistrict: input.socialDistrict ?? null,
        operatorOrganization: org,
      });
      ctx.audit.recordWrite(em, 'registerFamily', []);
      return family;
    });
  }

  @Authorized(Role.COORDINATOR)
  @Mutation(() => Person, { description: 'Registers a person as a member of one of my families.' })
  async registerPerson(@Arg('input') input: RegisterPersonInput, @Ctx() ctx: HubContext): Promise<Person> {
    const snils = normalizeSnils(input.snils);
    assertBirthDate(input.birthDate, today());
    return ctx.em.transactional(async (em) => {
      const family = await em.findOne(Family, { id: input.familyId });
      if (!family) throw notFound('Family', input.familyId);
      await assertMayReadFamily(ctx, family, 'registerPerson');
      if (await em.findOne(Person, { snils })) {
        throw new DomainError(ErrorCode.CONFLICT, 'A person with this SNILS is already registered', { field: 'snils' });
      }
      const person = em.create(Person, {
        id: randomUUID(),
        snils,
        lastName: assertName(input.lastName, 'lastName'),
        firstName: assertName(input.firstName, 'firstName'),
        patronymic: input.patronymic?.trim() || null,
        birthDate: input.birthDate,
        sex: input.sex,
        phone: input.phone ?? null,
        email: null,
        contactPreference: input.contactPreference ?? null,
        disabilityGroup: input.disabilityGroup ?? null,
        disabilitySince: input.disabilitySince ?? null,
        disabilityUntil: null,
        hasLimitedHealthCapabilities: input.hasLimitedHealthCapabilities ?? false,
        isAtRisk: input.isAtRisk ?? false,
      });
      em.create(FamilyMember, {
        id: randomUUID(),
        family,
        person,
        relation: input.relation,
        isLegalRepresentative: input.isLegalRepresentative ?? false,
      });
      ctx.audit.recordWrite(em, 'registerPerson', [person.id]);
      return person;
    });
  }
}
