import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';
import { SignalSource } from '../signal/signal.entity';
import { ContactMethod, SupportStage } from './stages';

registerEnumType(SupportStage, {
  name: 'SupportStage',
  description:
    'Stage of a support case (seed 003 ch. 7, seed 001 §3.3, seed 000 §3); DECLINED/STOPPED: the citizen refused (support is voluntary).',
  valuesConfig: {
    IDENTIFIED: {
      description:
        'A signal opened the case; after an IPRA extract or an appeal of another organization the citizen is contacted within 5 working days (seed 003 §16).',
    },
    CONTACTED: { description: 'The citizen was reached by phone, home visit or letter (seed 003 §16–18).' },
    NEEDS_ASSESSED: { description: "The family's needs are assessed; a programme is proposed (seed 004 §3.2.7)." },
    PROGRAMME_AGREED: {
      description: 'The citizen agreed the programme; an IPPSU is carried out within 15 working days of its approval (seed 004 §3.2.8).',
    },
    IN_IMPLEMENTATION: { description: "The programme's measures are under way." },
    CONCLUDED: { description: 'Closed with the conclusion on the execution of the programme (seed 000 §3).' },
    DECLINED: { description: 'The citizen refused support before a programme was agreed (support is voluntary, seed 001 §1.5).' },
    STOPPED: { description: 'The citizen stopped support during the programme (seed 001 §1.5).' },
  },
});
registerEnumType(ContactMethod, {
  name: 'ContactMethod',
  description: 'How the citizen was reached: phone (seed 003 §16), home visit (§17) or letter by post (§18).',
  valuesConfig: {
    PHONE: { description: 'By phone (seed 003 §16).' },
    HOME_VISIT: { description: 'By a home visit, when the phone failed (seed 003 §17).' },
    POST: { description: 'By a letter by post, when neither reached the citizen (seed 003 §18).' },
  },
});

/**
 * Social support of a family or a person from the first signal to the conclusion (seed 003 §15–§33,
 * seed 001 §3.3, seed 000 §3). Stage dates are plain dates at the place of service: the working-day
 * deadlines of seed 003 §16 and seed 004 §3.2 count from them.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Social support of a family or person, stage by stage, with its working-day deadline.' })
@Entity({ tableName: 'support_case' })
@Index({ properties: ['operatorOrganizationId', 'stage'] })
export class SupportCase {
  @Field(() => ID, { description: 'Hub id of the support case.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID, { nullable: true, description: 'The family supported, when the person belongs to one.' })
  @Property({ type: 'uuid', nullable: true, index: true })
  familyId!: string | null;

  @Field(() => ID, { description: 'The person the signal was about.' })
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => SupportStage, { description: 'The stage the case is in (seed 003 ch. 7).' })
  @Enum({ items: () => SupportStage, nativeEnumName: 'support_stage' })
  stage!: SupportStage;

  @Field(() => ID, { nullable: true, description: "Operator organization running the case (the family's operator, seed 003 §4.2)." })
  @Property({ type: 'uuid', nullable: true })
  operatorOrganizationId!: string | null;

  @Field(() => String, { nullable: true, description: 'OKTMO of the family territory: picks the regional production calendar.' })
  @Property({ type: 'string', length: 11, nullable: true, index: true })
  territoryOktmo!: string | null;

  @Field(() => String, { nullable: true, description: 'Subject id of the coordinator appointed for the case (seed 001 §3.3(3)).' })
  @Property({ type: 'text', nullable: true })
  coordinatorSubject!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Post of the coordinator (a named post, never a private person), e.g. "куратор участка 3".',
  })
  @Property({ type: 'text', nullable: true })
  coordinatorPost!: string | null;

  @Field(() => LocalDate, { description: 'Day the signal was received and the case opened.' })
  @Property({ type: 'date' })
  openedOn!: string;

  @Field(() => LocalDate, { description: 'Day the case entered its current stage; stage deadlines count from it.' })
  @Property({ type: 'date' })
  stageEnteredOn!: string;

  @Field(() => LocalDate, {
    nullable: true,
    description: "Day of the citizen's appeal: the programme proposal term counts from it (seed 004 §3.2.7).",
  })
  @Property({ type: 'date', nullable: true })
  appealedOn!: string | null;

  @Field(() => ID, { nullable: true, description: 'The signal that opened the case.' })
  @Property({ type: 'uuid', nullable: true })
  signalId!: string | null;

  // The source of the opening signal, kept on the case so that every deadline is computed from the case row alone
  // (identificationTerm, seed 003 §16). In the schema as `signal { source }`.
  @Enum({ items: () => SignalSource, nativeEnumName: 'signal_source', nullable: true })
  openingSource: SignalSource | null = null;

  // Approval day of the IPPSU the case carries out, copied from its programme (Programme.approvedOn) for the same
  // reason: the start term counts from it (seed 004 §3.2.8). Null for an IPSS. In the schema as `programmes { approvedOn }`.
  @Property({ type: 'date', nullable: true })
  serviceProgrammeApprovedOn: string | null = null;

  @Field(() => String, { nullable: true, description: 'Conclusion on the execution of the programme (seed 000 §3).' })
  @Property({ type: 'text', nullable: true })
  conclusion!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Day the case was concluded, declined or stopped; null while open.' })
  @Property({ type: 'date', nullable: true })
  closedOn!: string | null;
}

/** One move of a case between stages: who, when, why, and how the citizen was reached. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A recorded stage transition of a support case.' })
@Entity({ tableName: 'stage_transition' })
export class StageTransition {
  @Field(() => ID, { description: 'Hub id of the transition record.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid', index: true })
  caseId!: string;

  // Denormalized so a route loads transitions of all its persons in one statement; not in the schema (the case has the person).
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => SupportStage, { nullable: true, description: 'Null for the opening of the case.' })
  @Enum({ items: () => SupportStage, nativeEnumName: 'support_stage', nullable: true })
  fromStage!: SupportStage | null;

  @Field(() => SupportStage, { description: 'The stage the case entered.' })
  @Enum({ items: () => SupportStage, nativeEnumName: 'support_stage' })
  toStage!: SupportStage;

  @Field({ description: 'Subject id of who made the move.' })
  @Property({ type: 'text' })
  bySubject!: string;

  @Field({ description: 'Role of who made the move (COORDINATOR, or SYSTEM for a case opened by a signal).' })
  @Property({ type: 'string', length: 32 })
  byRole!: string;

  @Field(() => LocalDate, { description: 'The day the move happened (as recorded by the coordinator).' })
  @Property({ type: 'date' })
  on!: string;

  @Field({ description: 'When the move was recorded.' })
  @Property({ type: 'timestamptz' })
  recordedAt: Date = new Date();

  @Field(() => String, { nullable: true, description: 'Why: needed to decline, stop or go back a stage.' })
  @Property({ type: 'text', nullable: true })
  reason!: string | null;

  @Field(() => ContactMethod, { nullable: true, description: 'How the citizen was reached, for a move to CONTACTED (seed 003 §16–18).' })
  @Enum({ items: () => ContactMethod, nativeEnumName: 'contact_method', nullable: true })
  contactMethod!: ContactMethod | null;
}
