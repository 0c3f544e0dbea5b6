import { Entity, Enum, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { refusable } from '../../kit/policy/agency-access';
import { LocalDate } from '../../kit/platform/scalars';
import { PersonalData } from './person.policy';

export enum Sex {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
}
registerEnumType(Sex, {
  name: 'Sex',
  description: 'Sex as recorded in the identity documents.',
  valuesConfig: { FEMALE: { description: 'Female.' }, MALE: { description: 'Male.' } },
});

/** Disability groups as MSE establishes them; children get "disabled child" without a group. */
export enum DisabilityGroup {
  I = 'I',
  II = 'II',
  III = 'III',
  DISABLED_CHILD = 'DISABLED_CHILD',
}
registerEnumType(DisabilityGroup, {
  name: 'DisabilityGroup',
  description: 'Disability group as MSE establishes it: I, II, III for adults, "disabled child" under 18 (no group).',
  valuesConfig: {
    I: { description: 'Group I, the most severe limitation of life activity.' },
    II: { description: 'Group II.' },
    III: { description: 'Group III, the least severe limitation.' },
    DISABLED_CHILD: { description: 'A disabled child under 18: established without a group.' },
  },
});

/** How the person prefers to be reached (seed 003 §16–18: phone, home visit, letter by post). */
export enum ContactPreference {
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  HOME_VISIT = 'HOME_VISIT',
  POST = 'POST',
}
registerEnumType(ContactPreference, {
  name: 'ContactPreference',
  description: 'How the person prefers to be reached (seed 003 §16–18).',
  valuesConfig: {
    PHONE: { description: 'By phone (seed 003 §16).' },
    EMAIL: { description: 'By e-mail.' },
    HOME_VISIT: { description: 'By a home visit of a specialist (seed 003 §17).' },
    POST: { description: 'By a letter by post (seed 003 §18).' },
  },
});

/**
 * A person known to social protection: the owner of the hub-wide person identity.
 * Other agencies reach the same person by `id` or by SNILS, the cross-agency identifier.
 * Every personal field is nullable: a caller who may see the name but not the sensitive data (an agency's
 * specialist, seed 002 §2.4) loses only the refused fields, never the person (issue 12 §6).
 */
@Directive('@key(fields: "id")')
@Directive('@key(fields: "snils")')
@ObjectType({ description: 'A person in the regional register of social protection.' })
@Entity({ tableName: 'person' })
export class Person {
  @Field(() => ID, { description: 'Hub id of the person, the same in every agency.' })
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @PersonalData('IDENTITY')
  @Field(() => String, { nullable: true, description: refusable('SNILS, 11 digits (checksum validated).') })
  @Property({ type: 'string', length: 11, unique: true })
  snils!: string;

  @PersonalData('IDENTITY')
  @Field(() => String, { nullable: true, description: refusable('Last name.') })
  @Property({ type: 'text' })
  lastName!: string;

  @PersonalData('IDENTITY')
  @Field(() => String, { nullable: true, description: refusable('First name.') })
  @Property({ type: 'text' })
  firstName!: string;

  @PersonalData('IDENTITY')
  @Field(() => String, { nullable: true, description: refusable('Patronymic; null when the person has none.') })
  @Property({ type: 'text', nullable: true })
  patronymic!: string | null;

  @PersonalData('IDENTITY')
  @Field(() => LocalDate, { name: 'bornOn', nullable: true, description: refusable('Day of birth.') })
  @Property({ type: 'date' })
  birthDate!: string;

  @PersonalData('SENSITIVE')
  @Field(() => Sex, { nullable: true, description: refusable('Sex.') })
  @Enum({ items: () => Sex, nativeEnumName: 'sex' })
  sex!: Sex;

  @PersonalData('SENSITIVE')
  @Field(() => String, { nullable: true, description: refusable('Phone; null when unknown.') })
  @Property({ type: 'text', nullable: true })
  phone!: string | null;

  @PersonalData('SENSITIVE')
  @Field(() => String, { nullable: true, description: refusable('E-mail; null when unknown.') })
  @Property({ type: 'text', nullable: true })
  email!: string | null;

  @PersonalData('SENSITIVE')
  @Field(() => ContactPreference, { nullable: true, description: refusable('How the person prefers to be reached; null when not stated.') })
  @Enum({ items: () => ContactPreference, nativeEnumName: 'contact_preference', nullable: true })
  contactPreference!: ContactPreference | null;

  @PersonalData('SENSITIVE')
  @Field(() => DisabilityGroup, { nullable: true, description: refusable('Disability group; null without an established disability.') })
  @Enum({ items: () => DisabilityGroup, nativeEnumName: 'disability_group', nullable: true })
  disabilityGroup!: DisabilityGroup | null;

  // GraphQL: Person.disabilityPeriod (person.resolver.ts), one Period with disabilityUntil.
  @Property({ type: 'date', nullable: true })
  disabilitySince!: string | null;

  @Property({ type: 'date', nullable: true })
  disabilityUntil!: string | null;

  @PersonalData('SENSITIVE')
  @Field(() => Boolean, {
    nullable: true,
    description: refusable('Child has the status of limited health capabilities (OVZ), with or without a disability.'),
  })
  @Property({ type: 'boolean', default: false })
  hasLimitedHealthCapabilities: boolean = false;

  @PersonalData('SENSITIVE')
  @Field(() => Boolean, { nullable: true, description: refusable('Child 0–3 at risk of developmental delay (seed 003 §8.2–8.3).') })
  @Property({ type: 'boolean', default: false })
  isAtRisk: boolean = false;

  /**
   * Recognized incapable by a court (Civil Code art. 29): the guardian, recorded as the family's GUARDIAN and legal
   * representative, acts and consents for the person (152-FZ art. 9 §6; issue 15 §5.6).
   */
  @PersonalData('SENSITIVE')
  @Field(() => Boolean, {
    nullable: true,
    description: refusable('Adult recognized incapable by a court (Civil Code art. 29): the guardian consents for the person.'),
  })
  @Property({ type: 'boolean', default: false })
  isLegallyIncapable: Opt<boolean> = false;

  /** A client's retry key (issue 20): a retry with the same key answers this record. */
  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey?: string | null = null;
}
