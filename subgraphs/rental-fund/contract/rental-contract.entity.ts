import { Entity, Enum, Index, ManyToOne, OneToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';
import { RentalApplication } from '../application/rental-application.entity';
import { ContractStatus, ReturnCondition, WithdrawalReason } from '../enums';
import { AidType } from '../stock/aid-type.entity';
import { RentalItem } from '../stock/rental-item.entity';
import { RentalPoint } from '../stock/rental-point.entity';

/**
 * A rental contract (seed 004 annex 1 §3.4–3.11 and the contract form): signed and the aid handed
 * over the same day with a hand-over act, due back at most a year later, extended at most once by
 * at most 6 months, returned with an acceptance act. The partial unique index guarantees at the
 * database level what booking guarantees with locks: one item, at most one active contract.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A rental contract for one item (seed 004 annex 1 §3.4–3.11).' })
@Entity({ tableName: 'rental_contract' })
@Unique({
  name: 'rental_contract_one_active_per_item',
  expression: `create unique index "rental_contract_one_active_per_item" on "rental_contract" ("item_id") where "status" = 'ACTIVE'`,
})
@Index({ properties: ['rentalPoint', 'status'] })
export class RentalContract {
  @Field(() => ID, { description: 'The id of the contract; refetch it with `node(id:)`.' })
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @OneToOne(() => RentalApplication, { fieldName: 'application_id', owner: true, unique: true })
  application!: RentalApplication;

  @ManyToOne(() => RentalItem, { fieldName: 'item_id', index: true })
  item!: RentalItem;

  @ManyToOne(() => RentalPoint, { fieldName: 'rental_point_id', index: true })
  rentalPoint!: RentalPoint;

  /** Kept on the contract too, so journals, capacity and the demand plan group without a join through items. */
  @ManyToOne(() => AidType, { fieldName: 'aid_code', index: true })
  aidType!: AidType;

  @Field(() => ID, { description: 'The hub person id of the renter; `person` is the renter.' })
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field({ description: 'Number of the contract, unique in the fund (ДП-<issue day>-<suffix>).' })
  @Property({ type: 'text', unique: true })
  contractNumber!: string;

  @Field(() => LocalDate, { description: 'Day the contract was concluded.' })
  @Property({ type: 'date' })
  signedOn!: string;

  @Field(() => LocalDate, { description: 'Day the aid was handed over: the day of the contract (§3.4).' })
  @Property({ type: 'date' })
  issuedOn!: string;

  @Field(() => LocalDate, { description: 'Last day of use; overdue from the next day (§3.6).' })
  @Property({ type: 'date', index: true })
  dueOn!: string;

  @Field(() => Int, { description: 'Extensions so far (at most one, §3.6).' })
  @Property({ type: 'integer', default: 0 })
  extensionsCount: number = 0;

  @Field(() => Int, { description: 'Tariff fixed in the contract, kopecks per day.' })
  @Property({ type: 'integer' })
  tariffKopecks!: number;

  @Field(() => Int, { description: 'Fee paid up front, kopecks (contract §3.3), extensions included.' })
  @Property({ type: 'integer' })
  feeKopecks!: number;

  @Field({ description: 'Free of charge (§4.2).' })
  @Property({ type: 'boolean' })
  free!: boolean;

  @Field({ description: 'Why the rental is free or paid, with the clause.' })
  @Property({ type: 'text' })
  priceReason!: string;

  @Field({ description: 'Delivered home (§3.5).' })
  @Property({ type: 'boolean' })
  deliveryRequired!: boolean;

  @Field({ description: 'Number of the hand-over act (§3.4).' })
  @Property({ type: 'text' })
  handOverActNumber!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day the aid was actually returned; null while it is with the renter.' })
  @Property({ type: 'date', nullable: true })
  returnedOn!: string | null;

  @Field(() => ReturnCondition, { nullable: true, description: 'Condition recorded in the acceptance act.' })
  @Enum({ items: () => ReturnCondition, nativeEnumName: 'return_condition', nullable: true })
  returnCondition!: ReturnCondition | null;

  @Field(() => String, { nullable: true, description: 'Number of the acceptance act (contract §2.3.4).' })
  @Property({ type: 'text', nullable: true })
  acceptanceActNumber!: string | null;

  @Field(() => Int, { nullable: true, description: 'Refund of the unused part of the fee (contract §3.3), kopecks.' })
  @Property({ type: 'integer', nullable: true })
  refundKopecks!: number | null;

  @Property({ type: 'integer', default: 0 })
  repairChargeKopecks: number = 0;

  @Property({ type: 'integer', default: 0 })
  transportChargeKopecks: number = 0;

  @Property({ type: 'integer', default: 0 })
  compensationChargeKopecks: number = 0;

  @Field(() => String, { nullable: true, description: 'Why the renter pays (or not), with the clause, once settled.' })
  @Property({ type: 'text', nullable: true })
  settlementReason!: string | null;

  @Field(() => WithdrawalReason, {
    nullable: true,
    description: 'Why the aid was taken back early; null unless WITHDRAWN (seed 004 annex 1 §3.8).',
  })
  @Enum({ items: () => WithdrawalReason, nativeEnumName: 'rental_withdrawal_reason', nullable: true })
  withdrawalReason!: WithdrawalReason | null;

  @Field(() => ContractStatus, { description: 'Where the contract stands: active, returned, withdrawn or lost.' })
  @Enum({ items: () => ContractStatus, nativeEnumName: 'rental_contract_status' })
  status!: ContractStatus;
}
