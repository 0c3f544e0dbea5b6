import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '@federation-hub/partner-kit';
import { Section } from '../sections/section.entity';

/** A child's membership of a section: active from `enrolledOn` until `leftOn`. */
@ObjectType({ description: "A child's enrolment in a section of the centre: active from the day enrolled until the day left." })
@Entity({ tableName: 'section_enrolment' })
export class SectionEnrolment {
  @Field(() => ID, { description: 'The id of the enrolment; attendance is recorded against it.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID, { description: 'The hub person id of the child.' })
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @ManyToOne(() => Section, { index: true })
  section!: Section;

  @Field(() => LocalDate, { description: 'The first day in the section.' })
  @Property({ type: 'date' })
  enrolledOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'The day the child left the section; null while enrolled.' })
  @Property({ type: 'date', nullable: true })
  leftOn!: string | null;

  /** Client-supplied key: a retried enrolment answers the first one. */
  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey!: string | null;
}
