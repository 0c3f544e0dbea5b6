import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * A kind of technical aid the rental fund lends, with its tariff: the catalogue of seed 004
 * annex 1 annex 3, loaded as reference data (data/reference-data.ts) from rules/aid-catalogue.ts.
 */
@ObjectType('AidKind', {
  description: 'A kind of technical rehabilitation aid in the rental fund, with its tariff (seed 004 annex 1 annex 3).',
})
@Entity({ tableName: 'aid_type' })
export class AidType {
  @Field(() => ID, { description: 'Stable code, e.g. WHEELCHAIR_MANUAL.' })
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Field({ description: 'Name as annex 3 spells it.' })
  @Property({ type: 'text' })
  name!: string;

  @Field({ description: 'Name in English, for partners and reports.' })
  @Property({ type: 'text' })
  nameEn!: string;

  @Field(() => Int, { description: 'Tariff in kopecks per item per day (see rules/aid-catalogue.ts for why per day).' })
  @Property({ type: 'integer' })
  tariffKopecks!: number;

  @Field({ description: 'Unit of the tariff: ITEM_DAY (per item per day).' })
  @Property({ type: 'text' })
  tariffUnit!: string;

  @Field(() => Int, { description: 'Row number in annex 3, for reports that follow the source order.' })
  @Property({ type: 'integer' })
  annexRow!: number;
}
