import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ObjectType, ID, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';

/** How a coordinator came to a case (seed 001 §3.3(3): a coordinator is appointed; seed 003 §33). */
export enum CoordinatorAssignmentKind {
  ASSIGNED = 'ASSIGNED',
  TRANSFERRED = 'TRANSFERRED',
}
registerEnumType(CoordinatorAssignmentKind, {
  name: 'CoordinatorAssignmentKind',
  description: 'Whether a coordinator was the first appointed to the case or took it over from another (seed 001 §3.3(3)).',
  valuesConfig: {
    ASSIGNED: { description: 'The first coordinator appointed to the case (seed 001 §3.3(3), seed 003 §33).' },
    TRANSFERRED: { description: 'The case passed from one coordinator to another, with the reason.' },
  },
});

/** The specialists of a multidisciplinary team (seed 003 §32.2), with those of the support services of seeds 001 §3.2 and 002 §3. */
export enum TeamRole {
  PSYCHOLOGIST = 'PSYCHOLOGIST',
  SOCIAL_PEDAGOGUE = 'SOCIAL_PEDAGOGUE',
  SPEECH_THERAPIST = 'SPEECH_THERAPIST',
  SOCIAL_WORK_SPECIALIST = 'SOCIAL_WORK_SPECIALIST',
  LAWYER = 'LAWYER',
  REHABILITOLOGIST = 'REHABILITOLOGIST',
  SOCIAL_WORKER = 'SOCIAL_WORKER',
  NURSE = 'NURSE',
  OTHER = 'OTHER',
}
registerEnumType(TeamRole, {
  name: 'TeamRole',
  description: 'The role of a specialist in the multidisciplinary team of a case (seed 003 §32.2).',
  valuesConfig: {
    PSYCHOLOGIST: { description: 'Psychologist (seed 003 §32.2; special psychologist or pedagogue-psychologist, seed 001 §3.2).' },
    SOCIAL_PEDAGOGUE: { description: 'Social pedagogue (seed 003 §32.2, seed 001 §3.2).' },
    SPEECH_THERAPIST: { description: 'Speech therapist, where there is one (seed 003 §32.2).' },
    SOCIAL_WORK_SPECIALIST: { description: 'Specialist in social work (seed 003 §32.2, seed 001 §3.2).' },
    LAWYER: { description: 'Lawyer, when needed (seed 003 §32.2; legal adviser, seed 001 §3.2).' },
    REHABILITOLOGIST: { description: 'Rehabilitation specialist (seed 003 §32.2).' },
    SOCIAL_WORKER: { description: 'Social worker (seed 001 §3.2, seed 002 §3).' },
    NURSE: { description: 'Nurse (seed 002 §3).' },
    OTHER: { description: 'Another specialist, named by the post.' },
  },
});

/** What a remote consultation is about: upbringing, care or rehabilitation (seed 003 §32.1). */
export enum ConsultationTopic {
  UPBRINGING = 'UPBRINGING',
  CARE = 'CARE',
  REHABILITATION = 'REHABILITATION',
}
registerEnumType(ConsultationTopic, {
  name: 'ConsultationTopic',
  description: 'The question a legal representative is consulted on (seed 003 §32.1).',
  valuesConfig: {
    UPBRINGING: { description: 'Upbringing of the person with a disability (seed 003 §32.1).' },
    CARE: { description: 'Care of the person with a disability (seed 003 §32.1).' },
    REHABILITATION: { description: 'Rehabilitation of the person with a disability (seed 003 §32.1).' },
  },
});

/** Where a consultation request stands; the words of referrals (CONVENTIONS §7.1). */
export enum ConsultationStatus {
  REQUESTED = 'REQUESTED',
  ACCEPTED = 'ACCEPTED',
  DONE = 'DONE',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ConsultationStatus, {
  name: 'ConsultationStatus',
  description: 'Where a request for a remote consultation stands (seed 003 §32.1).',
  valuesConfig: {
    REQUESTED: { description: 'Sent to the consulting institution, not answered yet.' },
    ACCEPTED: { description: 'The institution accepted it and set the day of the consultation.' },
    DONE: { description: 'The consultation was held.' },
    DECLINED: { description: 'The institution declined it, with a reason.' },
    CANCELLED: { description: 'The requesting coordinator called it off.' },
  },
});

/**
 * One appointment of a coordinator to a case (seed 001 §3.3(3); seed 003 §33): who, since when, who appointed them
 * and why. The first is ASSIGNED, each later one TRANSFERRED; the case's current coordinator is the latest.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'An appointment of a coordinator to a support case, with who made it, when and why (seed 001 §3.3(3)).' })
@Entity({ tableName: 'coordinator_assignment' })
export class CoordinatorAssignment {
  @Field(() => ID, { description: 'Hub id of the appointment.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid', index: true })
  caseId!: string;

  @Field(() => CoordinatorAssignmentKind, { description: 'First appointment or transfer.' })
  @Enum({ items: () => CoordinatorAssignmentKind, nativeEnumName: 'coordinator_assignment_kind' })
  kind!: CoordinatorAssignmentKind;

  @Field({ description: 'Subject id of the coordinator appointed.' })
  @Property({ type: 'text' })
  coordinatorSubject!: string;

  @Field(() => String, { nullable: true, description: 'Post of the coordinator appointed (a named post), e.g. "куратор участка 3".' })
  @Property({ type: 'text', nullable: true })
  coordinatorPost!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Subject id of the coordinator who had the case before; null for the first appointment.',
  })
  @Property({ type: 'text', nullable: true })
  previousCoordinatorSubject!: string | null;

  @Field(() => LocalDate, { description: 'Day the coordinator took the case.' })
  @Property({ type: 'date' })
  assignedOn!: string;

  @Field({ description: 'Subject id of who made the appointment.' })
  @Property({ type: 'text' })
  bySubject!: string;

  @Field({ description: 'Role of who made the appointment (COORDINATOR, ADMINISTRATOR).' })
  @Property({ type: 'string', length: 32 })
  byRole!: string;

  @Field(() => String, { nullable: true, description: 'Why; required for a transfer.' })
  @Property({ type: 'text', nullable: true })
  reason!: string | null;

  @Field({ description: 'When the appointment was recorded.' })
  @Property({ type: 'timestamptz' })
  recordedAt!: Date;

  /** A client's retry key (issue 20): a retry with the same key answers this record. */
  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey?: string | null = null;
}

