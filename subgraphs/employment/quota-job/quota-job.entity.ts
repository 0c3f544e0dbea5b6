import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';
import { Organization, organizationRef } from '../../conventions/organization-reference';

/**
 * Jobs an employer keeps under the quota for employing disabled people (181-FZ art. 21; seed 003 §28).
 * `quota` places are reserved; `filled` of them are taken by placements recorded here.
 */
@Directive('@key(fields: "id")')
@ObjectType({
  description: 'An employer’s jobs reserved under the quota for disabled people, on one territory (181-FZ art. 21; seed 003 §28).',
})
@Entity({ tableName: 'quota_job' })
export class QuotaJob {
  /** API-only accessors (edges, period) and defaulted columns: not data to give `em.create`. */
  [OptionalProps]?: 'organization' | 'filled';

  @Field(() => ID, { description: 'The quota job’s id; refetch it with `node(id:)`, name it as `quotaJobId` in a placement.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field({ description: 'The employer’s name (data text, Russian).' })
  @Property({ type: 'text' })
  employerName!: string;

  @Property({ type: 'uuid', nullable: true, index: true })
  organizationId!: string | null;

  @Field(() => Organization, { nullable: true, description: 'The employer in the regional directory; null when it is not there.' })
  get organization(): Organization | null {
    return organizationRef(this.organizationId);
  }

  @Field({ description: 'OKTMO code of the territory where the jobs are (8 or 11 digits).' })
  @Property({ type: 'string', length: 11, index: true })
  territoryOktmo!: string;

  @Field({ description: 'The profession the jobs are for (data text, Russian).' })
  @Property({ type: 'text' })
  profession!: string;

  @Field(() => Int, { description: 'Places reserved for disabled people.' })
  @Property({ type: 'integer' })
  quota!: number;

  @Field(() => Int, { description: 'Places already taken by placements; a placement is refused once `filled` reaches `quota`.' })
  @Property({ type: 'integer', default: 0 })
  filled: number = 0;

  @Field(() => LocalDate, { description: 'The day the employer announced the quota jobs.' })
  @Property({ type: 'date' })
  announcedOn!: string;
}
