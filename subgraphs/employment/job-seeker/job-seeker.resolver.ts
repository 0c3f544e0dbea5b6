import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { today } from '../../kit/platform/clock';
import { writeOnce } from '../../kit/platform/idempotency';
import { assertIdempotencyKey, assertOrganizationId, assertPersonId } from '../../kit/platform/input-rules';
import { assertEmploymentSpecialist } from '../shared/specialist.policy';
import { JobSeekerRegistration, JobSeekerStatus } from './job-seeker-registration.entity';
import { checkJobSeekerRegistration } from './job-seeker.rules';

@InputType({ description: 'Registration with the employment centre as a job seeker.' })
export class RegisterJobSeekerInput {
  @Field(() => String, { nullable: true, description: 'Client-supplied key: a retry with the same key returns the same registration.' })
  idempotencyKey?: string | null;

  @Field(() => ID)
  personId!: string;

  @Field(() => ID, { description: 'Employment centre.' })
  organizationId!: string;

  @Field(() => LocalDate)
  registeredOn!: string;
}

@Resolver(() => JobSeekerRegistration)
export class JobSeekerResolver {
  @Authorized(Role.SPECIALIST)
  @Mutation(() => JobSeekerRegistration, {
    description: 'Registers a person as a job seeker; refused while an active registration exists.',
  })
  async registerJobSeeker(@Arg('input') input: RegisterJobSeekerInput, @Ctx() ctx: HubContext): Promise<JobSeekerRegistration> {
    assertEmploymentSpecialist(ctx);
    const key = assertIdempotencyKey(input.idempotencyKey);
    const personId = assertPersonId(input.personId);
    const organizationId = assertOrganizationId(input.organizationId);
    return writeOnce(ctx, JobSeekerRegistration, key, personId, async (em) => {
      const active = await em.findOne(JobSeekerRegistration, { personId, status: JobSeekerStatus.ACTIVE });
      checkJobSeekerRegistration(input, active, today());
      const registration = em.create(JobSeekerRegistration, {
        personId,
        organizationId,
        registeredOn: input.registeredOn,
        status: JobSeekerStatus.ACTIVE,
        closedOn: null,
        idempotencyKey: key,
      });
      ctx.audit.recordWrite(em, 'registerJobSeeker', [personId]);
      return registration;
    });
  }
}
