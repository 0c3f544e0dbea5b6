import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/scalars';

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

  @Field({ description: 'SNILS, 11 digits (checksum validated).' })
  @Property({ type: 'string', length: 11, unique: true })
  snils!: string;

  @Field()
  @Property({ type: 'text' })
  lastName!: string;

  @Field()
  @Property({ type: 'text' })
  firstName!: string;

  @Field(() => String, { nullable: true, description: 'Patronymic, when the person has one.' })
  @Property({ type: 'text', nullable: true })
  patronymic!: string | null;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  birthDate!: string;

  @Field(() => Sex)
  @Enum({ items: () => Sex, nativeEnumName: 'sex' })
  sex!: Sex;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  email!: string | null;

  @Field(() => ContactPreference, { nullable: true })
  @Enum({ items: () => ContactPreference, nativeEnumName: 'contact_preference', nullable: true })
  contactPreference!: ContactPreference | null;

  @Field(() => DisabilityGroup, { nullable: true })
  @Enum({ items: () => DisabilityGroup, nativeEnumName: 'disability_group', nullable: true })
  disabilityGroup!: DisabilityGroup | null;

  @Field(() => LocalDate, { nullable: true, description: 'Date the disability was established.' })
  @Property({ type: 'date', nullable: true })
  disabilitySince!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Re-examination date; null when established indefinitely.' })
  @Property({ type: 'date', nullable: true })
  disabilityUntil!: string | null;

  @Field({ description: 'Child has the status of limited health capabilities (OVZ), with or without a disability.' })
  @Property({ type: 'boolean', default: false })
  hasLimitedHealthCapabilities: boolean = false;

  @Field({ description: 'Child 0–3 at risk of developmental delay (seed 003 §8.2–8.3).' })
  @Property({ type: 'boolean', default: false })
  isAtRisk: boolean = false;
}
