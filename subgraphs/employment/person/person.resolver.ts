import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { AGENCY_ACCESS_REQUIRES, agencyRouteAccess, assertMayReadAgencyRecords, refusable } from '../../kit/policy/agency-access';
import type { HubContext } from '../../kit/platform/context';
import { loaderManyBy } from '../../kit/platform/entity-loaders';
import { RouteContribution, type AgencyRoute } from '../../conventions/route/contract';
import { today } from '../../kit/platform/clock';
import { JobSeekerRegistration } from '../job-seeker/job-seeker-registration.entity';
import { JobPlacement } from '../placement/job-placement.entity';
import { SocialContractEmploymentMeasure } from '../social-contract/social-contract-measure.entity';
import { SocialEmployment } from '../social-employment/social-employment.entity';
import { AGENCY } from '../shared/specialist.policy';
import { VocationalTraining } from '../vocational-training/vocational-training.entity';
import { buildEmploymentRoute } from './employment-route';
import { Person } from './person.entity';

// One statement per entity type per request, whatever the number of persons (kit/platform/entity-loaders.ts).
const registrations = (ctx: HubContext) =>
  loaderManyBy<JobSeekerRegistration>(ctx, JobSeekerRegistration, 'personId', { registeredOn: 'asc' });
const placements = (ctx: HubContext) => loaderManyBy<JobPlacement>(ctx, JobPlacement, 'personId', { startDate: 'asc' });
const socialEmployment = (ctx: HubContext) => loaderManyBy<SocialEmployment>(ctx, SocialEmployment, 'personId', { startDate: 'asc' });
const trainings = (ctx: HubContext) => loaderManyBy<VocationalTraining>(ctx, VocationalTraining, 'personId', { startDate: 'asc' });
const contractMeasures = (ctx: HubContext) =>
  loaderManyBy<SocialContractEmploymentMeasure>(ctx, SocialContractEmploymentMeasure, 'personId', { startDate: 'asc' });

/**
 * Every field is nullable: a refusal (FORBIDDEN, CONSENT_REQUIRED) nulls only that field, and the
 * coordinator still sees the family and the other agencies' records.
 */
@Resolver(() => Person)
export class PersonResolver {
  @Directive(AGENCY_ACCESS_REQUIRES)
  @FieldResolver(() => [JobSeekerRegistration], {
    nullable: true,
    description: refusable('Registrations with the employment service as a job seeker.'),
  })
  jobSeekerRegistrations(@Root() person: Person, @Ctx() ctx: HubContext): Promise<JobSeekerRegistration[]> {
    assertMayReadAgencyRecords(ctx, AGENCY, person, 'Person.jobSeekerRegistrations');
    return registrations(ctx).load(person.id);
  }

  @Directive(AGENCY_ACCESS_REQUIRES)
  @FieldResolver(() => [JobPlacement], {
    nullable: true,
    description: refusable('Job placements with their special measures (181-FZ art. 20–21).'),
  })
  jobPlacements(@Root() person: Person, @Ctx() ctx: HubContext): Promise<JobPlacement[]> {
    assertMayReadAgencyRecords(ctx, AGENCY, person, 'Person.jobPlacements');
    return placements(ctx).load(person.id);
  }

  @Directive(AGENCY_ACCESS_REQUIRES)
  @FieldResolver(() => [SocialEmployment], { nullable: true, description: refusable('Social employment (seed 003 §29, order 605n).') })
  socialEmployment(@Root() person: Person, @Ctx() ctx: HubContext): Promise<SocialEmployment[]> {
    assertMayReadAgencyRecords(ctx, AGENCY, person, 'Person.socialEmployment');
    return socialEmployment(ctx).load(person.id);
  }

  @Directive(AGENCY_ACCESS_REQUIRES)
  @FieldResolver(() => [VocationalTraining], {
    nullable: true,
    description: refusable('Vocational training arranged by the employment service.'),
  })
  vocationalTrainings(@Root() person: Person, @Ctx() ctx: HubContext): Promise<VocationalTraining[]> {
    assertMayReadAgencyRecords(ctx, AGENCY, person, 'Person.vocationalTrainings');
    return trainings(ctx).load(person.id);
  }

  @Directive(AGENCY_ACCESS_REQUIRES)
  @FieldResolver(() => [SocialContractEmploymentMeasure], {
    nullable: true,
    description: refusable('Social-contract measures executed by the employment service (seed 004 annex 5).'),
  })
  socialContractEmploymentMeasures(@Root() person: Person, @Ctx() ctx: HubContext): Promise<SocialContractEmploymentMeasure[]> {
    assertMayReadAgencyRecords(ctx, AGENCY, person, 'Person.socialContractEmploymentMeasures');
    return contractMeasures(ctx).load(person.id);
  }

  @Directive(AGENCY_ACCESS_REQUIRES)
  @RouteContribution(AGENCY, {
    description:
      "Employment's part of the person's route (route convention): `withheld` without consent, null with FORBIDDEN for a caller who may not read it.",
  })
  async employmentRoute(@Root() person: Person, @Ctx() ctx: HubContext): Promise<AgencyRoute> {
    const withheld = agencyRouteAccess(ctx, AGENCY, person, 'Person.employmentRoute');
    if (withheld) return withheld;
    const [r, p, s, t, m] = await Promise.all([
      registrations(ctx).load(person.id),
      placements(ctx).load(person.id),
      socialEmployment(ctx).load(person.id),
      trainings(ctx).load(person.id),
      contractMeasures(ctx).load(person.id),
    ]);
    return buildEmploymentRoute(
      person.id,
      { registrations: r, placements: p, socialEmployment: s, trainings: t, contractMeasures: m },
      today(),
    );
  }
}
