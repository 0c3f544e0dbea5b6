import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum EducationLevel {
  KINDERGARTEN = 'KINDERGARTEN',
  SCHOOL = 'SCHOOL',
  COLLEGE = 'COLLEGE',
}
registerEnumType(EducationLevel, {
  name: 'EducationLevel',
  description: 'The level of education of an enrolment: kindergarten, school or college (vocational education).',
  valuesConfig: {
    KINDERGARTEN: { description: 'Pre-school education in a kindergarten.' },
    SCHOOL: { description: 'General education at school.' },
    COLLEGE: { description: 'Vocational education at a college or technical school.' },
  },
});

export enum EducationForm {
  REGULAR = 'REGULAR',
  INCLUSIVE_CLASS = 'INCLUSIVE_CLASS',
  SPECIAL_CLASS = 'SPECIAL_CLASS',
  HOME_SCHOOLING = 'HOME_SCHOOLING',
}
registerEnumType(EducationForm, {
  name: 'EducationForm',
  description: 'How the child learns: regular, inclusive class, special class, home schooling.',
  valuesConfig: {
    REGULAR: { description: 'In a regular class by the basic programme.' },
    INCLUSIVE_CLASS: {
      description: 'With peers in a regular class, with the special conditions of a PMPK conclusion (the enrolment cites it).',
    },
    SPECIAL_CLASS: { description: 'In a separate class by an adapted programme, on a PMPK conclusion (the enrolment cites it).' },
    HOME_SCHOOLING: { description: 'Taught at home on health grounds.' },
  },
});

/** A person's enrolment in a kindergarten, school or college for a period. */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A person's enrolment in a kindergarten, school or college for a period, in one form of learning." })
@Entity({ tableName: 'enrolment' })
export class Enrolment {
  @Field(() => ID, { description: 'The id of the enrolment.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The learner (hub person id); the API gives the edge `person`. */
  @Property({ type: 'uuid', index: true })
  personId!: string;

  /** Kindergarten, school or college (hub organization id); the API gives the edge `organization`. */
  @Property({ type: 'uuid', index: true })
  organizationId!: string;

  @Field(() => EducationLevel, { description: 'Kindergarten, school or college.' })
  @Enum({ items: () => EducationLevel, nativeEnumName: 'education_level' })
  level!: EducationLevel;

  @Field(() => EducationForm, { description: 'How the person learns there.' })
  @Enum({ items: () => EducationForm, nativeEnumName: 'education_form' })
  form!: EducationForm;

  @Field(() => String, { nullable: true, description: 'Group or class, e.g. "2 Б"; null when not given.' })
  @Property({ type: 'text', nullable: true })
  className!: string | null;

  @Property({ type: 'date' })
  fromDate!: string;

  /** Last day; null while the enrolment is open-ended. */
  @Property({ type: 'date', nullable: true })
  toDate!: string | null;

  /** The PMPK conclusion whose conditions the organization creates; the API gives the edge `pmpkConclusion`. */
  @Property({ type: 'uuid', nullable: true, index: true })
  pmpkConclusionId!: string | null;

  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey!: string | null;
}
