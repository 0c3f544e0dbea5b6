import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';

/**
 * The educational programme a PMPK recommends: the general one or an adapted basic programme (federal adapted
 * programmes are written per kind of impairment).
 */
export enum AdaptedProgrammeKind {
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
registerEnumType(AdaptedProgrammeKind, {
  name: 'AdaptedProgrammeKind',
  description: 'The educational programme a PMPK recommends: the general one, or an adapted one by kind of impairment.',
  valuesConfig: {
    GENERAL: { description: 'The general basic programme, with the special conditions of the conclusion.' },
    DEAF: { description: 'The adapted programme for deaf learners.' },
    HARD_OF_HEARING: { description: 'The adapted programme for hard-of-hearing and late-deafened learners.' },
    BLIND: { description: 'The adapted programme for blind learners.' },
    VISUALLY_IMPAIRED: { description: 'The adapted programme for visually impaired learners.' },
    SEVERE_SPEECH_DISORDERS: { description: 'The adapted programme for learners with severe speech disorders.' },
    MUSCULOSKELETAL_DISORDERS: { description: 'The adapted programme for learners with musculoskeletal disorders.' },
    DEVELOPMENTAL_DELAY: { description: 'The adapted programme for learners with a delay of mental development.' },
    AUTISM_SPECTRUM: { description: 'The adapted programme for learners with autism spectrum disorders.' },
    INTELLECTUAL_DISABILITY: { description: 'The adapted programme for learners with an intellectual disability.' },
  },
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
  description: 'A special educational condition a PMPK sets out and the school must create.',
  valuesConfig: {
    TUTOR: { description: 'A tutor accompanies the learner.' },
    ASSISTANT: { description: 'An assistant gives the learner technical help (moving, self-care).' },
    SPEECH_THERAPIST: { description: 'Lessons with a speech therapist.' },
    DEFECTOLOGIST: { description: 'Lessons with a teacher-defectologist.' },
    PSYCHOLOGIST: { description: 'Support of an educational psychologist.' },
    SIGN_LANGUAGE_INTERPRETER: { description: 'A sign language interpreter at lessons.' },
    SPECIAL_EQUIPMENT: { description: 'Special technical means of learning.' },
    ACCESSIBLE_ENVIRONMENT: { description: 'An accessible building and classroom (ramps, lifts, toilets).' },
    INDIVIDUAL_CURRICULUM: { description: 'Learning by an individual curriculum.' },
    EXAM_ACCOMMODATIONS: { description: 'Special conditions at examinations (time, form, assistant).' },
  },
});

/**
 * A conclusion of the psychological-medical-pedagogical commission: which programme the child
 * should learn by and which special conditions the school must create. Schools act on it until it
 * expires; then the child goes back to the commission.
 */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A conclusion of the psychological-medical-pedagogical commission (PMPK): the programme the child should learn by and the special conditions the school must create, acted on until it expires.',
})
@Entity({ tableName: 'pmpk_conclusion' })
@Unique({ properties: ['commissionOrganizationId', 'number'] })
export class PmpkConclusion {
  @Field(() => ID, { description: 'The id of the conclusion.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The child (hub person id); the API gives the edge `person`. */
  @Property({ type: 'uuid', index: true })
  personId!: string;

  /** The commission (central or territorial PMPK) that issued the conclusion; the API gives the edge `commission`. */
  @Property({ type: 'uuid', index: true })
  commissionOrganizationId!: string;

  @Field({ description: 'Number of the conclusion in the register of the commission; unique per commission.' })
  @Property({ type: 'text' })
  number!: string;

  @Field(() => LocalDate, { name: 'issuedOn', description: 'The day the commission issued the conclusion.' })
  @Property({ type: 'date' })
  date!: string;

  @Field(() => AdaptedProgrammeKind, { description: 'The programme the child should learn by.' })
  @Enum({ items: () => AdaptedProgrammeKind, nativeEnumName: 'adapted_program_kind', fieldName: 'recommended_program' })
  recommendedProgramme!: AdaptedProgrammeKind;

  @Field(() => [SpecialEducationalCondition], { description: 'The special educational conditions the school must create.' })
  @Property({ type: 'text[]' })
  conditions!: SpecialEducationalCondition[];

  @Field(() => String, { nullable: true, description: 'Further recommendations in the words of the commission; null when none.' })
  @Property({ type: 'text', nullable: true })
  recommendations!: string | null;

  /** The last day the conclusion is acted on. */
  @Property({ type: 'date' })
  validUntil!: string;

  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey!: string | null;
}
