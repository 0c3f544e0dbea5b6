import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';

/**
 * Attachment of a person to a clinic (прикрепление к поликлинике) for primary care: the clinic that
 * issues referrals to MSE and rehabilitation. A person is attached to one clinic at a time; the
 * previous attachment ends when a new one starts.
 */
@ObjectType({ description: 'Attachment of a person to a clinic for primary care.' })
@Entity({ tableName: 'clinic_attachment' })
export class ClinicAttachment {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => ID, { description: 'The clinic (hub organization id).' })
  @Property({ type: 'uuid', index: true })
  organizationId!: string;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  fromDate!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last day; null while the attachment lasts.' })
  @Property({ type: 'date', nullable: true })
  toDate!: string | null;
}

/** The attachment in force on `today` (the latest started, not yet ended). */
export function currentAttachment<T extends { fromDate: string; toDate: string | null }>(rows: T[], today: string): T | null {
  return (
    rows.filter((r) => r.fromDate <= today && (!r.toDate || r.toDate >= today)).sort((a, b) => b.fromDate.localeCompare(a.fromDate))[0] ??
    null
  );
}
