import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';
import { ReferralStatus } from './referral-status';

registerEnumType(ReferralStatus, {
  name: 'ReferralStatus',
  description: 'Where a referral stands, after the FHIR Task states of the SDOH referral loop (FHIR `completed` is DONE).',
  valuesConfig: {
    DRAFT: { description: 'Prepared by the coordinator, not sent yet.' },
    REQUESTED: {
      description:
        'Sent; waiting for the executor to accept or reject it: an alert after 2 working days, overdue after 5 (seed 003 §16, §27).',
    },
    ACCEPTED: { description: 'The executor agreed to carry it out.' },
    REJECTED: { description: 'The executor refused it, with a reason.' },
    CANCELLED: { description: 'Called off by the requester (or by the executor once under way), with a reason.' },
    IN_PROGRESS: { description: 'The executor is carrying it out; the measure is IN_PROGRESS.' },
    ON_HOLD: { description: 'Paused by the executor.' },
    FAILED: { description: 'The executor could not carry it out, with a reason.' },
    DONE: { description: 'Carried out; the measure is DONE and the outcome goes back to the coordinator.' },
  },
});

/**
 * A closed-loop referral from the coordinator's organization to the organization executing a measure
 * (seed 003 §27, §33.6). Other subgraphs extend it by id (e.g. the school's enrolment for it).
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A referral to an executing organization, answered by that organization (closed loop, seed 003 §27).' })
@Entity({ tableName: 'referral' })
export class Referral {
  @Field(() => ID, { description: 'Hub id of the referral.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID, { description: 'Id of the measure the referral is for (edge: `measure`).' })
  @Property({ type: 'uuid', index: true })
  measureId!: string;

  @Field(() => ID, { name: 'supportCaseId', description: 'Id of the support case (edge: `supportCase`, for its coordinator).' })
  @Property({ type: 'uuid', index: true })
  caseId!: string;

  @Field(() => ID, { description: 'Id of the person referred (edge: `person`).' })
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => ID, { description: "Id of the coordinator's operator organization, the requester (edge: `requesterOrganization`)." })
  @Property({ type: 'uuid' })
  requesterOrganizationId!: string;

  @Field(() => ID, { description: "Id of the measure's executing organization, the executor (edge: `executorOrganization`)." })
  @Property({ type: 'uuid', index: true })
  executorOrganizationId!: string;

  @Field({ description: 'Agency of the executing organization; the specialists of that organization (not the whole agency) answer it.' })
  @Property({ type: 'string', length: 64 })
  executorAgency!: string;

  @Field(() => ReferralStatus, { description: 'Where the referral stands (FHIR Task states).' })
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

  /** A client's retry key (issue 20): a retry with the same key answers this record. */
  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey?: string | null = null;
}
