import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';

/** The four sources of identification (seed 003 §15) plus the helpline (seed 004 §1.12, annex 4). */
export enum SignalSource {
  IPRA_EXTRACT = 'IPRA_EXTRACT',
  ORGANIZATION_APPEAL = 'ORGANIZATION_APPEAL',
  PERSONAL_APPEAL = 'PERSONAL_APPEAL',
  HEALTH_INSTITUTION = 'HEALTH_INSTITUTION',
  HELPLINE = 'HELPLINE',
}
registerEnumType(SignalSource, {
  name: 'SignalSource',
  description:
    'IPRA extract from MSE, appeal of another organization, personal appeal, health institution (seed 003 §15), or a helpline call (seed 004 annex 4).',
  valuesConfig: {
    IPRA_EXTRACT: { description: 'An extract of an IPRA sent by the MSE bureau (seed 003 §15).' },
    ORGANIZATION_APPEAL: { description: 'An appeal of another organization: a school, a kindergarten, a social service (seed 003 §15).' },
    PERSONAL_APPEAL: {
      description:
        'The citizen or a family member appealed in person: no contact term; the reception (3 working days, seed 004 §3.2.3) and the proposal (seed 004 §3.2.7) count from the appeal.',
    },
    HEALTH_INSTITUTION: { description: 'A health institution reported a child at risk or a disability (seed 003 §15).' },
    HELPLINE: { description: 'A call to the helpline, recorded in its journal (seed 004 annex 4); the seeds set it no term.' },
  },
});

/**
 * Why a signal left the intake queue without a person (seed 003 §15, seed 004 annex 4): the coordinator records the
 * reason, so nothing that arrived disappears without a trace.
 */
export enum SignalCloseReason {
  DUPLICATE = 'DUPLICATE',
  NOT_TARGET_CATEGORY = 'NOT_TARGET_CATEGORY',
  CONSULTATION_GIVEN = 'CONSULTATION_GIVEN',
  NOT_IDENTIFIABLE = 'NOT_IDENTIFIABLE',
  OTHER_TERRITORY = 'OTHER_TERRITORY',
  CITIZEN_REFUSED = 'CITIZEN_REFUSED',
  OTHER = 'OTHER',
}
registerEnumType(SignalCloseReason, {
  name: 'SignalCloseReason',
  description: 'Why a coordinator closed a signal of the intake queue without matching it to a person.',
  valuesConfig: {
    DUPLICATE: { description: 'The same matter already arrived in another signal.' },
    NOT_TARGET_CATEGORY: { description: 'The person is outside the target category of the model (seed 003 §3).' },
    CONSULTATION_GIVEN: { description: 'The caller needed information only, and got it (seed 004 annex 4 §3.4).' },
    NOT_IDENTIFIABLE: { description: 'An anonymous appeal that names nobody who could be contacted (seed 004 §1.12, annex 4 §1.3).' },
    OTHER_TERRITORY: { description: 'The person lives on the territory of another operator organization (seed 003 §20), passed on to it.' },
    CITIZEN_REFUSED: { description: 'The citizen refused support: support is voluntary (seed 001 §1.5).' },
    OTHER: { description: 'Another reason, stated in the comment (required then).' },
  },
});

/** Where a signal stands in the intake (seed 003 §15): waiting for a coordinator, matched to a person's case, or closed. */
export enum SignalIntakeStatus {
  WAITING = 'WAITING',
  MATCHED = 'MATCHED',
  CLOSED = 'CLOSED',
}
registerEnumType(SignalIntakeStatus, {
  name: 'SignalIntakeStatus',
  description: 'Where a signal stands in the intake queue (seed 003 §15).',
  valuesConfig: {
    WAITING: { description: 'In the intake queue: no support case yet (no person matched, or the person is in no family).' },
    MATCHED: { description: "Matched to a person: it opened or joined the person's support case." },
    CLOSED: { description: 'Closed by a coordinator with a reason, without a support case.' },
  },
});

