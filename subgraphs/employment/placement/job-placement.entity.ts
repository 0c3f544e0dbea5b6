import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Period, periodOf } from '../../kit/platform/period';
import { Person, personRef } from '../person/person.entity';
import { Organization, organizationRef } from '../../conventions/organization-reference';

/**
 * Special measures that raise a disabled person's competitiveness on the labour market
 * (181-FZ art. 20–21), agreed with the regional cadre centre (seed 003 §28).
 */
export enum SpecialWorkplaceMeasure {
  QUOTA_JOB = 'QUOTA_JOB',
  SPECIAL_WORKPLACE = 'SPECIAL_WORKPLACE',
  WORKPLACE_ADAPTATION = 'WORKPLACE_ADAPTATION',
  ASSISTIVE_EQUIPMENT = 'ASSISTIVE_EQUIPMENT',
  REDUCED_HOURS = 'REDUCED_HOURS',
  SUPPORTED_EMPLOYMENT_MENTOR = 'SUPPORTED_EMPLOYMENT_MENTOR',
  RETRAINING = 'RETRAINING',
}
registerEnumType(SpecialWorkplaceMeasure, {
  name: 'SpecialWorkplaceMeasure',
  description: 'A special employment measure for a disabled person (181-FZ art. 20–21; seed 003 §28).',
  valuesConfig: {
    QUOTA_JOB: { description: 'A job within an employer’s quota for disabled people (181-FZ art. 21); the placement names the quota job.' },
    SPECIAL_WORKPLACE: { description: 'A workplace specially equipped for the person’s impairments (181-FZ art. 22).' },
    WORKPLACE_ADAPTATION: { description: 'An existing workplace adapted to the person (access, furniture, lighting).' },
    ASSISTIVE_EQUIPMENT: { description: 'Assistive equipment or technical aids at the workplace.' },
    REDUCED_HOURS: { description: 'Part-time or reduced working hours as the IPRA recommends.' },
    SUPPORTED_EMPLOYMENT_MENTOR: { description: 'A mentor accompanies the person at work (supported employment).' },
    RETRAINING: { description: 'Training or retraining for the job before or after the start.' },
  },
});

/** A person placed on a job, on a quota job or with an employer directly. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person’s placement on a job, with the special workplace measures taken (181-FZ art. 20–21; seed 003 §28).' })
@Entity({ tableName: 'job_placement' })
export class JobPlacement {
  /** API-only accessors (edges, period) and defaulted columns: not data to give `em.create`. */
  [OptionalProps]?: 'person' | 'organization' | 'period' | 'withCadreCentre';

  @Field(() => ID, { description: 'The placement’s id; refetch it with `node(id:)`.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => Person, { nullable: true, description: 'The person placed (from social protection); null when refused.' })
  get person(): Person {
    return personRef(this.personId);
  }

  /** The quota job taken, if any; exposed as the `quotaJob` edge (placement.resolver.ts). */
  @Property({ type: 'uuid', nullable: true, index: true })
  quotaJobId!: string | null;

  @Field({ description: 'The employer’s name, as the quota job or the specialist gave it (data text, Russian).' })
  @Property({ type: 'text' })
  employerName!: string;

  @Field({ description: 'The position the person holds (data text, Russian).' })
  @Property({ type: 'text' })
  position!: string;

  @Property({ type: 'uuid', index: true })
  organizationId!: string;

  @Field(() => Organization, { nullable: true, description: 'The employment centre that arranged the placement.' })
  get organization(): Organization | null {
    return organizationRef(this.organizationId);
  }

  @Property({ type: 'date' })
  startDate!: string;

  @Property({ type: 'date', nullable: true })
  endDate!: string | null;

  @Field(() => Period, { description: 'The term of the job: the first working day and the last one (`endsOn` null while open-ended).' })
  get period(): Period {
    return periodOf(this.startDate, this.endDate);
  }

  @Field(() => [SpecialWorkplaceMeasure], {
    description: 'The special measures taken for this placement; QUOTA_JOB whenever a quota job is taken.',
  })
  @Property({ type: 'text[]' })
  specialMeasures!: SpecialWorkplaceMeasure[];

  @Field({ description: 'True when the measures were agreed with the regional cadre centre (seed 003 §28).' })
  @Property({ type: 'boolean', default: false })
  withCadreCentre: boolean = false;

  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey!: string | null;
}
