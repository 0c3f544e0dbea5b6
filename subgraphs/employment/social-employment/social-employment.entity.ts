import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Period, periodOf } from '../../kit/platform/period';
import { Person, personRef } from '../person/person.entity';
import { Organization, organizationRef } from '../../conventions/organization-reference';

/**
 * Social employment of a disabled person with the 3rd degree of limitation of the ability to work
 * (seed 003 §8.16, §29; order 605n): work with support at an organization authorized by the region.
 */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'Social employment: supported work at an organization the region authorized, for a person with the 3rd degree of limitation of the ability to work (seed 003 §29, order 605n).',
})
@Entity({ tableName: 'social_employment' })
export class SocialEmployment {
  /** API-only accessors (edges, period) and defaulted columns: not data to give `em.create`. */
  [OptionalProps]?: 'person' | 'organization' | 'period';

  @Field(() => ID, { description: 'The record’s id; refetch it with `node(id:)`.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => Person, { nullable: true, description: 'The person in social employment (from social protection); null when refused.' })
  get person(): Person {
    return personRef(this.personId);
  }

  @Property({ type: 'uuid', index: true })
  organizationId!: string;

  @Field(() => Organization, { nullable: true, description: 'The organization authorized for social employment where the person works.' })
  get organization(): Organization | null {
    return organizationRef(this.organizationId);
  }

  @Field({ description: 'The activity the person does (data text, Russian).' })
  @Property({ type: 'text' })
  activity!: string;

  @Property({ type: 'date' })
  startDate!: string;

  @Property({ type: 'date' })
  endDate!: string;

  @Field(() => Period, { description: 'The term of social employment; a decision on continuing it is due 30 days before `endsOn`.' })
  get period(): Period {
    return periodOf(this.startDate, this.endDate);
  }

  @Field(() => Int, {
    description: 'Degree of limitation of the ability to work as the presented IPRA states it: always 3 here (seed 003 §29).',
  })
  @Property({ type: 'smallint' })
  workAbilityLimitationDegree!: number;

  @Field(() => String, { nullable: true, description: 'Number of the IPRA the degree was read from.' })
  @Property({ type: 'text', nullable: true })
  ipraNumber!: string | null;

  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey!: string | null;
}
