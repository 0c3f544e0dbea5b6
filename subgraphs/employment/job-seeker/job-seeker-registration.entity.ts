import { Entity, OptionalProps, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';
import { Person, personRef } from '../person/person.entity';
import { Organization, organizationRef } from '../../conventions/organization-reference';

export enum JobSeekerStatus {
  ACTIVE = 'ACTIVE',
  /** Placed on a job: the registration has done its work. */
  PLACED = 'PLACED',
  DEREGISTERED = 'DEREGISTERED',
}
registerEnumType(JobSeekerStatus, {
  name: 'JobSeekerStatus',
  description: 'Where a registration with the employment service as a job seeker stands.',
  valuesConfig: {
    ACTIVE: { description: 'Registered and looking for work; a person has at most one active registration.' },
    PLACED: { description: 'Closed because the person was placed on a job (the placement closes it).' },
    DEREGISTERED: { description: 'Closed for another reason (the person withdrew or stopped attending).' },
  },
});

/** Registration of a person with the employment centre as a job seeker. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Registration of a person with the employment service as a job seeker (seed 003 §28).' })
@Entity({ tableName: 'job_seeker_registration' })
export class JobSeekerRegistration {
  /** API-only accessors (edges, period) and defaulted columns: not data to give `em.create`. */
  [OptionalProps]?: 'person' | 'organization';

  @Field(() => ID, { description: 'The registration’s id; refetch it with `node(id:)`.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => Person, { nullable: true, description: 'The registered person (from social protection); null when refused.' })
  get person(): Person {
    return personRef(this.personId);
  }

  @Property({ type: 'uuid', index: true })
  organizationId!: string;

  @Field(() => Organization, { nullable: true, description: 'The employment centre where the person is registered.' })
  get organization(): Organization | null {
    return organizationRef(this.organizationId);
  }

  @Field(() => LocalDate, { description: 'The day of registration; never in the future.' })
  @Property({ type: 'date' })
  registeredOn!: string;

  @Field(() => JobSeekerStatus, { description: 'Whether the registration is active or how it was closed.' })
  @Enum({ items: () => JobSeekerStatus, nativeEnumName: 'job_seeker_status' })
  status!: JobSeekerStatus;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The day the registration ended (placement or deregistration); null while active.',
  })
  @Property({ type: 'date', nullable: true })
  closedOn!: string | null;

  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey!: string | null;
}
