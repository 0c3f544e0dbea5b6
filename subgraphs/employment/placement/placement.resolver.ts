import { LockMode } from '@mikro-orm/core';
import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { badInput, notFound } from '../../kit/platform/errors';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { JobSeekerRegistration, JobSeekerStatus } from '../job-seeker/job-seeker-registration.entity';
import { QuotaJob } from '../quota-job/quota-job.entity';
import { writeOnce } from '../../kit/platform/idempotency';
import { assertIdempotencyKey, assertOrganizationId, assertPersonId, assertRecordId, assertText } from '../../kit/platform/input-rules';
import { assertEmploymentSpecialist } from '../shared/specialist.policy';
import { JobPlacement, SpecialWorkplaceMeasure } from './job-placement.entity';
import { checkPlacement, checkQuotaPlaceFree } from './placement.rules';

@InputType({ description: 'A placement on a quota job or with an employer, with its special measures (181-FZ art. 20–21).' })
export class PlaceOnJobInput {
  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;

  @Field(() => ID)
  personId!: string;

  @Field(() => ID, { description: 'Employment centre arranging the placement.' })
  organizationId!: string;

  @Field(() => ID, { nullable: true, description: 'The quota job taken; the employer name is then taken from it.' })
  quotaJobId?: string | null;

  @Field(() => String, { nullable: true, description: 'Employer, when not a quota job.' })
  employerName?: string | null;

  @Field()
  position!: string;

  @Field(() => LocalDate)
  startDate!: string;

  @Field(() => LocalDate, { nullable: true })
  endDate?: string | null;

  @Field(() => [SpecialWorkplaceMeasure], { defaultValue: [] })
  specialMeasures!: SpecialWorkplaceMeasure[];

  @Field({ defaultValue: false, description: 'Measures agreed with the regional cadre centre (seed 003 §28).' })
  withCadreCentre!: boolean;
}

@Resolver(() => JobPlacement)
export class PlacementResolver {
  @Authorized(Role.SPECIALIST)
  @Mutation(() => JobPlacement, {
    description:
      'Places a person on a job. Takes a quota place when a quota job is named; closes an active job-seeker registration as PLACED.',
  })
  async placeOnJob(@Arg('input') input: PlaceOnJobInput, @Ctx() ctx: HubContext): Promise<JobPlacement> {
    assertEmploymentSpecialist(ctx);
    const key = assertIdempotencyKey(input.idempotencyKey);
    const personId = assertPersonId(input.personId);
    const organizationId = assertOrganizationId(input.organizationId);
    const quotaJobId = input.quotaJobId ? assertRecordId(input.quotaJobId, 'quotaJobId') : null;
    checkPlacement({ ...input, endDate: input.endDate ?? null, quotaJobId });
    if (!quotaJobId && !input.employerName)
      throw badInput('Name the employer (employerName) or the quota job (quotaJobId)', { field: 'employerName' });
    return writeOnce(ctx, JobPlacement, key, personId, async (em) => {
      let employerName = input.employerName ? assertText(input.employerName, 'employerName', 300) : '';
      const measures = [...input.specialMeasures];
      if (quotaJobId) {
        // Row lock: two placements cannot take the last quota place at once.
        const job = await em.findOne(QuotaJob, { id: quotaJobId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!job) throw notFound('Quota job', quotaJobId);
        checkQuotaPlaceFree(job);
        job.filled += 1;
        employerName = job.employerName;
        if (!measures.includes(SpecialWorkplaceMeasure.QUOTA_JOB)) measures.unshift(SpecialWorkplaceMeasure.QUOTA_JOB);
      }
      const placement = em.create(JobPlacement, {
        personId,
        quotaJobId,
        employerName,
        position: input.position.trim(),
        organizationId,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        specialMeasures: measures,
        withCadreCentre: input.withCadreCentre,
        idempotencyKey: key,
      });
      const active = await em.find(JobSeekerRegistration, { personId, status: JobSeekerStatus.ACTIVE });
      for (const registration of active) {
        registration.status = JobSeekerStatus.PLACED;
        registration.closedOn = input.startDate;
      }
      ctx.audit.recordWrite(em, 'placeOnJob', [personId]);
      return placement;
    });
  }
}
