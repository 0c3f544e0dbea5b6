import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A municipal territory by its OKTMO code. Agencies hang their providers and capacity on it
 * (the resource map, seed 003 §34.2); social protection, as owner, names it.
 */
@Directive('@key(fields: "oktmo")')
@ObjectType({ description: 'A municipal territory (urban okrug, municipal district) identified by OKTMO.' })
@Entity({ tableName: 'territory' })
export class Territory {
  [PrimaryKeyProp]?: 'oktmo';

  @Field(() => ID, { description: 'OKTMO code of the municipality, 8 or 11 digits.' })
  @PrimaryKey({ type: 'string', length: 11 })
  oktmo!: string;

  @Field(() => String, { nullable: true, description: 'Official name of the municipality.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Kind of municipality: urban_okrug, municipal_district or municipal_okrug.' })
  @Property({ type: 'string', length: 32 })
  kind!: string;
}
