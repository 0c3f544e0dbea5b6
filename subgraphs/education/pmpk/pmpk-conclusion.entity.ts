import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';

/**
 * The adapted basic educational programme a PMPK recommends (federal adapted programmes are
 * written per kind of impairment).
 */
export enum AdaptedProgramKind {
  GENERAL = 'GENERAL',
  DEAF = 'DEAF',
  HARD_OF_HEARING = 'HARD_OF_HEARING',
  BLIND = 'BLIND',
  VISUALLY_IMPAIRED = 'VISUALLY_IMPAIRED',
  SEVERE_SPEECH_DISORDERS = 'SEVERE_SPEECH_DISORDERS',
  MUSCULOSKELETAL_DISORDERS = 'MUSCULOSKELETAL_DISORDERS',
  DEVELOPMENTAL_DELAY = 'DEVELOPMENTAL_DELAY',
  AUTISM_SPECTRUM = 'AUTISM_SPECTRUM',
  INTELLECTUAL_DISABILITY = 'INTELLECTUAL_DISABILITY',
}
registerEnumType(AdaptedProgramKind, {
  name: 'AdaptedProgramKind',
  description: 'Educational programme a PMPK recommends: the general one, or an adapted one by kind of impairment.',
});

/** Special educational conditions a PMPK may set out. */
export enum SpecialEducationalCondition {
  TUTOR = 'TUTOR',
  ASSISTANT = 'ASSISTANT',
  SPEECH_THERAPIST = 'SPEECH_THERAPIST',
  DEFECTOLOGIST = 'DEFECTOLOGIST',
  PSYCHOLOGIST = 'PSYCHOLOGIST',
  SIGN_LANGUAGE_INTERPRETER = 'SIGN_LANGUAGE_INTERPRETER',
  SPECIAL_EQUIPMENT = 'SPECIAL_EQUIPMENT',
  ACCESSIBLE_ENVIRONMENT = 'ACCESSIBLE_ENVIRONMENT',
  INDIVIDUAL_CURRICULUM = 'INDIVIDUAL_CURRICULUM',
  EXAM_ACCOMMODATIONS = 'EXAM_ACCOMMODATIONS',
}
registerEnumType(SpecialEducationalCondition, {
  name: 'SpecialEducationalCondition',
  description: 'A special educational condition set by a PMPK.',
});

/**
 * A conclusion of the psychological-medical-pedagogical commission: which programme the child
 * should learn by and which special conditions the school must create. Schools act on it until it
 * expires; then the child goes back to the commission.
 */
@ObjectType({ description: 'A PMPK conclusion: the recommended programme and special educational conditions.' })
@Entity({ tableName: 'pmpk_conclusion' })
@Unique({ properties: ['commissionOrganizationId', 'number'] })
export class PmpkConclusion {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => ID, { description: 'The commission (central or territorial PMPK) that issued the conclusion.' })
  @Property({ type: 'uuid', index: true })
  commissionOrganizationId!: string;

  @Field({ description: 'Number of the conclusion as the commission registered it.' })
  @Property({ type: 'text' })
  number!: string;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  date!: string;

  @Field(() => AdaptedProgramKind)
  @Enum({ items: () => AdaptedProgramKind, nativeEnumName: 'adapted_program_kind' })
  recommendedProgram!: AdaptedProgramKind;

  @Field(() => [SpecialEducationalCondition])
  @Property({ type: 'text[]' })
  conditions!: SpecialEducationalCondition[];

  @Field(() => String, { nullable: true, description: 'Further recommendations in the words of the commission.' })
  @Property({ type: 'text', nullable: true })
  recommendations!: string | null;

  @Field(() => LocalDate, { description: 'The conclusion is acted on until this date.' })
  @Property({ type: 'date' })
  validUntil!: string;
}
