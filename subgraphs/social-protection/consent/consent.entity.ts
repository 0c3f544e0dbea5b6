import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';
import { Person } from '../person/person.entity';
import { ConsentSignatory } from './consent.rules';

registerEnumType(ConsentSignatory, {
  name: 'ConsentSignatory',
  description: 'Who signed a consent: the person, or their legal representative (152-FZ art. 9 §1, §6).',
  valuesConfig: {
    PERSON: { description: 'The person themself, an adult with legal capacity (152-FZ art. 9 §1).' },
    PARENT: { description: 'A parent of the minor child, as legal representative (Family Code art. 64 §1).' },
    GUARDIAN: {
      description: 'A guardian or trustee of a minor, or the guardian of an adult recognized incapable (Civil Code art. 31–33).',
    },
  },
});

/**
 * A written consent to processing and exchange of personal data (152-FZ; seed 004 annex 5 §3.3.1),
 * given by the person or their legal representative, for named agencies. Support is voluntary
 * (seed 001 §1.5, seed 002 §2.4): a consent can be revoked, and takes effect on the next request.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Consent to exchange of a person’s data with named agencies.' })
@Entity({ tableName: 'consent' })
export class Consent {
  @Field(() => ID, { description: 'Hub id of the consent.' })
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Person, { fieldName: 'person_id', index: true })
  person!: Person;

  @Field(() => [String], { description: 'Agency codes the consent covers.' })
  @Property({ type: 'text[]' })
  agencies!: string[];

  @Field(() => LocalDate, { description: 'Day the consent was signed; it covers requests from that day on.' })
  @Property({ type: 'date' })
  givenOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last day the consent covers; null when given without a term.' })
  @Property({ type: 'date', nullable: true })
  expiresOn!: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Day the consent was revoked (it no longer covers requests from that day); null while not revoked (seed 001 §1.5).',
  })
  @Property({ type: 'date', nullable: true })
  revokedOn!: string | null;

  @Field(() => ID, { nullable: true, description: 'Legal representative who signed for the person; null when the person signed.' })
  @Property({ type: 'uuid', nullable: true })
  signedByPersonId!: string | null;

  @Field(() => ConsentSignatory, {
    description: 'Who signed: the person, or a parent or guardian recorded as their legal representative (checked when recorded).',
  })
  @Enum({ items: () => ConsentSignatory, nativeEnumName: 'consent_signatory', default: ConsentSignatory.PERSON })
  signedAs: Opt<ConsentSignatory> = ConsentSignatory.PERSON;

  /** A client's retry key (issue 20): a retry with the same key answers this record. */
  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey?: string | null = null;
}

/** Active on a day: given, not yet expired, not revoked. */
export function isConsentActive(consent: Pick<Consent, 'givenOn' | 'expiresOn' | 'revokedOn'>, day: string): boolean {
  return consent.givenOn <= day && (!consent.expiresOn || consent.expiresOn >= day) && (!consent.revokedOn || consent.revokedOn > day);
}