/**
 * A signal that a person of the target category may need support: the start of identification
 * (seed 003 §15). Partners retry; the unique (submittedBy, idempotencyKey) makes a retry return the
 * first signal instead of a second one. Helpline calls carry the call journal columns of seed 004 annex 4.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A signal about a person who may need support (seed 003 §15).' })
@Entity({ tableName: 'signal' })
@Unique({ properties: ['submittedBy', 'idempotencyKey'] })
export class Signal {
  @Field(() => ID, { description: 'Hub id of the signal.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field({ description: 'Client-supplied key; a retry with the same key returns this signal.' })
  @Property({ type: 'text' })
  idempotencyKey!: string;

  @Field({ description: 'Subject id of the partner service or coordinator that submitted it.' })
  @Property({ type: 'text' })
  submittedBy!: string;

  @Field(() => SignalSource, { description: 'Where the signal came from (seed 003 §15).' })
  @Enum({ items: () => SignalSource, nativeEnumName: 'signal_source' })
  source!: SignalSource;

  @Field(() => ID, { nullable: true, description: 'The hub person, when known by id or SNILS; null while unassigned.' })
  @Property({ type: 'uuid', nullable: true, index: true })
  personId!: string | null;

  @Field(() => String, { nullable: true, description: 'SNILS as given (normalized to 11 digits).' })
  @Property({ type: 'string', length: 11, nullable: true })
  personSnils!: string | null;

  @Field(() => LocalDate, {
    description:
      'Day the signal reached the operator organization; after an IPRA extract or an appeal of another organization the 5-working-day contact term counts from it (seed 003 §16).',
  })
  @Property({ type: 'date' })
  receivedOn!: string;

  @Field({ description: 'What the signal says, in Russian as the submitter wrote it.' })
  @Property({ type: 'text' })
  summary!: string;

  @Field(() => ID, { nullable: true, description: 'Organization that sent the signal (MSE bureau, clinic, school…).' })
  @Property({ type: 'uuid', nullable: true })
  submittingOrganizationId!: string | null;

  @Field(() => String, { nullable: true, description: 'Number of the IPRA the extract is from.' })
  @Property({ type: 'text', nullable: true })
  ipraNumber!: string | null;

  @Field({ description: 'An anonymous call: the caller name stays blank (seed 004 annex 4 §3.6).' })
  @Property({ type: 'boolean', default: false })
  callerAnonymous: boolean = false;

  // ---- helpline call journal, seed 004 annex 4 §3.5 ----
  @Field(() => String, { nullable: true, description: 'Helpline: serial number of the call in the journal.' })
  @Property({ type: 'text', nullable: true })
  callNumber!: string | null;

  @Field(() => Date, { nullable: true, description: 'Helpline: date and time the call came in.' })
  @Property({ type: 'timestamptz', nullable: true })
  calledAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Helpline: caller full name; blank when anonymous.' })
  @Property({ type: 'text', nullable: true })
  callerName!: string | null;

  @Field(() => String, { nullable: true, description: 'Helpline: category of the caller.' })
  @Property({ type: 'text', nullable: true })
  callerCategory!: string | null;

  @Field(() => Int, { nullable: true, description: 'Helpline: year of birth of the caller.' })
  @Property({ type: 'smallint', nullable: true })
  callerBirthYear!: number | null;

  @Field(() => String, { nullable: true, description: 'Helpline: result of the call.' })
  @Property({ type: 'text', nullable: true })
  result!: string | null;

  @Field(() => String, { nullable: true, description: 'Helpline: service code.' })
  @Property({ type: 'text', nullable: true })
  serviceCode!: string | null;

  @Field(() => ID, { nullable: true, description: 'The support case the signal opened or joined.' })
  @Property({ type: 'uuid', nullable: true })
  supportCaseId!: string | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  // ---- intake (issue 15 §2): where the signal waits, and how it left the queue ----
  @Field(() => String, {
    nullable: true,
    description:
      "OKTMO of the territory the signal concerns (the family's, the coordinator's, or as the partner gave it); null when unknown.",
  })
  @Property({ type: 'string', length: 11, nullable: true, index: true })
  territoryOktmo!: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "The operator organization whose intake queue holds the signal (seed 003 §20); null while unrouted (the queues of its territory's operators show it; of every operator when it has no territory).",
  })
  @Property({ type: 'uuid', nullable: true, index: true })
  operatorOrganizationId!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Day a coordinator closed the signal without a person; null unless closed.' })
  @Property({ type: 'date', nullable: true })
  closedOn!: string | null;

  @Field(() => SignalCloseReason, { nullable: true, description: 'Why the signal was closed; null unless closed.' })
  @Enum({ items: () => SignalCloseReason, nativeEnumName: 'signal_close_reason', nullable: true })
  closeReason!: SignalCloseReason | null;

  @Field(() => String, { nullable: true, description: "The coordinator's comment on closing, in Russian; required for OTHER." })
  @Property({ type: 'text', nullable: true })
  closeComment!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Subject id of the coordinator who matched or closed the signal; null while waiting or when matched on arrival.',
  })
  @Property({ type: 'text', nullable: true })
  handledBy!: string | null;
}
