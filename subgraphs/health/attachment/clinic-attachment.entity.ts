import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Period, periodOf } from '../../kit/platform/period';
import { Person } from '../person/person.entity';
import { Organization, organizationRef } from '../../conventions/organization-reference';

/**
 * Attachment of a person to a clinic (прикрепление к поликлинике) for primary care: the clinic that
 * issues referrals to MSE and rehabilitation. A person is attached to one clinic at a time; the
 * previous attachment ends when a new one starts.
 */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'Attachment of a person to a clinic for primary care: the clinic that refers the person to MSE and to rehabilitation. ' +
    'A person is attached to one clinic at a time.',
})
@Entity({ tableName: 'clinic_attachment' })
export class ClinicAttachment {
  @Field(() => ID, { description: 'The id of the attachment.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Property({ type: 'uuid', index: true })
  organizationId!: string;

  @Property({ type: 'date' })
  fromDate!: string;

  @Property({ type: 'date', nullable: true })
  toDate!: string | null;

  @Field(() => Person, { nullable: true, description: 'The person attached to the clinic.' })
  get person(): Person {
    return { id: this.personId };
  }

  @Field(() => Organization, { nullable: true, description: 'The clinic, an organization of the directory.' })
  get organization(): Organization | null {
    return organizationRef(this.organizationId);
  }

  @Field(() => Period, { description: 'From the first day of the attachment to its last; open-ended while the attachment lasts.' })
  get period(): Period {
    return periodOf(this.fromDate, this.toDate);
  }
}

/** The attachment in force on `today` (the latest started, not yet ended). */
export function currentAttachment<T extends { fromDate: string; toDate: string | null }>(rows: T[], today: string): T | null {
  return (
    rows.filter((r) => r.fromDate <= today && (!r.toDate || r.toDate >= today)).sort((a, b) => b.fromDate.localeCompare(a.fromDate))[0] ??
    null
  );
}
