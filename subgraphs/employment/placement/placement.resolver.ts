import { LockMode } from '@mikro-orm/core';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy } from '../../kit/platform/entity-loaders';
import { badInput, notFound } from '../../kit/platform/errors';
import { PeriodInput } from '../../kit/platform/period';
import { Role } from '../../kit/policy/roles';
import { MutationPayload, payloadOf } from '../../kit/platform/user-errors';
import { JobSeekerRegistration, JobSeekerStatus } from '../job-seeker/job-seeker-registration.entity';
import { QuotaJob } from '../quota-job/quota-job.entity';
import { writeOnce } from '../../kit/platform/idempotency';
import { assertIdempotencyKey, assertOrganizationId, assertPersonId, assertRecordId, assertText } from '../../kit/platform/input-rules';
import { assertEmploymentSpecialist } from '../shared/specialist.policy';
import { JobPlacement, SpecialWorkplaceMeasure } from './job-placement.entity';
import { checkPlacement, checkQuotaPlaceFree } from './placement.rules';

@InputType({ description: 'A placement on a quota job or with an employer, with its special measures (181-FZ art. 20–21; seed 003 §28).' })
export class PlaceOnJobInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Client-supplied key (8–128 letters, digits, "-", "_", ".", ":"): a retry with the same key answers the placement the first call made.',
  })
  idempotencyKey?: string | null;

  @Field(() => ID, { description: 'The person placed (hub person id).' })
  personId!: string;

  @Field(() => ID, { description: 'The employment centre arranging the placement (directory organization id).' })
  organizationId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The quota job taken, if any: it takes one of its places, and the employer name comes from it.',
  })
  quotaJobId?: string | null;

  @Field(() => String, { nullable: true, description: 'The employer, when the job is not a quota job (data text, Russian).' })
  employerName?: string | null;

  @Field({ description: 'The position (data text, Russian, up to 200 characters).' })
  position!: string;

  @Field(() => PeriodInput, { description: 'The term of the job: `startsOn` required; leave `endsOn` out for a permanent job.' })
  period!: PeriodInput;

  @Field(() => [SpecialWorkplaceMeasure], {
    defaultValue: [],
    description: 'The special measures taken (each once); QUOTA_JOB is added when a quota job is named and needs one.',
  })
  specialMeasures!: SpecialWorkplaceMeasure[];

  @Field({ defaultValue: false, description: 'True when the measures were agreed with the regional cadre centre (seed 003 §28).' })
  withCadreCentre!: boolean;
}

@ObjectType({ description: 'What placeOnJob did: the placement and the records it changed, or why it was refused.' })
export class PlaceOnJobPayload extends MutationPayload {
  @Field(() => JobPlacement, {
    nullable: true,
    description: 'The placement made (or made by the first call with this idempotencyKey); null when refused.',
  })
  jobPlacement?: JobPlacement | null;

  @Field(() => QuotaJob, {
    nullable: true,
    description: 'The quota job whose place the placement took, with its new `filled`; null when none.',
  })
  quotaJob?: QuotaJob | null;

  @Field(() => JobSeekerRegistration, {
    nullable: true,
    description: 'The job-seeker registration the placement closed as PLACED; null when the person had no active registration.',
  })
  jobSeekerRegistration?: JobSeekerRegistration | null;
}

@Resolver(() => JobPlacement)
export class PlacementResolver {
  @FieldResolver(() => QuotaJob, {
    nullable: true,
    description: 'The quota job the placement took a place of; null for a job outside the quota.',
  })
  quotaJob(@Root() placement: JobPlacement, @Ctx() ctx: HubContext): Promise<QuotaJob | null> | null {
    return placement.quotaJobId ? loaderBy(ctx, QuotaJob, 'id').load(placement.quotaJobId) : null;
  }

  @Authorized(Role.SPECIALIST)
  @Mutation(() => PlaceOnJobPayload, {
    description:
      'Places a person on a job (employment-service specialists only). Takes a quota place when a quota job is named ' +
      '(RULE_VIOLATION once all are filled, 181-FZ art. 21) and closes an active job-seeker registration as PLACED.',
  })
  placeOnJob(
    @Arg('input', { description: 'The person, the job and its special measures.' }) input: PlaceOnJobInput,
    @Ctx() ctx: HubContext,
  ): Promise<PlaceOnJobPayload> {
    assertEmploymentSpecialist(ctx);
    return payloadOf(ctx, async () => {
      const key = assertIdempotencyKey(input.idempotencyKey);
      const personId = assertPersonId(input.personId);
      const organizationId = assertOrganizationId(input.organizationId);
      const quotaJobId = input.quotaJobId ? assertRecordId(input.quotaJobId, 'quotaJobId') : null;
      const term = checkPlacement({ ...input, quotaJobId });
      if (!quotaJobId && !input.employerName)
        throw badInput('Name the employer (employerName) or the quota job (quotaJobId)', { field: 'employerName' });
      let quotaJob: QuotaJob | null = null;
      let closed: JobSeekerRegistration | null = null;
      const jobPlacement = await writeOnce(ctx, JobPlacement, key, personId, async (em) => {
        let employerName = input.employerName ? assertText(input.employerName, 'employerName', 300) : '';
        const measures = [...input.specialMeasures];
        if (quotaJobId) {
          // Row lock: two placements cannot take the last quota place at once.
          const job = await em.findOne(QuotaJob, { id: quotaJobId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
          if (!job) throw notFound('Quota job', quotaJobId);
          checkQuotaPlaceFree(job);
          job.filled += 1;
          employerName = job.employerName;
          quotaJob = job;
          if (!measures.includes(SpecialWorkplaceMeasure.QUOTA_JOB)) measures.unshift(SpecialWorkplaceMeasure.QUOTA_JOB);
        }
        const placement = em.create(JobPlacement, {
          personId,
          quotaJobId,
          employerName,
          position: input.position.trim(),
          organizationId,
          startDate: term.startsOn,
          endDate: term.endsOn,
          specialMeasures: measures,
          withCadreCentre: input.withCadreCentre,
          idempotencyKey: key,
        });
        // A person has at most one active registration (registerJobSeeker refuses a second one).
        const active = await em.find(JobSeekerRegistration, { personId, status: JobSeekerStatus.ACTIVE });
        for (const registration of active) {
          registration.status = JobSeekerStatus.PLACED;
          registration.closedOn = term.startsOn;
        }
        closed = active[0] ?? null;
        ctx.audit.recordWrite(em, 'placeOnJob', [personId]);
        return placement;
      });
      // A retry with the key answers the first call's placement; the quota job it took is read back with it.
      const job =
        (quotaJob as QuotaJob | null) ??
        (jobPlacement.quotaJobId ? await loaderBy(ctx, QuotaJob, 'id').load(jobPlacement.quotaJobId) : null);
      return { jobPlacement, quotaJob: job, jobSeekerRegistration: closed as JobSeekerRegistration | null };
    });
  }
}
