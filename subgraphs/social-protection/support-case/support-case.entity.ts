import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';
import { ContactMethod, SupportStage } from './stages';

registerEnumType(SupportStage, {
  name: 'SupportStage',
  description:
    'Stage of a support case (seed 003 ch. 7, seed 001 §3.3, seed 000 §3); DECLINED/STOPPED: the citizen refused (support is voluntary).',
});
registerEnumType(ContactMethod, {
  name: 'ContactMethod',
  description: 'How the citizen was reached: phone (seed 003 §16), home visit (§17) or letter by post (§18).',
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
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID, { nullable: true, description: 'The family supported, when the person belongs to one.' })
  @Property({ type: 'uuid', nullable: true, index: true })
  familyId!: string | null;

  @Field(() => ID, { description: 'The person the signal was about.' })
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => SupportStage)
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

  @Field(() => String, { nullable: true, description: 'Conclusion on the execution of the programme (seed 000 §3).' })
  @Property({ type: 'text', nullable: true })
  conclusion!: string | null;

  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  closedOn!: string | null;
}

/** One move of a case between stages: who, when, why, and how the citizen was reached. */
@ObjectType({ description: 'A recorded stage transition of a support case.' })
@Entity({ tableName: 'stage_transition' })
export class StageTransition {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid', index: true })
  caseId!: string;

  @Field(() => ID, { description: 'Denormalized so a route loads transitions of all its persons in one statement.' })
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => SupportStage, { nullable: true, description: 'Null for the opening of the case.' })
  @Enum({ items: () => SupportStage, nativeEnumName: 'support_stage', nullable: true })
  fromStage!: SupportStage | null;

  @Field(() => SupportStage)
  @Enum({ items: () => SupportStage, nativeEnumName: 'support_stage' })
  toStage!: SupportStage;

  @Field({ description: 'Subject id of who made the move.' })
  @Property({ type: 'text' })
  bySubject!: string;

  @Field()
  @Property({ type: 'string', length: 32 })
  byRole!: string;

  @Field(() => LocalDate, { description: 'The day the move happened (as recorded by the coordinator).' })
  @Property({ type: 'date' })
  on!: string;

  @Field({ description: 'When the move was recorded.' })
  @Property({ type: 'timestamptz' })
  recordedAt: Date = new Date();

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  reason!: string | null;

  @Field(() => ContactMethod, { nullable: true })
  @Enum({ items: () => ContactMethod, nativeEnumName: 'contact_method', nullable: true })
  contactMethod!: ContactMethod | null;
}
