import { Field, InputType } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { LocalDate } from '../../kit/platform/scalars';
import { FamilyMember, FamilyRelation, type Family } from '../family/family.entity';
import { ContactPreference, DisabilityGroup, Person, Sex } from '../person/person.entity';
import { assertName } from './register.rules';

/**
 * What the hub records about a person joining a family, whichever way they arrive (registerPerson, or
 * registerPersonFromSignal from the intake queue): one list of fields, so the two registrations cannot drift apart.
 * type-graphql copies these fields into each input that extends it; no field takes this type itself.
 */
@InputType({ description: 'What the hub records about a person joining a family.' })
export abstract class PersonDetailsInput {
  @Field(() => FamilyRelation, { description: "The person's relation within the family." })
  relation!: FamilyRelation;

  @Field(() => Boolean, { nullable: true, description: 'Legal representative of the children or of an incapable adult; false by default.' })
  isLegalRepresentative?: boolean | null;

  @Field({ description: 'SNILS, 11 digits, separators allowed; checksum validated (INVALID_SNILS).' })
  snils!: string;

  @Field({ description: 'Last name.' })
  lastName!: string;

  @Field({ description: 'First name.' })
  firstName!: string;

  @Field(() => String, { nullable: true, description: 'Patronymic; leave out when the person has none.' })
  patronymic?: string | null;

  @Field(() => LocalDate, { description: 'Day of birth, in the past.' })
  bornOn!: string;

  @Field(() => Sex, { description: 'Sex.' })
  sex!: Sex;

  @Field(() => String, { nullable: true, description: 'Phone.' })
  phone?: string | null;

  @Field(() => ContactPreference, { nullable: true, description: 'How the person prefers to be reached.' })
  contactPreference?: ContactPreference | null;

  @Field(() => DisabilityGroup, { nullable: true, description: 'Disability group established by MSE; leave out without a disability.' })
  disabilityGroup?: DisabilityGroup | null;

  @Field(() => LocalDate, { nullable: true, description: 'Day MSE established the disability.' })
  disabilityEstablishedOn?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Child has the status of limited health capabilities (OVZ); false by default.' })
  hasLimitedHealthCapabilities?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Child 0–3 at risk of developmental delay (seed 003 §8.2–8.3); false by default.' })
  isAtRisk?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Adult recognized incapable by a court (Civil Code art. 29); false by default. The guardian then consents for them.',
  })
  isLegallyIncapable?: boolean | null;
}

/**
 * The person and their membership, created in the caller's unit of work. The SNILS is already normalized and the
 * birth day checked by the caller (both refuse before anything is looked up).
 */
export function addPersonToFamily(
  em: EntityManager,
  family: Family,
  input: PersonDetailsInput,
  snils: string,
  idempotencyKey: string | null,
): Person {
  const person = em.create(Person, {
    id: randomUUID(),
    snils,
    lastName: assertName(input.lastName, 'lastName'),
    firstName: assertName(input.firstName, 'firstName'),
    patronymic: input.patronymic?.trim() || null,
    birthDate: input.bornOn,
    sex: input.sex,
    phone: input.phone?.trim() || null,
    email: null,
    contactPreference: input.contactPreference ?? null,
    disabilityGroup: input.disabilityGroup ?? null,
    disabilitySince: input.disabilityEstablishedOn ?? null,
    disabilityUntil: null,
    hasLimitedHealthCapabilities: input.hasLimitedHealthCapabilities ?? false,
    isAtRisk: input.isAtRisk ?? false,
    isLegallyIncapable: input.isLegallyIncapable ?? false,
    idempotencyKey,
  });
  em.create(FamilyMember, {
    id: randomUUID(),
    family,
    person,
    relation: input.relation,
    isLegalRepresentative: input.isLegalRepresentative ?? false,
  });
  return person;
}
