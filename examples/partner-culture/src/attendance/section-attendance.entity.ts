import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '@federation-hub/partner-kit';
import { SectionEnrolment } from '../enrolment/section-enrolment.entity';

/** One day a child attended the section: a child attends once a day, so the day is unique per enrolment. */
@ObjectType({ description: 'A day the child attended a session of the section.' })
@Entity({ tableName: 'section_attendance' })
@Unique({ properties: ['enrolment', 'attendedOn'] })
export class SectionAttendance {
  @Field(() => ID, { description: 'The id of the attendance record.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => SectionEnrolment, { index: true })
  enrolment!: SectionEnrolment;

  @Field(() => LocalDate, { description: 'The day attended.' })
  @Property({ type: 'date' })
  attendedOn!: string;

  /** Client-supplied key: a retried record answers the first one. */
  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey!: string | null;
}
