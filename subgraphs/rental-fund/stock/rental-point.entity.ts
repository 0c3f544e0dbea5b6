import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';

/** A rental point of technical aids (seed 004 annex 1 §1), run by a social-service organization. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A rental point of technical rehabilitation aids (seed 004 annex 1).' })
@Entity({ tableName: 'rental_point' })
export class RentalPoint {
  @Field(() => ID, { description: 'The id of the rental point; refetch it with `node(id:)`.' })
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => ID, {
    description: 'The id of the organization operating the point; `organization` is that organization (directory of social protection).',
  })
  @Property({ type: 'uuid', index: true })
  organizationId!: string;

  @Field({ description: 'Name of the point as it publishes it (Russian).' })
  @Property({ type: 'text' })
  name!: string;

  @Field({ description: 'Postal address of the point (Russian).' })
  @Property({ type: 'text' })
  address!: string;

  @Field({ description: 'OKTMO of the territory the point stands on.' })
  @Property({ type: 'string', length: 11, index: true })
  territoryOktmo!: string;

  @Field(() => Float, { description: 'Latitude of the point, WGS 84 degrees.' })
  @Property({ type: 'double' })
  latitude!: number;

  @Field(() => Float, { description: 'Longitude of the point, WGS 84 degrees.' })
  @Property({ type: 'double' })
  longitude!: number;

  @Field({ description: 'Opening hours as the point publishes them, e.g. "Пн–Пт 09:00–17:00".' })
  @Property({ type: 'text' })
  openingHours!: string;

  @Field(() => String, { nullable: true, description: 'Phone of the point; null when it publishes none.' })
  @Property({ type: 'text', nullable: true })
  phone!: string | null;

  @Field(() => Int, {
    description:
      'How many of its working days the point holds a freed item for the next person in the queue before it goes to the one after ' +
      '(issue 15 §5.5; the seed sets no term, the point does: `setReservationTerm`).',
  })
  @Property({ type: 'integer', default: 3 })
  reservationTermWorkingDays: Opt<number> = 3;
}
