import { Arg, Args, Ctx, Directive, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { Connection, PageArgs, type Page } from '../../kit/platform/connection';
import { PeriodInput } from '../../kit/platform/period';
import { AGENCY_ACCESS_REQUIRES, agencyRouteAccess, assertMayReadAgencyRecords, refusable } from '../../kit/policy/agency-access';
import type { HubContext } from '../../kit/platform/context';
import { loaderManyBy } from '../../kit/platform/entity-loaders';
import { RouteContribution, type AgencyRoute } from '../../conventions/route/contract';
import { today } from '../../kit/platform/clock';
import { ClinicAttachment, currentAttachment } from '../attachment/clinic-attachment.entity';
import { Ipra, IpraMeasure } from '../ipra/ipra.entity';
import { activeIpraOf } from '../ipra/ipra.rules';
import { MseReferral } from '../mse/mse-referral.entity';
import { RehabilitationCourse } from '../rehabilitation/rehabilitation-course.entity';
import { AGENCY } from '../shared/agency';
import { personPage } from '../shared/page';
import { buildHealthRoute } from './health-route';
import { Person } from './person.entity';

// One statement per entity type per request, whatever the number of persons (kit/platform/entity-loaders.ts).
const ipras = (ctx: HubContext) => loaderManyBy<Ipra>(ctx, Ipra, 'personId', { issuedOn: 'asc', id: 'asc' });
const measures = (ctx: HubContext) => loaderManyBy<IpraMeasure>(ctx, IpraMeasure, 'personId', { periodFrom: 'asc', id: 'asc' });
const referrals = (ctx: HubContext) => loaderManyBy<MseReferral>(ctx, MseReferral, 'personId', { referredOn: 'asc', id: 'asc' });
const courses = (ctx: HubContext) =>
  loaderManyBy<RehabilitationCourse>(ctx, RehabilitationCourse, 'personId', { fromDate: 'asc', id: 'asc' });
const attachments = (ctx: HubContext) => loaderManyBy<ClinicAttachment>(ctx, ClinicAttachment, 'personId', { fromDate: 'asc', id: 'asc' });

@ObjectType({ description: "A page of a person's IPRAs, oldest first." })
export class IpraConnection extends Connection(Ipra) {}

@ObjectType({ description: "A page of a person's referrals to MSE, oldest first." })
export class MseReferralConnection extends Connection(MseReferral) {}

@ObjectType({ description: "A page of a person's medical rehabilitation courses, oldest first." })
export class RehabilitationCourseConnection extends Connection(RehabilitationCourse) {}

const PERIOD = 'Only the records whose period overlaps this window (both days included); all when left out.';

/** Every field is nullable so that a refusal nulls only that field (issue 12 §6). */
@Resolver(() => Person)
export class PersonResolver {
  @Directive(AGENCY_ACCESS_REQUIRES)
  @FieldResolver(() => IpraConnection, {
    nullable: true,
    description: refusable(
      "The person's IPRAs, oldest first (by day of issue), each with its measures; a new one comes with every re-examination.",
    ),
  })
  async ipras(
    @Root() person: Person,
    @Args() page: PageArgs,
    @Arg('period', () => PeriodInput, { nullable: true, description: PERIOD }) period: PeriodInput | null,
    @Ctx() ctx: HubContext,
  ): Promise<Page<Ipra>> {
    assertMayReadAgencyRecords(ctx, AGENCY, person, 'Person.ipras');
    return personPage(
      await ipras(ctx).load(person.id),
      { ...page, period },
      (i) => [i.issuedOn, i.id],
      (i) => ({ startsOn: i.issuedOn, endsOn: i.validUntil }),
    );
  }

  @Directive(AGENCY_ACCESS_REQUIRES)
  @FieldResolver(() => Ipra, {
    nullable: true,
    description: refusable('The IPRA in force today (issued, not expired; the latest if several); null when none is.'),
  })
  async activeIpra(@Root() person: Person, @Ctx() ctx: HubContext): Promise<Ipra | null> {
    assertMayReadAgencyRecords(ctx, AGENCY, person, 'Person.activeIpra');
    return activeIpraOf(await ipras(ctx).load(person.id), today());
  }

  @Directive(AGENCY_ACCESS_REQUIRES)
  @FieldResolver(() => MseReferralConnection, {
    nullable: true,
    description: refusable('Referrals to MSE, oldest first (by day of referral), with re-examination dates.'),
  })
  async mseReferrals(
    @Root() person: Person,
    @Args() page: PageArgs,
    @Arg('period', () => PeriodInput, {
      nullable: true,
      description: 'Only the referrals issued within this window (both days included); all when left out.',
    })
    period: PeriodInput | null,
    @Ctx() ctx: HubContext,
  ): Promise<Page<MseReferral>> {
    assertMayReadAgencyRecords(ctx, AGENCY, person, 'Person.mseReferrals');
    return personPage(
      await referrals(ctx).load(person.id),
      { ...page, period },
      (r) => [r.referredOn, r.id],
      (r) => ({ startsOn: r.referredOn, endsOn: r.referredOn }),
    );
  }

  @Directive(AGENCY_ACCESS_REQUIRES)
  @FieldResolver(() => RehabilitationCourseConnection, {
    nullable: true,
    description: refusable('Medical rehabilitation courses, oldest first (by first day).'),
  })
  async rehabilitationCourses(
    @Root() person: Person,
    @Args() page: PageArgs,
    @Arg('period', () => PeriodInput, { nullable: true, description: PERIOD }) period: PeriodInput | null,
    @Ctx() ctx: HubContext,
  ): Promise<Page<RehabilitationCourse>> {
    assertMayReadAgencyRecords(ctx, AGENCY, person, 'Person.rehabilitationCourses');
    return personPage(
      await courses(ctx).load(person.id),
      { ...page, period },
      (c) => [c.fromDate, c.id],
      (c) => ({ startsOn: c.fromDate, endsOn: c.toDate }),
    );
  }

  @Directive(AGENCY_ACCESS_REQUIRES)
  @FieldResolver(() => ClinicAttachment, {
    nullable: true,
    description: refusable('The clinic the person is attached to today; null when none.'),
  })
  async clinicAttachment(@Root() person: Person, @Ctx() ctx: HubContext): Promise<ClinicAttachment | null> {
    assertMayReadAgencyRecords(ctx, AGENCY, person, 'Person.clinicAttachment');
    return currentAttachment(await attachments(ctx).load(person.id), today());
  }

  @Directive(AGENCY_ACCESS_REQUIRES)
  @RouteContribution(AGENCY, {
    description:
      "Health's part of the person's route (route convention): `withheld` without consent, null with FORBIDDEN for a caller who may not read it.",
  })
  async healthRoute(@Root() person: Person, @Ctx() ctx: HubContext): Promise<AgencyRoute> {
    const withheld = agencyRouteAccess(ctx, AGENCY, person, 'Person.healthRoute');
    if (withheld) return withheld;
    const [i, m, r, c] = await Promise.all([
      ipras(ctx).load(person.id),
      measures(ctx).load(person.id),
      referrals(ctx).load(person.id),
      courses(ctx).load(person.id),
    ]);
    return buildHealthRoute(person.id, { ipras: i, measures: m, referrals: r, courses: c }, today());
  }
}
