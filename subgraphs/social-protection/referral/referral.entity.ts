import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';
import { ReferralStatus } from './referral-status';

registerEnumType(ReferralStatus, {
  name: 'ReferralStatus',
  description:
    'FHIR Task states of the SDOH referral loop: DRAFT, REQUESTED, ACCEPTED, REJECTED, CANCELLED, IN_PROGRESS, ON_HOLD, FAILED, COMPLETED.',
});

/**
 * A closed-loop referral from the coordinator's organization to the organization executing a measure
 * (seed 003 §27, §33.6). Other subgraphs extend it by id (e.g. the school's enrolment for it).
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A referral to an executing organization, answered by its agency (closed loop).' })
@Entity({ tableName: 'referral' })
export class Referral {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid', index: true })
  measureId!: string;

  @Field(() => ID)
  @Property({ type: 'uuid', index: true })
  caseId!: string;

  @Field(() => ID)
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => ID, { description: "The coordinator's operator organization (the requester)." })
  @Property({ type: 'uuid' })
  requesterOrganizationId!: string;

  @Field(() => ID, { description: "The measure's executing organization (the executor)." })
  @Property({ type: 'uuid', index: true })
  executorOrganizationId!: string;

  @Field({ description: 'Agency of the executor; its specialists answer the referral.' })
  @Property({ type: 'string', length: 64 })
  executorAgency!: string;

  @Field(() => ReferralStatus)
  @Enum({ items: () => ReferralStatus, nativeEnumName: 'referral_status' })
  status!: ReferralStatus;

  @Field(() => LocalDate, { nullable: true, description: 'Day the referral was sent; unanswered after 2 working days raises an alert.' })
  @Property({ type: 'date', nullable: true })
  requestedOn!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Day the executor accepted or rejected it.' })
  @Property({ type: 'date', nullable: true })
  answeredOn!: string | null;

  @Field(() => LocalDate, { description: 'Day of the latest status change.' })
  @Property({ type: 'date' })
  statusChangedOn!: string;

  @Field(() => String, { nullable: true, description: 'Reason of a rejection, cancellation or failure.' })
  @Property({ type: 'text', nullable: true })
  statusReason!: string | null;
}
