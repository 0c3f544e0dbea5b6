import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';

export enum RehabilitationCourseStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  /** Stopped before the end (illness, the patient left). */
  INTERRUPTED = 'INTERRUPTED',
}
registerEnumType(RehabilitationCourseStatus, {
  name: 'RehabilitationCourseStatus',
  description: 'Where a medical rehabilitation course stands.',
});

/** A course of medical rehabilitation in a medical organization, often executing an IPRA measure. */
@ObjectType({ description: 'A medical rehabilitation course.' })
@Entity({ tableName: 'rehabilitation_course' })
export class RehabilitationCourse {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => ID, { description: 'Medical organization giving the course.' })
  @Property({ type: 'uuid', index: true })
  organizationId!: string;

  @Field({ description: 'The course as the organization names it, e.g. "Медицинская реабилитация, дневной стационар".' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  fromDate!: string;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  toDate!: string;

  @Field(() => RehabilitationCourseStatus)
  @Enum({ items: () => RehabilitationCourseStatus, nativeEnumName: 'rehabilitation_course_status' })
  status!: RehabilitationCourseStatus;

  @Field(() => ID, { nullable: true, description: 'The IPRA measure this course executes, if any.' })
  @Property({ type: 'uuid', nullable: true, index: true })
  ipraMeasureId!: string | null;
}
