import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';

/**
 * Special measures that raise a disabled person's competitiveness on the labour market
 * (181-FZ art. 20–21), agreed with the regional cadre centre (seed 003 §28).
 */
export enum SpecialWorkplaceMeasure {
  QUOTA_JOB = 'QUOTA_JOB',
  SPECIAL_WORKPLACE = 'SPECIAL_WORKPLACE',
  WORKPLACE_ADAPTATION = 'WORKPLACE_ADAPTATION',
  ASSISTIVE_EQUIPMENT = 'ASSISTIVE_EQUIPMENT',
  REDUCED_HOURS = 'REDUCED_HOURS',
  SUPPORTED_EMPLOYMENT_MENTOR = 'SUPPORTED_EMPLOYMENT_MENTOR',
  RETRAINING = 'RETRAINING',
}
registerEnumType(SpecialWorkplaceMeasure, {
  name: 'SpecialWorkplaceMeasure',
  description: 'A special employment measure of 181-FZ art. 20–21 (seed 003 §28).',
});

/** A person placed on a job, on a quota job or with an employer directly. */
@ObjectType({ description: 'A job placement with its special workplace measures.' })
@Entity({ tableName: 'job_placement' })
export class JobPlacement {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true, index: true })
  quotaJobId!: string | null;

  @Field()
  @Property({ type: 'text' })
  employerName!: string;

  @Field()
  @Property({ type: 'text' })
  position!: string;

  @Field(() => ID, { description: 'Employment centre that arranged the placement.' })
  @Property({ type: 'uuid', index: true })
  organizationId!: string;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  startDate!: string;

  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  endDate!: string | null;

  @Field(() => [SpecialWorkplaceMeasure])
  @Property({ type: 'text[]' })
  specialMeasures!: SpecialWorkplaceMeasure[];

  @Field({ description: 'The measures were agreed with the regional cadre centre (seed 003 §28).' })
  @Property({ type: 'boolean', default: false })
  withCadreCentre: boolean = false;

  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey!: string | null;
}
