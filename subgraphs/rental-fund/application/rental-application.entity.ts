import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';
import { ApplicationStatus, DocumentKind, PriorityCategory, RentalGround } from '../enums';
import { AidType } from '../stock/aid-type.entity';
import { RentalItem } from '../stock/rental-item.entity';
import { RentalPoint } from '../stock/rental-point.entity';

/**
 * An application for an aid (seed 004 annex 1 §3.2–3.3): the person, the aid, the ground (§2.1),
 * the documents presented, and — because the IPRA is one of those documents — the aids the IPRA
 * lists, which decide the price (§4.2). When no unit is free it waits in the queue of its point
 * and aid type (`status = QUEUED`), out-of-turn categories first (§2.2).
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'An application for a technical aid from the rental fund (seed 004 annex 1 §3.2–3.3).' })
@Entity({ tableName: 'rental_application' })
@Index({ properties: ['rentalPoint', 'aidType', 'status'] })
export class RentalApplication {
  @Field(() => ID, { description: 'The id of the application; refetch it with `node(id:)`.' })
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** Client-supplied: a retried submission returns the application already made (null when the client gave none). */
  @Property({ type: 'text', unique: true, nullable: true })
  idempotencyKey!: string | null;

  @Field(() => ID, { description: 'The hub person id of the applicant; `person` is the applicant.' })
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field({ description: 'SNILS of the applicant as presented.' })
  @Property({ type: 'string', length: 11 })
  snils!: string;

  @ManyToOne(() => AidType, { fieldName: 'aid_code', index: true })
  aidType!: AidType;

  @ManyToOne(() => RentalPoint, { fieldName: 'rental_point_id', index: true })
  rentalPoint!: RentalPoint;

  @Field(() => RentalGround, { description: 'The ground the applicant rents on; it decides the price (seed 004 annex 1 §2.1, §4.2–4.3).' })
  @Enum({ items: () => RentalGround, nativeEnumName: 'rental_ground' })
  ground!: RentalGround;

  @Field(() => [DocumentKind], { description: 'Kinds of documents presented (§3.3).' })
  @Property({ type: 'text[]' })
  documents!: DocumentKind[];

  @Field(() => [String], {
    nullable: true,
    description: 'Aid codes listed in the IPRA presented with the application; null when no IPRA was presented.',
  })
  @Property({ type: 'text[]', nullable: true })
  ipraAids!: string[] | null;

  @Field(() => PriorityCategory, { nullable: true, description: 'Set for the categories served out of turn (§2.2).' })
  @Enum({ items: () => PriorityCategory, nativeEnumName: 'rental_priority_category', nullable: true })
  priorityCategory!: PriorityCategory | null;

  @Field({ description: 'When the application was received: first come, first served within a queue.' })
  @Property({ type: 'timestamptz' })
  appliedAt!: Date;

  @Field(() => LocalDate, { description: 'Day of the application, as the issue journal shows it (annex 2).' })
  @Property({ type: 'date' })
  appliedOn!: string;

  @Field(() => Int, { description: 'Days of use needed (the term is agreed by need, at most 1 year, §3.6).' })
  @Property({ type: 'integer' })
  requestedDays!: number;

  @Field({ description: 'Whether the aid is delivered home (§3.5), decided when applying.' })
  @Property({ type: 'boolean' })
  deliveryRequired!: boolean;

  @Field({ description: 'Why the aid is delivered home or not, with the clause (seed 004 annex 1 §3.5).' })
  @Property({ type: 'text' })
  deliveryReason!: string;

  @Field(() => ApplicationStatus, { description: 'Where the application stands: queued, issued, refused or withdrawn.' })
  @Enum({ items: () => ApplicationStatus, nativeEnumName: 'rental_application_status' })
  status!: ApplicationStatus;

  @Field(() => String, { nullable: true, description: 'Who submitted it (the caller’s subject).' })
  @Property({ type: 'text', nullable: true })
  submittedBy!: string | null;

  // The reservation (issue 15 §5.5): GraphQL `RentalApplication.reservation` (application.resolver.ts).
  /** The item held for the applicant while RESERVED (and kept for the record after). */
  @ManyToOne(() => RentalItem, { fieldName: 'reserved_item_id', nullable: true })
  reservedItem?: RentalItem | null = null;

  @Property({ type: 'date', nullable: true })
  reservedOn?: string | null = null;

  /** The last day the applicant may come (rules/reservation.ts). */
  @Property({ type: 'date', nullable: true })
  reservationDueOn?: string | null = null;

  /** The notice shown to the applicant (no external sending). */
  @Property({ type: 'text', nullable: true })
  reservationNotice?: string | null = null;
}
