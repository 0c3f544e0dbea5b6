import { Entity, OptionalProps, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Period, periodOf } from '../../kit/platform/period';
import { Person, personRef } from '../person/person.entity';
import { Organization, organizationRef } from '../../conventions/organization-reference';

export enum VocationalTrainingStatus {
  ENROLLED = 'ENROLLED',
  DONE = 'DONE',
  DROPPED_OUT = 'DROPPED_OUT',
}
registerEnumType(VocationalTrainingStatus, {
  name: 'VocationalTrainingStatus',
  description: 'Where a person’s vocational training stands.',
  valuesConfig: {
    ENROLLED: { description: 'Enrolled: the course is planned or under way; past its last day it shows as OVERDUE in the route.' },
    DONE: { description: 'The course was finished.' },
    DROPPED_OUT: { description: 'The person left the course before its end.' },
  },
});

/** Vocational training arranged by the employment service (seed 003 §4.3, §28). */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Vocational training or retraining the employment service arranged for a person (seed 003 §4.3, §28).' })
@Entity({ tableName: 'vocational_training' })
export class VocationalTraining {
  /** API-only accessors (edges, period) and defaulted columns: not data to give `em.create`. */
  [OptionalProps]?: 'person' | 'organization' | 'period';

  @Field(() => ID, { description: 'The training’s id; refetch it with `node(id:)`.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => Person, { nullable: true, description: 'The person in training (from social protection); null when refused.' })
  get person(): Person {
    return personRef(this.personId);
  }

  @Field({ description: 'The training programme, e.g. "Оператор ЭВМ" (data text, Russian).' })
  @Property({ type: 'text' })
  programme!: string;

  @Property({ type: 'uuid', index: true })
  organizationId!: string;

  @Field(() => Organization, { nullable: true, description: 'The training organization.' })
  get organization(): Organization | null {
    return organizationRef(this.organizationId);
  }

  @Property({ type: 'date' })
  startDate!: string;

  @Property({ type: 'date' })
  endDate!: string;

  @Field(() => Period, { description: 'The course’s first and last day.' })
  get period(): Period {
    return periodOf(this.startDate, this.endDate);
  }

  @Field(() => VocationalTrainingStatus, { description: 'Whether the person is enrolled, finished or left the course.' })
  @Enum({ items: () => VocationalTrainingStatus, nativeEnumName: 'vocational_training_status' })
  status!: VocationalTrainingStatus;

  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey!: string | null;
}
