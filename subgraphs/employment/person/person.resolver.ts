import { Args, Ctx, Directive, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { AGENCY_ACCESS_REQUIRES, agencyRouteAccess, assertMayReadAgencyRecords, refusable } from '../../kit/policy/agency-access';
import type { HubContext } from '../../kit/platform/context';
import { Connection, type Page } from '../../kit/platform/connection';
import { loaderManyBy } from '../../kit/platform/entity-loaders';
import { RouteContribution, type AgencyRoute } from '../../conventions/route/contract';
import { today } from '../../kit/platform/clock';
import { JobSeekerRegistration } from '../job-seeker/job-seeker-registration.entity';
import { JobPlacement } from '../placement/job-placement.entity';
import { SocialContractEmploymentMeasure } from '../social-contract/social-contract-measure.entity';
import { SocialEmployment } from '../social-employment/social-employment.entity';
import { HistoryArgs, historyPage } from '../shared/history';
import { AGENCY } from '../shared/specialist.policy';
import { VocationalTraining } from '../vocational-training/vocational-training.entity';
import { buildEmploymentRoute } from './employment-route';
import { Person } from './person.entity';

@ObjectType({ description: 'A page of a person’s job-seeker registrations, oldest first.' })
export class JobSeekerRegistrationConnection extends Connection(JobSeekerRegistration) {}
@ObjectType({ description: 'A page of a person’s job placements, oldest first.' })
export class JobPlacementConnection extends Connection(JobPlacement) {}
@ObjectType({ description: 'A page of a person’s social employment, oldest first.' })
export class SocialEmploymentConnection extends Connection(SocialEmployment) {}
@ObjectType({ description: 'A page of a person’s vocational trainings, oldest first.' })
export class VocationalTrainingConnection extends Connection(VocationalTraining) {}
@ObjectType({ description: 'A page of a person’s social-contract measures carried out by the employment service, oldest first.' })
export class SocialContractEmploymentMeasureConnection extends Connection(SocialContractEmploymentMeasure) {}

// One statement per entity type per request, whatever the number of persons (kit/platform/entity-loaders.ts).
const registrations = (ctx: HubContext) =>
  loaderManyBy<JobSeekerRegistration>(ctx, JobSeekerRegistration, 'personId', { registeredOn: 'asc' });
const placements = (ctx: HubContext) => loaderManyBy<JobPlacement>(ctx, JobPlacement, 'personId', { startDate: 'asc' });
const socialEmployment = (ctx: HubContext) => loaderManyBy<SocialEmployment>(ctx, SocialEmployment, 'personId', { startDate: 'asc' });
const trainings = (ctx: HubContext) => loaderManyBy<VocationalTraining>(ctx, VocationalTraining, 'personId', { startDate: 'asc' });
const contractMeasures = (ctx: HubContext) =>
  loaderManyBy<SocialContractEmploymentMeasure>(ctx, SocialContractEmploymentMeasure, 'personId', { startDate: 'asc' });

const termOfRecord = (r: { startDate: string; endDate: string | null }) => ({ startsOn: r.startDate, endsOn: r.endDate });

/**
 * Every field is nullable: a refusal (FORBIDDEN, CONSENT_REQUIRED) nulls only that field, and the
 * coordinator still sees the family and the other agencies' records.
 */
@Resolver(() => Person)
export class PersonResolver {
  @Directive(AGENCY_ACCESS_REQUIRES)
  @FieldResolver(() => JobSeekerRegistrationConnection, {
    nullable: true,
    description: refusable(
      'The person’s registrations with the employment service as a job seeker, oldest first; `period` keeps those between registration and closing that overlap it.',
    ),
  })
  async jobSeekerRegistrations(
    @Root() person: Person,
    @Args() args: HistoryArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Page<JobSeekerRegistration>> {
    assertMayReadAgencyRecords(ctx, AGENCY, person, 'Person.jobSeekerRegistrations');
    return historyPage(await registrations(ctx).load(person.id), args, (r) => ({ startsOn: r.registeredOn, endsOn: r.closedOn }));
  }

  @Directive(AGENCY_ACCESS_REQUIRES)
  @FieldResolver(() => JobPlacementConnection, {
    nullable: true,
    description: refusable(
      'The person’s job placements with their special measures (181-FZ art. 20–21), oldest first; `period` keeps those whose term overlaps it.',
    ),
  })
  async jobPlacements(@Root() person: Person, @Args() args: HistoryArgs, @Ctx() ctx: HubContext): Promise<Page<JobPlacement>> {
    assertMayReadAgencyRecords(ctx, AGENCY, person, 'Person.jobPlacements');
    return historyPage(await placements(ctx).load(person.id), args, termOfRecord);
  }

  @Directive(AGENCY_ACCESS_REQUIRES)
  @FieldResolver(() => SocialEmploymentConnection, {
    nullable: true,
    description: refusable(
      'The person’s social employment (seed 003 §29, order 605n), oldest first; `period` keeps those whose term overlaps it.',
    ),
  })
  async socialEmployment(@Root() person: Person, @Args() args: HistoryArgs, @Ctx() ctx: HubContext): Promise<Page<SocialEmployment>> {
    assertMayReadAgencyRecords(ctx, AGENCY, person, 'Person.socialEmployment');
    return historyPage(await socialEmployment(ctx).load(person.id), args, termOfRecord);
  }

  @Directive(AGENCY_ACCESS_REQUIRES)
  @FieldResolver(() => VocationalTrainingConnection, {
    nullable: true,
    description: refusable(
      'Vocational training the employment service arranged for the person, oldest first; `period` keeps courses that overlap it.',
    ),
  })
  async vocationalTrainings(@Root() person: Person, @Args() args: HistoryArgs, @Ctx() ctx: HubContext): Promise<Page<VocationalTraining>> {
    assertMayReadAgencyRecords(ctx, AGENCY, person, 'Person.vocationalTrainings');
    return historyPage(await trainings(ctx).load(person.id), args, termOfRecord);
  }

  @Directive(AGENCY_ACCESS_REQUIRES)
  @FieldResolver(() => SocialContractEmploymentMeasureConnection, {
    nullable: true,
    description: refusable(
      'Measures of the person’s social contracts carried out by the employment service (seed 004 annex 5), oldest first; `period` keeps those whose term overlaps it.',
    ),
  })
  async socialContractEmploymentMeasures(
    @Root() person: Person,
    @Args() args: HistoryArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Page<SocialContractEmploymentMeasure>> {
    assertMayReadAgencyRecords(ctx, AGENCY, person, 'Person.socialContractEmploymentMeasures');
    return historyPage(await contractMeasures(ctx).load(person.id), args, termOfRecord);
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