/**
 * A specialist in the multidisciplinary team of a case (seed 003 §32.2): of an agency's organization, in a role,
 * from the day they joined to the day they left. Removal keeps the row (the team's history).
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A specialist of the multidisciplinary team of a case, with the days they joined and left (seed 003 §32.2).' })
@Entity({ tableName: 'case_team_member' })
export class CaseTeamMember {
  @Field(() => ID, { description: 'Hub id of the membership.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid', index: true })
  caseId!: string;

  // Edge: CaseTeamMember.organization.
  @Property({ type: 'uuid' })
  organizationId!: string;

  @Field({ description: 'Agency of the specialist’s organization (SOCIAL_PROTECTION, HEALTH, EDUCATION, …).' })
  @Property({ type: 'string', length: 64 })
  agency!: string;

  @Field(() => TeamRole, { description: 'The role in the team (seed 003 §32.2).' })
  @Enum({ items: () => TeamRole, nativeEnumName: 'team_role' })
  role!: TeamRole;

  @Field({ description: 'Post of the specialist (a named post, never a private person), e.g. "педагог-психолог".' })
  @Property({ type: 'text' })
  post!: string;

  @Field(() => LocalDate, { description: 'Day the specialist joined the team.' })
  @Property({ type: 'date' })
  joinedOn!: string;

  @Field({ description: 'Subject id of the coordinator who added the specialist.' })
  @Property({ type: 'text' })
  addedBySubject!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day the specialist left the team; null while a member.' })
  @Property({ type: 'date', nullable: true })
  leftOn: string | null = null;

  @Field(() => String, { nullable: true, description: 'Subject id of the coordinator who removed the specialist; null while a member.' })
  @Property({ type: 'text', nullable: true })
  removedBySubject: string | null = null;

  @Field(() => String, { nullable: true, description: 'Why the specialist left; null while a member.' })
  @Property({ type: 'text', nullable: true })
  removalReason: string | null = null;

  /** A client's retry key (issue 20): a retry with the same key answers this record. */
  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey?: string | null = null;
}

/**
 * A request for a remote (or in-person) consultation of the family's legal representatives on upbringing, care or
 * rehabilitation, sent by the operator to a state institution of the ministry that consults whatever the place of
 * residence (seed 003 §32.1): resource centres, rehabilitation centres, family multifunctional centres, «РОСТ».
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A request for a remote consultation of the family by an institution of the ministry (seed 003 §32.1).' })
@Entity({ tableName: 'consultation_request' })
export class ConsultationRequest {
  @Field(() => ID, { description: 'Hub id of the request.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid', index: true })
  caseId!: string;

  // Denormalized: the consulting institution's reads are audited against the person without reading the case.
  @Property({ type: 'uuid' })
  personId!: string;

  // Edge: ConsultationRequest.consultingOrganization.
  @Property({ type: 'uuid', index: true })
  consultingOrganizationId!: string;

  @Field(() => ConsultationTopic, { description: 'What the consultation is about (seed 003 §32.1).' })
  @Enum({ items: () => ConsultationTopic, nativeEnumName: 'consultation_topic' })
  topic!: ConsultationTopic;

  @Field({ description: 'True for a remote consultation, false for one in person at the institution (seed 003 §32.1).' })
  @Property({ type: 'boolean' })
  remote!: boolean;

  @Field({ description: 'The question, in Russian as the coordinator wrote it.' })
  @Property({ type: 'text' })
  question!: string;

  @Field(() => LocalDate, { description: 'Day the request was sent.' })
  @Property({ type: 'date' })
  requestedOn!: string;

  @Field({ description: 'Subject id of the coordinator who sent it.' })
  @Property({ type: 'text' })
  requestedBySubject!: string;

  @Field(() => ConsultationStatus, { description: 'Where the request stands.' })
  @Enum({ items: () => ConsultationStatus, nativeEnumName: 'consultation_status' })
  status: ConsultationStatus = ConsultationStatus.REQUESTED;

  @Field(() => LocalDate, { nullable: true, description: 'Day the institution answered (accepted or declined); null until then.' })
  @Property({ type: 'date', nullable: true })
  answeredOn: string | null = null;

  @Field(() => LocalDate, { nullable: true, description: 'Day of the consultation set on acceptance, or held; null until set.' })
  @Property({ type: 'date', nullable: true })
  consultationOn: string | null = null;

  @Field(() => String, { nullable: true, description: 'The answer: the reason of a refusal or the outcome of the consultation.' })
  @Property({ type: 'text', nullable: true })
  answer: string | null = null;

  @Field(() => LocalDate, { description: 'Day the status last changed.' })
  @Property({ type: 'date' })
  statusChangedOn!: string;

  /** A client's retry key (issue 20): a retry with the same key answers this record. */
  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey?: string | null = null;
}
