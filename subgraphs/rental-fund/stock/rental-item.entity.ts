import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';
import { AcquisitionSource, ItemCondition } from '../enums';
import { AidType } from './aid-type.entity';
import { RentalPoint } from './rental-point.entity';

/**
 * One unit of stock, marked with an indelible mark and kept on a record card (seed 004 annex 1 §5.2).
 * `onLoan` is kept on the item row itself (not derived from contracts) on purpose: booking locks
 * the item row, and PostgreSQL re-checks a locked row's own columns when the lock is granted, so
 * a second booker can never take an item another transaction has just lent (see contract/booking.ts).
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'One unit of a technical aid in the rental fund, with its indelible mark (seed 004 annex 1 §5.2).' })
@Entity({ tableName: 'rental_item' })
@Index({ properties: ['rentalPoint', 'aidType', 'condition', 'onLoan'] })
export class RentalItem {
  @Field(() => ID, { description: 'The id of the item; refetch it with `node(id:)`.' })
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** Client-supplied key of `registerRentalItem`: a retry with the same key answers this item. */
  @Property({ type: 'text', unique: true, nullable: true })
  idempotencyKey?: string | null;

  @Field({ description: 'Indelible inventory mark, unique in the fund (§5.2).' })
  @Property({ type: 'text', unique: true })
  mark!: string;

  @ManyToOne(() => AidType, { fieldName: 'aid_code', index: true })
  aidType!: AidType;

  @ManyToOne(() => RentalPoint, { fieldName: 'rental_point_id', index: true })
  rentalPoint!: RentalPoint;

  @Field(() => ItemCondition, { description: 'Whether the item can be issued, is under repair or is written off.' })
  @Enum({ items: () => ItemCondition, nativeEnumName: 'item_condition' })
  condition!: ItemCondition;

  // A reserved item is held too (issue 15 §5.5): `onLoan` stays true while it waits for the person it is reserved for,
  // so booking (contract/booking.ts) never hands it to someone else.
  @Field({ description: 'True while the item is lent out under an active contract, or held for the person it is reserved for.' })
  @Property({ type: 'boolean', default: false })
  onLoan: boolean = false;

  @Field(() => AcquisitionSource, { description: 'How the item came into the fund (seed 004 annex 1 §1.3).' })
  @Enum({ items: () => AcquisitionSource, nativeEnumName: 'acquisition_source' })
  acquisitionSource!: AcquisitionSource;

  @Field(() => Int, { description: 'Value in kopecks, charged on loss by the renter’s fault (§3.10, contract §2.3.6).' })
  @Property({ type: 'integer' })
  valueKopecks!: number;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Day the item came into the fund, as its record card shows (seed 004 annex 1 §5.2).',
  })
  @Property({ type: 'date', nullable: true })
  acquiredOn!: string | null;
}
