import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';

export enum MseReferralPurpose {
  /** First examination: disability has not been established yet. */
  PRIMARY = 'PRIMARY',
  /** Re-examination at the date the bureau set (переосвидетельствование). */
  RE_EXAMINATION = 'RE_EXAMINATION',
}
registerEnumType(MseReferralPurpose, { name: 'MseReferralPurpose', description: 'Primary examination or re-examination.' });

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
registerEnumType(MseReferralStatus, { name: 'MseReferralStatus', description: 'Where a referral to MSE stands.' });

/**
 * A referral for medico-social expertise (направление на МСЭ), issued by the medical organization
 * that treats the person. It carries the date by which the examination is due (for a re-examination,
 * the date the bureau set last time) and, once examined, the next re-examination date the bureau set.
 */
@ObjectType({ description: 'A referral to medico-social expertise (направление на МСЭ).' })
@Entity({ tableName: 'mse_referral' })
export class MseReferral {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => ID, { description: 'The medical organization that issued the referral.' })
  @Property({ type: 'uuid', index: true })
  organizationId!: string;

  @Field(() => LocalDate, { description: 'Date of the referral.' })
  @Property({ type: 'date' })
  referredOn!: string;

  @Field(() => MseReferralPurpose)
  @Enum({ items: () => MseReferralPurpose, nativeEnumName: 'mse_referral_purpose' })
  purpose!: MseReferralPurpose;

  @Field(() => MseReferralStatus)
  @Enum({ items: () => MseReferralStatus, nativeEnumName: 'mse_referral_status' })
  status!: MseReferralStatus;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Date by which the examination must take place (the re-examination date for RE_EXAMINATION).',
  })
  @Property({ type: 'date', nullable: true })
  dueOn!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Date the bureau examined the person.' })
  @Property({ type: 'date', nullable: true })
  examinedOn!: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Next re-examination date set by the bureau at this examination; null when disability is set indefinitely.',
  })
  @Property({ type: 'date', nullable: true })
  nextReExaminationOn!: string | null;
}
