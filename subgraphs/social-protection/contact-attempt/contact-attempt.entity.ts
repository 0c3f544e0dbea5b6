import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';
import { ContactMethod } from '../support-case/stages';

/** What came of one attempt to reach the citizen (seed 003 §16–18). */
export enum ContactOutcome {
  REACHED = 'REACHED',
  NOT_REACHED = 'NOT_REACHED',
  CANNOT_COME = 'CANNOT_COME',
  REFUSED = 'REFUSED',
  SENT = 'SENT',
}
registerEnumType(ContactOutcome, {
  name: 'ContactOutcome',
  description: 'What came of an attempt to reach the citizen: by phone (seed 003 §16), a home visit (§17) or a letter (§18).',
  valuesConfig: {
    REACHED: { description: 'The citizen was notified of the support and a meeting agreed (seed 003 §16.2–3).' },
    NOT_REACHED: { description: 'Nobody answered, the number was wrong, or nobody was at home: try the next way (seed 003 §17–18).' },
    CANNOT_COME: { description: 'Reached by phone, but the citizen cannot come for health reasons: a home visit follows (seed 003 §17).' },
    REFUSED: { description: 'The citizen refused support; support is voluntary (seed 001 §1.5).' },
    SENT: { description: 'The notification letter was posted (seed 003 §18); its answer is not known yet.' },
  },
});

/**
 * One attempt to reach the citizen of a support case, successful or not (seed 003 §16–18): phone first, a home
 * visit when the phone fails or the citizen cannot come, a letter by post when neither reached them. The failed
 * attempts are the record that the operator did its part within the 5-working-day term.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'An attempt to reach the citizen of a support case: phone, home visit or letter (seed 003 §16–18).' })
@Entity({ tableName: 'contact_attempt' })
export class ContactAttempt {
  @Field(() => ID, { description: 'Hub id of the contact attempt.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid', index: true })
  supportCaseId!: string;

  // Denormalized so a person's route loads the attempts of all its persons in one statement.
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => LocalDate, { description: 'Day of the attempt (the call, the visit, or the posting of the letter).' })
  @Property({ type: 'date' })
  attemptedOn!: string;

  @Field(() => ContactMethod, { description: 'How the coordinator tried to reach the citizen (seed 003 §16–18).' })
  @Enum({ items: () => ContactMethod, nativeEnumName: 'contact_method' })
  method!: ContactMethod;

  @Field(() => ContactOutcome, { description: 'What came of it.' })
  @Enum({ items: () => ContactOutcome, nativeEnumName: 'contact_outcome' })
  outcome!: ContactOutcome;

  @Field(() => String, {
    nullable: true,
    description: 'What happened, in Russian (the number called, who opened the door…); null when none.',
  })
  @Property({ type: 'text', nullable: true })
  note!: string | null;

  @Field({ description: 'Subject id of the coordinator who recorded the attempt.' })
  @Property({ type: 'text' })
  recordedBy!: string;

  @Field({ description: 'When the attempt was recorded.' })
  @Property({ type: 'timestamptz' })
  recordedAt: Date = new Date();

  /** A client's retry key (issue 20): a retry with the same key answers this record. */
  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey?: string | null = null;
}
