import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';

/**
 * Social employment of a disabled person with the 3rd degree of limitation of the ability to work
 * (seed 003 §8.16, §29; order 605n): work with support at an organization authorized by the region.
 */
@ObjectType({ description: 'Social employment (seed 003 §29, order 605n).' })
@Entity({ tableName: 'social_employment' })
export class SocialEmployment {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => ID, { description: 'Organization authorized for social employment (hub organization id).' })
  @Property({ type: 'uuid', index: true })
  organizationId!: string;

  @Field({ description: 'The activity the person does.' })
  @Property({ type: 'text' })
  activity!: string;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  startDate!: string;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  endDate!: string;

  @Field(() => Int, { description: 'Degree of limitation of the ability to work as presented from the IPRA (always 3 here).' })
  @Property({ type: 'smallint' })
  workAbilityLimitationDegree!: number;

  @Field(() => String, { nullable: true, description: 'Number of the IPRA the degree was read from.' })
  @Property({ type: 'text', nullable: true })
  ipraNumber!: string | null;

  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey!: string | null;
}
