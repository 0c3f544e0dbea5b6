import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';

export enum SocialContractMeasureStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  NOT_DONE = 'NOT_DONE',
}
registerEnumType(SocialContractMeasureStatus, { name: 'SocialContractMeasureStatus' });

/**
 * A measure of a social contract's programme of social adaptation executed by the employment service
 * (job search, training, self-employment): seed 004 annex 5 §1.3, §4.1.5 — the contract is concluded by
 * social protection; the employment service reports its part back.
 */
@ObjectType({ description: "A measure of a social contract's adaptation programme executed by the employment service (seed 004 annex 5)." })
@Entity({ tableName: 'social_contract_employment_measure' })
export class SocialContractEmploymentMeasure {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field({ description: 'Number of the social contract as social protection registered it.' })
  @Property({ type: 'text', index: true })
  contractNumber!: string;

  @Field({ description: 'The measure, e.g. "Поиск работы", "Профессиональное обучение".' })
  @Property({ type: 'text' })
  measure!: string;

  @Field(() => ID, { description: 'Employment centre executing the measure.' })
  @Property({ type: 'uuid', index: true })
  organizationId!: string;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  startDate!: string;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  endDate!: string;

  @Field(() => SocialContractMeasureStatus)
  @Enum({ items: () => SocialContractMeasureStatus, nativeEnumName: 'social_contract_measure_status' })
  status!: SocialContractMeasureStatus;

  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey!: string | null;
}
