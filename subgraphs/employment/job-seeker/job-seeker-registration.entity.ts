import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';

export enum JobSeekerStatus {
  ACTIVE = 'ACTIVE',
  /** Placed on a job: the registration has done its work. */
  PLACED = 'PLACED',
  DEREGISTERED = 'DEREGISTERED',
}
registerEnumType(JobSeekerStatus, {
  name: 'JobSeekerStatus',
  description: 'Registration with the employment service: active, placed, deregistered.',
});

/** Registration of a person with the employment centre as a job seeker. */
@ObjectType({ description: 'Registration with the employment service as a job seeker.' })
@Entity({ tableName: 'job_seeker_registration' })
export class JobSeekerRegistration {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => ID, { description: 'Employment centre (hub organization id).' })
  @Property({ type: 'uuid', index: true })
  organizationId!: string;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  registeredOn!: string;

  @Field(() => JobSeekerStatus)
  @Enum({ items: () => JobSeekerStatus, nativeEnumName: 'job_seeker_status' })
  status!: JobSeekerStatus;

  @Field(() => LocalDate, { nullable: true, description: 'When the registration ended (placement or deregistration).' })
  @Property({ type: 'date', nullable: true })
  closedOn!: string | null;

  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey!: string | null;
}
