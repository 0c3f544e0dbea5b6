import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';

/**
 * Vocational guidance of a young person with a disability from the age of 14 (seed 003 §4.3: the
 * regional resource methodical centre at the Irkutsk rehabilitation technical school organizes
 * vocational guidance and training from 14).
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A vocational guidance session of a young person from 14 and its recommendation (seed 003 §4.3).' })
@Entity({ tableName: 'vocational_guidance' })
export class VocationalGuidance {
  @Field(() => ID, { description: 'The id of the guidance record.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The young person (hub person id); the API gives the edge `person`. */
  @Property({ type: 'uuid', index: true })
  personId!: string;

  /** The organization that gave the guidance; the API gives the edge `organization`. */
  @Property({ type: 'uuid', index: true })
  organizationId!: string;

  @Field(() => LocalDate, { name: 'heldOn', description: 'The day the guidance was given.' })
  @Property({ type: 'date' })
  date!: string;

  @Field(() => LocalDate, {
    name: 'bornOn',
    description: 'The birth date as the caller presented it; the rule "from 14" was checked against it (seed 003 §4.3).',
  })
  @Property({ type: 'date' })
  birthDate!: string;

  @Field({ description: 'Recommended professions or training directions, in the words of the specialist.' })
  @Property({ type: 'text' })
  recommendation!: string;

  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey!: string | null;
}
