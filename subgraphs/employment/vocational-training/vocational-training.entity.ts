import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';

export enum VocationalTrainingStatus {
  ENROLLED = 'ENROLLED',
  COMPLETED = 'COMPLETED',
  DROPPED_OUT = 'DROPPED_OUT',
}
registerEnumType(VocationalTrainingStatus, { name: 'VocationalTrainingStatus' });

/** Vocational training arranged by the employment service (seed 003 §4.3, §28). */
@ObjectType({ description: 'Vocational training or retraining arranged by the employment service.' })
@Entity({ tableName: 'vocational_training' })
export class VocationalTraining {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field({ description: 'Training programme, e.g. "Оператор ЭВМ".' })
  @Property({ type: 'text' })
  programme!: string;

  @Field(() => ID, { description: 'Training organization (hub organization id).' })
  @Property({ type: 'uuid', index: true })
  organizationId!: string;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  startDate!: string;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  endDate!: string;

  @Field(() => VocationalTrainingStatus)
  @Enum({ items: () => VocationalTrainingStatus, nativeEnumName: 'vocational_training_status' })
  status!: VocationalTrainingStatus;

  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey!: string | null;
}
