import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';

/**
 * Jobs an employer keeps under the quota for employing disabled people (181-FZ art. 21; seed 003 §28).
 * `quota` places are reserved; `filled` of them are taken by placements recorded here.
 */
@ObjectType({ description: 'An employer’s quota jobs for disabled people (181-FZ art. 21).' })
@Entity({ tableName: 'quota_job' })
export class QuotaJob {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field()
  @Property({ type: 'text' })
  employerName!: string;

  @Field(() => ID, { nullable: true, description: 'The employer in the hub directory, when it is there.' })
  @Property({ type: 'uuid', nullable: true, index: true })
  organizationId!: string | null;

  @Field({ description: 'OKTMO of the territory where the jobs are.' })
  @Property({ type: 'string', length: 11, index: true })
  territoryOktmo!: string;

  @Field()
  @Property({ type: 'text' })
  profession!: string;

  @Field(() => Int, { description: 'Places reserved for disabled people.' })
  @Property({ type: 'integer' })
  quota!: number;

  @Field(() => Int, { description: 'Places already taken.' })
  @Property({ type: 'integer', default: 0 })
  filled: number = 0;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  announcedOn!: string;
}
