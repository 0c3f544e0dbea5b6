import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';
import { Person } from '../person/person.entity';

/**
 * A written consent to processing and exchange of personal data (152-FZ; seed 004 annex 5 §3.3.1),
 * given by the person or their legal representative, for named agencies. Support is voluntary
 * (seed 001 §1.5, seed 002 §2.4): a consent can be revoked, and takes effect on the next request.
 */
@ObjectType({ description: 'Consent to exchange of a person’s data with named agencies.' })
@Entity({ tableName: 'consent' })
export class Consent {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Person, { fieldName: 'person_id', index: true })
  person!: Person;

  @Field(() => [String], { description: 'Agency codes the consent covers.' })
  @Property({ type: 'text[]' })
  agencies!: string[];

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  givenOn!: string;

  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  expiresOn!: string | null;

  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  revokedOn!: string | null;

  @Field(() => ID, { nullable: true, description: 'Legal representative who signed for the person, if any.' })
  @Property({ type: 'uuid', nullable: true })
  signedByPersonId!: string | null;
}

/** Active on a day: given, not yet expired, not revoked. */
export function isConsentActive(consent: Pick<Consent, 'givenOn' | 'expiresOn' | 'revokedOn'>, day: string): boolean {
  return consent.givenOn <= day && (!consent.expiresOn || consent.expiresOn >= day) && (!consent.revokedOn || consent.revokedOn > day);
}
