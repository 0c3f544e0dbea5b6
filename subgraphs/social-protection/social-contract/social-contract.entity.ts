import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';

/**
 * A social contract with its programme of social adaptation (seed 004 annex 5): agreed with the citizen
 * after a commission decision, carried out with the employment service, its measures monitored.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A social contract with a programme of social adaptation (seed 004 annex 5).' })
@Entity({ tableName: 'social_contract' })
export class SocialContract {
  @Field(() => ID, { description: 'Hub id of the social contract.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID, { description: 'Id of the person the contract is with (edge: `person`).' })
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => ID, {
    name: 'supportCaseId',
    nullable: true,
    description: 'Id of the support case it belongs to, if any (edge: `supportCase`).',
  })
  @Property({ type: 'uuid', nullable: true })
  caseId!: string | null;

  @Field(() => String, { nullable: true, description: 'Number of the contract as written on it; null when unnumbered.' })
  @Property({ type: 'text', nullable: true })
  number!: string | null;

  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey?: string | null = null;

  @Field(() => LocalDate, { description: 'Day of the commission decision (seed 004 annex 5 §3.1.4).' })
  @Property({ type: 'date' })
  commissionDecisionOn!: string;

  @Field(() => LocalDate, { description: 'Day the contract was signed; it is in force from that day.' })
  @Property({ type: 'date' })
  signedOn!: string;

  @Field(() => LocalDate, { name: 'endsOn', description: 'Last day the contract is in force (seed 004 annex 5 §3.1).' })
  @Property({ type: 'date' })
  validUntil!: string;

  @Field(() => [String], { description: 'Measures of the programme of social adaptation (seed 004 annex 5 §3.1.2).' })
  @Property({ type: 'text[]' })
  adaptationMeasures!: string[];

  @Field(() => [LocalDate], { description: 'Planned monitoring dates of the measures (seed 004 annex 5 §3.2.7).' })
  @Property({ type: 'text[]' })
  monitoringDates!: string[];
}
