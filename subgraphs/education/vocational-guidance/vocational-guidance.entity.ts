import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';

/**
 * Vocational guidance of a young person with a disability from the age of 14 (seed 003 §4.3: the
 * regional resource methodical centre at the Irkutsk rehabilitation technical school organizes
 * vocational guidance and training from 14).
 */
@ObjectType({ description: 'A vocational guidance session and its recommendation (from 14, seed 003 §4.3).' })
@Entity({ tableName: 'vocational_guidance' })
export class VocationalGuidance {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => ID, { description: 'Organization that gave the guidance.' })
  @Property({ type: 'uuid', index: true })
  organizationId!: string;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  date!: string;

  @Field(() => LocalDate, { description: 'Birth date as presented by the caller; the age rule was checked against it.' })
  @Property({ type: 'date' })
  birthDate!: string;

  @Field({ description: 'Recommended professions or training directions.' })
  @Property({ type: 'text' })
  recommendation!: string;

  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey!: string | null;
}
