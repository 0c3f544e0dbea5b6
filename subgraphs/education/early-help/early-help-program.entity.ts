import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';

export enum EarlyHelpProgramStatus {
  /** Agreed with the family and being delivered. */
  ACTIVE = 'ACTIVE',
  /** Delivered to its end date; goals reviewed. */
  COMPLETED = 'COMPLETED',
  /** Stopped early: the family refused (support is voluntary, seed 001 §1.5) or moved. */
  DISCONTINUED = 'DISCONTINUED',
}
registerEnumType(EarlyHelpProgramStatus, {
  name: 'EarlyHelpProgramStatus',
  description: 'Where an individual early-help programme stands.',
});

/**
 * An individual early-help programme (seed 003 §8.4): drawn up from an assessment of how the child
 * functions in his environment; holds the goals, the volume, terms and content of the services given
 * to this child and family in the child's natural life situations. For children 0–3 with a limitation
 * of life activity or at risk (seed 003 §8.2–8.3).
 */
@ObjectType({ description: 'An individual early-help programme of a child under 3 (seed 003 §8.4).' })
@Entity({ tableName: 'early_help_program' })
export class EarlyHelpProgram {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID, { description: 'The child (hub person id).' })
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => ID, { description: 'Early-help service delivering the programme (hub organization id).' })
  @Property({ type: 'uuid', index: true })
  organizationId!: string;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  startDate!: string;

  @Field(() => LocalDate, { description: 'Planned end; at the latest the day before the child turns 3.' })
  @Property({ type: 'date' })
  endDate!: string;

  @Field(() => LocalDate, {
    description: "The child's birth date as presented when the programme was drawn up (checked against the 0–3 bound).",
  })
  @Property({ type: 'date' })
  childBirthDate!: string;

  @Field({ description: 'The child is in the early-help risk group rather than having an established limitation (seed 003 §8.3).' })
  @Property({ type: 'boolean', default: false })
  atRisk: boolean = false;

  @Field(() => [String], { description: 'Goals of early help for the child and family (seed 003 §8.4).' })
  @Property({ type: 'text[]' })
  goals!: string[];

  @Field(() => Int, { description: 'Volume of services, hours per month.' })
  @Property({ type: 'integer' })
  hoursPerMonth!: number;

  @Field(() => [String], { description: "The child's natural life situations the services are given in (meals, play, walk, bathing…)." })
  @Property({ type: 'text[]' })
  naturalLifeSituations!: string[];

  @Field(() => EarlyHelpProgramStatus)
  @Enum({ items: () => EarlyHelpProgramStatus, nativeEnumName: 'early_help_program_status' })
  status: EarlyHelpProgramStatus = EarlyHelpProgramStatus.ACTIVE;

  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey!: string | null;
}
