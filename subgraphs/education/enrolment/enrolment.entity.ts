import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';

export enum EducationLevel {
  KINDERGARTEN = 'KINDERGARTEN',
  SCHOOL = 'SCHOOL',
  COLLEGE = 'COLLEGE',
}
registerEnumType(EducationLevel, { name: 'EducationLevel', description: 'Kindergarten, school or college (vocational education).' });

export enum EducationForm {
  REGULAR = 'REGULAR',
  /** Learns with peers in a regular class, with the special conditions of a PMPK conclusion. */
  INCLUSIVE_CLASS = 'INCLUSIVE_CLASS',
  /** A separate class by an adapted programme. */
  SPECIAL_CLASS = 'SPECIAL_CLASS',
  /** Taught at home on health grounds. */
  HOME_SCHOOLING = 'HOME_SCHOOLING',
}
registerEnumType(EducationForm, {
  name: 'EducationForm',
  description: 'How the child learns: regular, inclusive class, special class, home schooling.',
});

/** A person's enrolment in a kindergarten, school or college for a period. */
@ObjectType({ description: 'Enrolment in an education organization.' })
@Entity({ tableName: 'enrolment' })
export class Enrolment {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => ID, { description: 'Kindergarten, school or college (hub organization id).' })
  @Property({ type: 'uuid', index: true })
  organizationId!: string;

  @Field(() => EducationLevel)
  @Enum({ items: () => EducationLevel, nativeEnumName: 'education_level' })
  level!: EducationLevel;

  @Field(() => EducationForm)
  @Enum({ items: () => EducationForm, nativeEnumName: 'education_form' })
  form!: EducationForm;

  @Field(() => String, { nullable: true, description: 'Group or class, e.g. "2 Б".' })
  @Property({ type: 'text', nullable: true })
  className!: string | null;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  fromDate!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last day; null while the enrolment is open-ended.' })
  @Property({ type: 'date', nullable: true })
  toDate!: string | null;

  @Field(() => ID, { nullable: true, description: 'The PMPK conclusion whose conditions the organization creates for this enrolment.' })
  @Property({ type: 'uuid', nullable: true, index: true })
  pmpkConclusionId!: string | null;

  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey!: string | null;
}
