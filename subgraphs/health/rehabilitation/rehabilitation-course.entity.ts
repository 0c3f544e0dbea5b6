import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Period, periodOf } from '../../kit/platform/period';
import { Person } from '../person/person.entity';
import { Organization, organizationRef } from '../../conventions/organization-reference';

export enum RehabilitationCourseStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  /** Stopped before the end (illness, the patient left). */
  INTERRUPTED = 'INTERRUPTED',
}
registerEnumType(RehabilitationCourseStatus, {
  name: 'RehabilitationCourseStatus',
  description: 'Where a medical rehabilitation course stands.',
  valuesConfig: {
    PLANNED: { description: 'Planned; the course has not begun.' },
    IN_PROGRESS: { description: 'Under way; past its last day the route shows it OVERDUE.' },
    DONE: { description: 'Finished as planned.' },
    INTERRUPTED: { description: 'Stopped before the end (illness, the patient left).' },
  },
});

/** A course of medical rehabilitation in a medical organization, often executing an IPRA measure. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A course of medical rehabilitation in a medical organization, often executing a measure of an IPRA.' })
@Entity({ tableName: 'rehabilitation_course' })
export class RehabilitationCourse {
  @Field(() => ID, { description: 'The id of the course.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Property({ type: 'uuid', index: true })
  organizationId!: string;

  @Field({ description: 'The course as the organization names it, e.g. "Медицинская реабилитация, дневной стационар".' })
  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'date' })
  fromDate!: string;

  @Property({ type: 'date' })
  toDate!: string;

  @Field(() => RehabilitationCourseStatus, { description: 'Where the course stands.' })
  @Enum({ items: () => RehabilitationCourseStatus, nativeEnumName: 'rehabilitation_course_status' })
  status!: RehabilitationCourseStatus;

  @Property({ type: 'uuid', nullable: true, index: true })
  ipraMeasureId!: string | null;

  @Field(() => Person, { nullable: true, description: 'The person taking the course.' })
  get person(): Person {
    return { id: this.personId };
  }

  @Field(() => Organization, { nullable: true, description: 'The medical organization giving the course.' })
  get organization(): Organization | null {
    return organizationRef(this.organizationId);
  }

  @Field(() => Period, { description: 'The first and the last day of the course, as planned or as it went.' })
  get period(): Period {
    return periodOf(this.fromDate, this.toDate);
  }
}
