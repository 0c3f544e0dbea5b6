import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';
import { Person } from '../person/person.entity';
import { Organization, organizationRef } from '../../conventions/organization-reference';

export enum MseReferralPurpose {
  /** First examination: disability has not been established yet. */
  PRIMARY = 'PRIMARY',
  /** Re-examination at the date the bureau set (переосвидетельствование). */
  RE_EXAMINATION = 'RE_EXAMINATION',
}
registerEnumType(MseReferralPurpose, {
  name: 'MseReferralPurpose',
  description: 'Why the person is referred to the MSE bureau: a first examination or a re-examination at the date the bureau set.',
  valuesConfig: {
    PRIMARY: { description: 'First examination: disability has not been established yet.' },
    RE_EXAMINATION: { description: 'Re-examination (переосвидетельствование) at the date the bureau set at the previous examination.' },
  },
});

export enum MseReferralStatus {
  /** Being prepared by the medical organization (examinations, documents). */
  PREPARED = 'PREPARED',
  /** Sent to the MSE bureau, examination pending. */
  SENT = 'SENT',
  /** The bureau has examined the person. */
  EXAMINED = 'EXAMINED',
  /** Returned by the bureau as incomplete. */
  RETURNED = 'RETURNED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(MseReferralStatus, {
  name: 'MseReferralStatus',
  description: 'Where a referral to MSE stands, from its preparation by the medical organization to the examination by the bureau.',
  valuesConfig: {
    PREPARED: { description: 'Being prepared by the medical organization (examinations, documents).' },
    SENT: { description: 'Sent to the MSE bureau; the examination is pending.' },
    EXAMINED: { description: 'The bureau has examined the person.' },
    RETURNED: { description: 'Returned by the bureau as incomplete.' },
    CANCELLED: { description: 'Called off before the examination.' },
  },
});

/**
 * A referral for medico-social expertise (направление на МСЭ), issued by the medical organization
 * that treats the person. It carries the date by which the examination is due (for a re-examination,
 * the date the bureau set last time) and, once examined, the next re-examination date the bureau set.
 */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A referral to medico-social expertise (направление на МСЭ), issued by the medical organization that treats the person; ' +
    'once examined, it carries the next re-examination date the bureau set.',
})
@Entity({ tableName: 'mse_referral' })
export class MseReferral {
  @Field(() => ID, { description: 'The id of the referral.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Property({ type: 'uuid', index: true })
  organizationId!: string;

  @Field(() => LocalDate, { description: 'The day the medical organization issued the referral.' })
  @Property({ type: 'date' })
  referredOn!: string;

  @Field(() => MseReferralPurpose, { description: 'A first examination or a re-examination.' })
  @Enum({ items: () => MseReferralPurpose, nativeEnumName: 'mse_referral_purpose' })
  purpose!: MseReferralPurpose;

  @Field(() => MseReferralStatus, { description: 'Where the referral stands.' })
  @Enum({ items: () => MseReferralStatus, nativeEnumName: 'mse_referral_status' })
  status!: MseReferralStatus;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'The day by which the examination must take place (for RE_EXAMINATION, the re-examination date the bureau set); past it the route shows the referral OVERDUE.',
  })
  @Property({ type: 'date', nullable: true })
  dueOn!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'The day the bureau examined the person; null until then.' })
  @Property({ type: 'date', nullable: true })
  examinedOn!: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'Next re-examination date the bureau set at this examination; null when disability is set indefinitely. Missing it ends the disability and the IPRA with it.',
  })
  @Property({ type: 'date', nullable: true })
  nextReExaminationOn!: string | null;

  @Field(() => Person, { nullable: true, description: 'The person referred to MSE.' })
  get person(): Person {
    return { id: this.personId };
  }

  @Field(() => Organization, { nullable: true, description: 'The medical organization that issued the referral.' })
  get organization(): Organization | null {
    return organizationRef(this.organizationId);
  }
}
