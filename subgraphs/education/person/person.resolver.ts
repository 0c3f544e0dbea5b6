import { Arg, Args, Ctx, Directive, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import {
  AGENCY_ACCESS_REQUIRES,
  AGENCY_ACCESS_SELECTION,
  agencyRouteAccess,
  assertMayReadAgencyRecords,
  refusable,
} from '../../kit/policy/agency-access';
import type { HubContext } from '../../kit/platform/context';
import { Connection, PageArgs } from '../../kit/platform/connection';
import { loaderManyBy } from '../../kit/platform/entity-loaders';
import { PeriodInput } from '../../kit/platform/period';
import { RouteContribution, type AgencyRoute } from '../../conventions/route/contract';
import { today } from '../../kit/platform/clock';
import { EarlyHelpProgramme } from '../early-help/early-help-programme.entity';
import { EarlyHelpSession } from '../early-help/early-help-session.entity';
import { Enrolment } from '../enrolment/enrolment.entity';
import { PmpkConclusion } from '../pmpk/pmpk-conclusion.entity';
import { historyPage } from '../shared/history-page';
import { AGENCY } from '../shared/specialist.policy';
import { VocationalGuidance } from '../vocational-guidance/vocational-guidance.entity';
import { buildEducationRoute } from './education-route';
import { Person } from './person.entity';

/** The route also needs the birth date (the early-help age limit), owned by social protection. */
const ROUTE_REQUIRES = `@requires(fields: "bornOn ${AGENCY_ACCESS_SELECTION}")`;

// One statement per entity type per request, whatever the number of persons (kit/platform/entity-loaders.ts).
const programmes = (ctx: HubContext) => loaderManyBy<EarlyHelpProgramme>(ctx, EarlyHelpProgramme, 'personId', { startDate: 'asc' });
const sessions = (ctx: HubContext) => loaderManyBy<EarlyHelpSession>(ctx, EarlyHelpSession, 'personId', { date: 'asc' });
const conclusions = (ctx: HubContext) => loaderManyBy<PmpkConclusion>(ctx, PmpkConclusion, 'personId', { date: 'asc' });
const enrolments = (ctx: HubContext) => loaderManyBy<Enrolment>(ctx, Enrolment, 'personId', { fromDate: 'asc' });
const guidance = (ctx: HubContext) => loaderManyBy<VocationalGuidance>(ctx, VocationalGuidance, 'personId', { date: 'asc' });

@ObjectType({ description: "A page of a child's individual early-help programmes, oldest first." })
export class EarlyHelpProgrammeConnection extends Connection(EarlyHelpProgramme) {}

@ObjectType({ description: "A page of a person's PMPK conclusions, oldest first." })
export class PmpkConclusionConnection extends Connection(PmpkConclusion) {}

@ObjectType({ description: "A page of a person's enrolments, oldest first." })
export class EnrolmentConnection extends Connection(Enrolment) {}

@ObjectType({ description: "A page of a person's vocational guidance, oldest first." })
export class VocationalGuidanceConnection extends Connection(VocationalGuidance) {}

const PERIOD = 'Only the records whose days meet this window (both ends included); all of them when left out.';

/**
 * Every field is nullable: a refusal (FORBIDDEN, CONSENT_REQUIRED) nulls only that field, and the
 * coordinator still sees the family and the other agencies' records. Histories are connections, oldest first.
 */
@Resolver(() => Person)
export class PersonResolver {
  @Directive(AGENCY_ACCESS_REQUIRES)
  @FieldResolver(() => EarlyHelpProgrammeConnection, {
    nullable: true,
    description: refusable('Individual early-help programmes of the child, by start (children 0–3, seed 003 §8.1–8.5).'),
  })
  async earlyHelpProgrammes(
    @Root() person: Person,
    @Args() page: PageArgs,
    @Arg('period', () => PeriodInput, { nullable: true, description: PERIOD }) period: PeriodInput | null,
    @Ctx() ctx: HubContext,
  ) {
    assertMayReadAgencyRecords(ctx, AGENCY, person, 'Person.earlyHelpProgrammes');
    return historyPage(await programmes(ctx).load(person.id), page, period, (p) => ({ startsOn: p.startDate, endsOn: p.endDate }));
  }

  @Directive(AGENCY_ACCESS_REQUIRES)
  @FieldResolver(() => PmpkConclusionConnection, {
    nullable: true,
    description: refusable('PMPK conclusions about the person, by the day of issue.'),
  })
  async pmpkConclusions(
    @Root() person: Person,
    @Args() page: PageArgs,
    @Arg('period', () => PeriodInput, { nullable: true, description: PERIOD }) period: PeriodInput | null,
    @Ctx() ctx: HubContext,
  ) {
    assertMayReadAgencyRecords(ctx, AGENCY, person, 'Person.pmpkConclusions');
    return historyPage(await conclusions(ctx).load(person.id), page, period, (c) => ({ startsOn: c.date, endsOn: c.validUntil }));
  }

  @Directive(AGENCY_ACCESS_REQUIRES)
  @FieldResolver(() => EnrolmentConnection, {
    nullable: true,
    description: refusable('Enrolments in kindergartens, schools and colleges, by first day.'),
  })
  async enrolments(
    @Root() person: Person,
    @Args() page: PageArgs,
    @Arg('period', () => PeriodInput, { nullable: true, description: PERIOD }) period: PeriodInput | null,
    @Ctx() ctx: HubContext,
  ) {
    assertMayReadAgencyRecords(ctx, AGENCY, person, 'Person.enrolments');
    return historyPage(await enrolments(ctx).load(person.id), page, period, (e) => ({ startsOn: e.fromDate, endsOn: e.toDate }));
  }

  @Directive(AGENCY_ACCESS_REQUIRES)
  @FieldResolver(() => VocationalGuidanceConnection, {
    nullable: true,
    description: refusable('Vocational guidance from 14, by day (seed 003 §4.3).'),
  })
  async vocationalGuidance(
    @Root() person: Person,
    @Args() page: PageArgs,
    @Arg('period', () => PeriodInput, { nullable: true, description: PERIOD }) period: PeriodInput | null,
    @Ctx() ctx: HubContext,
  ) {
    assertMayReadAgencyRecords(ctx, AGENCY, person, 'Person.vocationalGuidance');
    return historyPage(await guidance(ctx).load(person.id), page, period, (g) => ({ startsOn: g.date, endsOn: g.date }));
  }

  @Directive(ROUTE_REQUIRES)
  @RouteContribution(AGENCY, {
    description:
      "Education's part of the person's route (route convention): `withheld` without consent, null with FORBIDDEN for a caller who may not read it.",
  })
  async educationRoute(@Root() person: Person, @Ctx() ctx: HubContext): Promise<AgencyRoute> {
    const withheld = agencyRouteAccess(ctx, AGENCY, person, 'Person.educationRoute');
    if (withheld) return withheld;
    const [p, s, c, e, g] = await Promise.all([
      programmes(ctx).load(person.id),
      sessions(ctx).load(person.id),
      conclusions(ctx).load(person.id),
      enrolments(ctx).load(person.id),
      guidance(ctx).load(person.id),
    ]);
    return buildEducationRoute(
      person.id,
      person.bornOn ?? null,
      { programmes: p, sessions: s, conclusions: c, enrolments: e, guidance: g },
      today(),
    );
  }
}
