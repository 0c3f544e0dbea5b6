import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';

/** How often a measure's service is given: the periodicity an IPSS or IPPSU states for it (seed 003 §8.17–18). */
export enum MeasurePeriodicity {
  ONCE = 'ONCE',
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  AS_NEEDED = 'AS_NEEDED',
}
registerEnumType(MeasurePeriodicity, {
  name: 'MeasurePeriodicity',
  description: 'How often the service of a measure is given, as the programme states it (seed 003 §8.17–18).',
  valuesConfig: {
    ONCE: { description: 'Once.' },
    DAILY: { description: 'Every working day.' },
    WEEKLY: { description: 'Once a week or a few times a week.' },
    MONTHLY: { description: 'Once a month or a few times a month.' },
    QUARTERLY: { description: 'Once a quarter.' },
    AS_NEEDED: { description: 'When the family needs it.' },
  },
});

/**
 * One execution of a measure — a session, a consultation, an aid handed over — with its day and result, recorded by
 * the executing organization on its referral or by the coordinator for the operator's own measures (seed 003 §33.6:
 * the coordinator controls execution and records it). The measure's volume says how many are planned.
 */
@ObjectType({ description: 'One execution of a measure with its day and result (seed 003 §33.6).' })
@Entity({ tableName: 'measure_execution' })
@Index({ properties: ['measureId', 'executedOn'] })
export class MeasureExecution {
  // Not a node: read through Measure.executions only.
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  measureId!: string;

  @Property({ type: 'uuid', index: true })
  personId!: string;

  /** The referral the execution answers; null for the operator's own measures recorded by the coordinator. */
  @Property({ type: 'uuid', nullable: true, index: true })
  referralId!: string | null;

  // GraphQL: MeasureExecution.organization (measure-execution.resolver.ts).
  @Property({ type: 'uuid' })
  organizationId!: string;

  @Field(() => LocalDate, { description: 'Day the measure was carried out: not in the future, not before the referral.' })
  @Property({ type: 'date' })
  executedOn!: string;

  @Field({ description: 'What was done and with what result, in Russian as the executor wrote it.' })
  @Property({ type: 'text' })
  result!: string;

  @Field({ description: 'True when this execution completed the measure (the measure and its referral are DONE).' })
  @Property({ type: 'boolean' })
  completesMeasure!: boolean;

  @Property({ type: 'text' })
  recordedBy!: string;

  @Field(() => Date, { description: 'When the execution was recorded.' })
  @Property({ type: 'timestamptz' })
  recordedAt!: Date;

  /** A client's retry key: a retry with the same key answers this record. */
  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey?: string | null = null;
}
