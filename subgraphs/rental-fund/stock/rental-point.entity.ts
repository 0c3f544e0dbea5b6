import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, ID, ObjectType } from 'type-graphql';

/** A rental point of technical aids (seed 004 annex 1 §1), run by a social-service organization. */
@ObjectType({ description: 'A rental point of technical rehabilitation aids (seed 004 annex 1).' })
@Entity({ tableName: 'rental_point' })
export class RentalPoint {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => ID, { description: 'The organization operating the point (directory of social protection).' })
  @Property({ type: 'uuid', index: true })
  organizationId!: string;

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field()
  @Property({ type: 'text' })
  address!: string;

  @Field({ description: 'OKTMO of the territory the point stands on.' })
  @Property({ type: 'string', length: 11, index: true })
  territoryOktmo!: string;

  @Field(() => Float)
  @Property({ type: 'double' })
  latitude!: number;

  @Field(() => Float)
  @Property({ type: 'double' })
  longitude!: number;

  @Field({ description: 'Opening hours as the point publishes them, e.g. "Пн–Пт 09:00–17:00".' })
  @Property({ type: 'text' })
  openingHours!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  phone!: string | null;
}
