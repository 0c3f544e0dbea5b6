import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/scalars';
import { PersonalData } from './person.policy';

export enum Sex {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
}
registerEnumType(Sex, { name: 'Sex' });

/** Disability groups as MSE establishes them; children get "disabled child" without a group. */
export enum DisabilityGroup {
  I = 'I',
  II = 'II',
  III = 'III',
  DISABLED_CHILD = 'DISABLED_CHILD',
}
registerEnumType(DisabilityGroup, { name: 'DisabilityGroup', description: 'Disability group I, II, III or "disabled child".' });

/** How the person prefers to be reached (seed 003 §16–18: phone, home visit, letter by post). */
export enum ContactPreference {
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  HOME_VISIT = 'HOME_VISIT',
  POST = 'POST',
}
registerEnumType(ContactPreference, { name: 'ContactPreference' });

/**
 * A person known to social protection: the owner of the hub-wide person identity.
 * Other agencies reach the same person by `id` or by SNILS, the cross-agency identifier.
 */
@Directive('@key(fields: "id")')
@Directive('@key(fields: "snils")')
@ObjectType({ description: 'A person in the regional register of social protection.' })
@Entity({ tableName: 'person' })
export class Person {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @PersonalData('IDENTITY')
  @Field({ description: 'SNILS, 11 digits (checksum validated).' })
  @Property({ type: 'string', length: 11, unique: true })
  snils!: string;

  @PersonalData('IDENTITY')
  @Field()
  @Property({ type: 'text' })
  lastName!: string;

  @PersonalData('IDENTITY')
  @Field()
  @Property({ type: 'text' })
  firstName!: string;

  @PersonalData('IDENTITY')
  @Field(() => String, { nullable: true, description: 'Patronymic, when the person has one.' })
  @Property({ type: 'text', nullable: true })
  patronymic!: string | null;

  @PersonalData('IDENTITY')
  @Field(() => LocalDate)
  @Property({ type: 'date' })
  birthDate!: string;

  @PersonalData('SENSITIVE')
  @Field(() => Sex)
  @Enum({ items: () => Sex, nativeEnumName: 'sex' })
  sex!: Sex;

  @PersonalData('SENSITIVE')
  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  phone!: string | null;

  @PersonalData('SENSITIVE')
  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  email!: string | null;

  @PersonalData('SENSITIVE')
  @Field(() => ContactPreference, { nullable: true })
  @Enum({ items: () => ContactPreference, nativeEnumName: 'contact_preference', nullable: true })
  contactPreference!: ContactPreference | null;

  @PersonalData('SENSITIVE')
  @Field(() => DisabilityGroup, { nullable: true })
  @Enum({ items: () => DisabilityGroup, nativeEnumName: 'disability_group', nullable: true })
  disabilityGroup!: DisabilityGroup | null;

  @PersonalData('SENSITIVE')
  @Field(() => LocalDate, { nullable: true, description: 'Date the disability was established.' })
  @Property({ type: 'date', nullable: true })
  disabilitySince!: string | null;

  @PersonalData('SENSITIVE')
  @Field(() => LocalDate, { nullable: true, description: 'Re-examination date; null when established indefinitely.' })
  @Property({ type: 'date', nullable: true })
  disabilityUntil!: string | null;

  @PersonalData('SENSITIVE')
  @Field({ description: 'Child has the status of limited health capabilities (OVZ), with or without a disability.' })
  @Property({ type: 'boolean', default: false })
  hasLimitedHealthCapabilities: boolean = false;

  @PersonalData('SENSITIVE')
  @Field({ description: 'Child 0–3 at risk of developmental delay (seed 003 §8.2–8.3).' })
  @Property({ type: 'boolean', default: false })
  isAtRisk: boolean = false;
}
