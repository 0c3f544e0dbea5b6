import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { today } from '../../kit/platform/clock';
import { writeOnce } from '../../kit/platform/idempotency';
import { assertIdempotencyKey, assertOrganizationId, assertPersonId } from '../../kit/platform/input-rules';
import { MutationPayload, payloadOf } from '../../kit/platform/user-errors';
import { assertEmploymentSpecialist } from '../shared/specialist.policy';
import { JobSeekerRegistration, JobSeekerStatus } from './job-seeker-registration.entity';
import { checkJobSeekerRegistration } from './job-seeker.rules';

@InputType({ description: 'Registration of a person with the employment centre as a job seeker.' })
export class RegisterJobSeekerInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Client-supplied key (8–128 letters, digits, "-", "_", ".", ":"): a retry with the same key answers the registration the first call made.',
  })
  idempotencyKey?: string | null;

  @Field(() => ID, { description: 'The person to register (hub person id).' })
  personId!: string;

  @Field(() => ID, { description: 'The employment centre registering the person (directory organization id).' })
  organizationId!: string;

  @Field(() => LocalDate, { description: 'The day of registration; not in the future.' })
  registeredOn!: string;
}

@ObjectType({ description: 'What registerJobSeeker did: the new registration, or why it was refused.' })
export class RegisterJobSeekerPayload extends MutationPayload {
  @Field(() => JobSeekerRegistration, {
    nullable: true,
    description: 'The registration made (or made by the first call with this idempotencyKey); null when refused.',
  })
  jobSeekerRegistration?: JobSeekerRegistration | null;
}

@Resolver(() => JobSeekerRegistration)
export class JobSeekerResolver {
  @Authorized(Role.SPECIALIST)
  @Mutation(() => RegisterJobSeekerPayload, {
    description:
      'Registers a person as a job seeker (employment-service specialists only). Refused with CONFLICT while the person has an active registration.',
  })
  registerJobSeeker(
    @Arg('input', { description: 'The person, the employment centre and the day of registration.' }) input: RegisterJobSeekerInput,
    @Ctx() ctx: HubContext,
  ): Promise<RegisterJobSeekerPayload> {
    assertEmploymentSpecialist(ctx);
    return payloadOf(ctx, async () => {
      const key = assertIdempotencyKey(input.idempotencyKey);
      const personId = assertPersonId(input.personId);
      const organizationId = assertOrganizationId(input.organizationId);
      const jobSeekerRegistration = await writeOnce(ctx, JobSeekerRegistration, key, personId, async (em) => {
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
      return { jobSeekerRegistration };
    });
  }
}
