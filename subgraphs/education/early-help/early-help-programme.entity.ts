import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';

export enum EarlyHelpProgrammeStatus {
  ACTIVE = 'ACTIVE',
  DONE = 'DONE',
  DISCONTINUED = 'DISCONTINUED',
}
registerEnumType(EarlyHelpProgrammeStatus, {
  name: 'EarlyHelpProgrammeStatus',
  description: 'Where an individual early-help programme stands (seed 003 §8.4).',
  valuesConfig: {
    ACTIVE: { description: 'Agreed with the family and being delivered.' },
    DONE: { description: 'Delivered to its end; the goals were reviewed with the family.' },
    DISCONTINUED: { description: 'Stopped early: the family refused (support is voluntary, seed 001 §1.5) or moved away.' },
  },
});

/**
 * An individual early-help programme (seed 003 §8.4): drawn up from an assessment of how the child
 * functions in his environment; holds the goals, the volume, terms and content of the services given
 * to this child and family in the child's natural life situations. For children 0–3 with a limitation
 * of life activity or at risk (seed 003 §8.2–8.3). The table keeps its first name (`early_help_program`).
 */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'An individual early-help programme of a child under 3: goals, volume and the natural life situations the services are given in (seed 003 §8.4).',
})
@Entity({ tableName: 'early_help_program' })
export class EarlyHelpProgramme {
  @Field(() => ID, { description: 'The id of the programme.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The child (hub person id); the API gives the edge `person`. */
  @Property({ type: 'uuid', index: true })
  personId!: string;

  /** The early-help service delivering the programme (hub organization id); the API gives the edge `organization`. */
  @Property({ type: 'uuid', index: true })
  organizationId!: string;

  @Property({ type: 'date' })
  startDate!: string;

  /** Planned end; at the latest the day before the child turns 3. */
  @Property({ type: 'date' })
  endDate!: string;

  @Field(() => LocalDate, {
    name: 'childBornOn',
    description:
      "The child's birth date as presented when the programme was drawn up; the 0–3 age bound was checked against it (seed 003 §8.2).",
  })
  @Property({ type: 'date' })
  childBirthDate!: string;

  @Field({
    description: 'True when the child is in the early-help risk group rather than having an established limitation (seed 003 §8.3).',
  })
  @Property({ type: 'boolean', default: false })
  atRisk: boolean = false;

  @Field(() => [String], {
    description: 'Goals of early help for the child and the family, in the words of the programme (seed 003 §8.4).',
  })
  @Property({ type: 'text[]' })
  goals!: string[];

  @Field(() => Int, { description: 'The volume of services, in hours per month (seed 003 §8.4).' })
  @Property({ type: 'integer' })
  hoursPerMonth!: number;

  @Field(() => [String], {
    description: "The child's natural life situations the services are given in: meals, play, walks, bathing… (seed 003 §8.4).",
  })
  @Property({ type: 'text[]' })
  naturalLifeSituations!: string[];

  @Field(() => EarlyHelpProgrammeStatus, { description: 'Where the programme stands.' })
  @Enum({ items: () => EarlyHelpProgrammeStatus, nativeEnumName: 'early_help_program_status' })
  status: EarlyHelpProgrammeStatus = EarlyHelpProgrammeStatus.ACTIVE;

  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey!: string | null;
}
