import { Entity, OptionalProps, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Period, periodOf } from '../../kit/platform/period';
import { Person, personRef } from '../person/person.entity';
import { Organization, organizationRef } from '../../conventions/organization-reference';

export enum SocialContractMeasureStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  NOT_DONE = 'NOT_DONE',
}
registerEnumType(SocialContractMeasureStatus, {
  name: 'SocialContractMeasureStatus',
  description: 'How the employment service reports a measure of a social contract’s adaptation programme (seed 004 annex 5 §4.1.5).',
  valuesConfig: {
    PLANNED: { description: 'In the programme, not started yet.' },
    IN_PROGRESS: { description: 'Under way; past its last day it shows as OVERDUE in the route.' },
    DONE: { description: 'Carried out; cannot be reported before the measure has started.' },
    NOT_DONE: { description: 'Not carried out (the person did not take part, or the measure was dropped).' },
  },
});

/**
 * A measure of a social contract's programme of social adaptation executed by the employment service
 * (job search, training, self-employment): seed 004 annex 5 §1.3, §4.1.5 — the contract is concluded by
 * social protection; the employment service reports its part back.
 */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "A measure of a social contract's adaptation programme that the employment service carries out; social protection concludes the contract (seed 004 annex 5 §1.3, §4.1.5).",
})
@Entity({ tableName: 'social_contract_employment_measure' })
export class SocialContractEmploymentMeasure {
  /** API-only accessors (edges, period) and defaulted columns: not data to give `em.create`. */
  [OptionalProps]?: 'person' | 'organization' | 'period';

  @Field(() => ID, { description: 'The measure’s id; refetch it with `node(id:)`.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => Person, {
    nullable: true,
    description: 'The person who concluded the social contract (from social protection); null when refused.',
  })
  get person(): Person {
    return personRef(this.personId);
  }

  @Field({ description: 'Number of the social contract as social protection registered it.' })
  @Property({ type: 'text', index: true })
  contractNumber!: string;

  @Field({ description: 'The measure, e.g. "Поиск работы", "Профессиональное обучение" (data text, Russian).' })
  @Property({ type: 'text' })
  measure!: string;

  @Property({ type: 'uuid', index: true })
  organizationId!: string;

  @Field(() => Organization, { nullable: true, description: 'The employment centre carrying out the measure.' })
  get organization(): Organization | null {
    return organizationRef(this.organizationId);
  }

  @Property({ type: 'date' })
  startDate!: string;

  @Property({ type: 'date' })
  endDate!: string;

  @Field(() => Period, {
    description: 'When the measure is carried out, as the programme plans it; past `endsOn` an open measure is overdue.',
  })
  get period(): Period {
    return periodOf(this.startDate, this.endDate);
  }

  @Field(() => SocialContractMeasureStatus, { description: 'How far the measure has got.' })
  @Enum({ items: () => SocialContractMeasureStatus, nativeEnumName: 'social_contract_measure_status' })
  status!: SocialContractMeasureStatus;

  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey!: string | null;
}
