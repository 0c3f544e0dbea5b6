import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { DisabilityGroup } from '../person/person.entity';

/**
 * A person counted on a territory's demand: one row per person and territory of a family they belong to, with the
 * person's attributes the target category is computed from (seed 003 §3). Kept by database triggers in the same
 * transaction as every write to `family_member`, `family` and `person` (Migration20261205010000), so the resource
 * map counts people with one scan of this table instead of joining persons, memberships and families on every
 * request (issue 19: that join was most of the map's time on 100 000 families). The category itself is computed
 * when the map is read, because it depends on the day (ages 3, 18 and 60).
 */
@Entity({ tableName: 'demand_person' })
@Index({ properties: ['territoryOktmo'] })
export class DemandPerson {
  @PrimaryKey({ type: 'uuid' })
  personId!: string;

  @PrimaryKey({ type: 'string', length: 11 })
  territoryOktmo!: string;

  /** Memberships that put the person on this territory; the row goes when the last one does (count distinct persons). */
  @Property({ type: 'int' })
  memberships!: number;

  @Property({ type: 'date' })
  birthDate!: string;

  @Enum({ items: () => DisabilityGroup, nativeEnumName: 'disability_group', nullable: true })
  disabilityGroup!: DisabilityGroup | null;

  @Property({ type: 'boolean' })
  hasLimitedHealthCapabilities!: boolean;

  @Property({ type: 'boolean' })
  isAtRisk!: boolean;
}

/**
 * Open work on a territory, counted as it changes: open programme measures by kind (`MEASURE`), open referrals
 * (`REFERRALS`) and open support cases (`CASES`), by the territory of their case. Kept by triggers on `measure`,
 * `referral` and `support_case` (Migration20261205010000); these counts do not depend on the day, so they are
 * exact without recomputation.
 */
@Entity({ tableName: 'demand_tally' })
export class DemandTally {
  @PrimaryKey({ type: 'string', length: 11 })
  territoryOktmo!: string;

  @PrimaryKey({ type: 'string', length: 16 })
  dimension!: 'MEASURE' | 'REFERRALS' | 'CASES';

  @PrimaryKey({ type: 'string', length: 64 })
  kind!: string;

  @Property({ type: 'int' })
  count!: number;
}
