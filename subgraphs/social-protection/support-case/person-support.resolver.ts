import { Args, Ctx, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { Connection } from '../../kit/platform/connection';
import { HistoryArgs } from '../platform/history-args';
import { historyPage } from '../platform/history-page';
import { SupportCaseConnection } from './support-case.resolver';
import { refusable } from '../../kit/policy/agency-access';
import type { HubContext } from '../../kit/platform/context';
import { loaderManyBy } from '../../kit/platform/entity-loaders';
import { RouteContribution, type AgencyRoute } from '../../conventions/route/contract';
import { today } from '../../kit/platform/clock';
import { calendarFor } from '../calendar/calendar.loader';
import type { ProductionCalendar } from '../calendar/production-calendar';
import { Person } from '../person/person.entity';
import { Measure, Programme } from '../programme/programme.entity';
import { Referral } from '../referral/referral.entity';
import { Signal } from '../signal/signal.entity';
import { SocialContract } from '../social-contract/social-contract.entity';
import { ContactAttempt } from '../contact-attempt/contact-attempt.entity';
import { buildSupportRoute } from './route';
import { NeedsAssessment } from '../needs-assessment/needs-assessment.entity';
import { StageTransition, SupportCase } from './support-case.entity';
import { assertMayReadSupportRecords } from './support-case.policy';

/**
 * Social protection's fields on its own Person (it owns Person, so no @requires): the support cases and
 * the route. Each record type is read for ALL persons of the request in one statement (loaders by personId).
 */
@ObjectType({ description: "A page of a person's social contracts." })
export class SocialContractConnection extends Connection(SocialContract) {}

@Resolver(() => Person)
export class PersonSupportResolver {
  @FieldResolver(() => SupportCaseConnection, {
    nullable: true,
    description: refusable(
      'Support cases about the person by opening day then id, optionally those opened within `period` (coordinator of the family only).',
    ),
  })
  async supportCases(@Root() person: Person, @Args() args: HistoryArgs, @Ctx() ctx: HubContext) {
    await assertMayReadSupportRecords(ctx, person.id, 'Person.supportCases');
    const rows = await loaderManyBy(ctx, SupportCase, 'personId', { openedOn: 'asc' }).load(person.id);
    return historyPage(rows, args, (c) => [c.openedOn, c.id]);
  }

  @FieldResolver(() => SocialContractConnection, {
    nullable: true,
    description: refusable(
      'Social contracts (seed 004 annex 5) by signing day then id, optionally those signed within `period` (coordinator of the family only).',
    ),
  })
  async socialContracts(@Root() person: Person, @Args() args: HistoryArgs, @Ctx() ctx: HubContext) {
    await assertMayReadSupportRecords(ctx, person.id, 'Person.socialContracts');
    const rows = await loaderManyBy(ctx, SocialContract, 'personId', { signedOn: 'asc' }).load(person.id);
    return historyPage(rows, args, (c) => [c.signedOn, c.id]);
  }

  @RouteContribution('SOCIAL_PROTECTION', {
    description: refusable("Social protection's part of the person's route (route convention)."),
  })
  async socialProtectionRoute(@Root() person: Person, @Ctx() ctx: HubContext): Promise<AgencyRoute> {
    await assertMayReadSupportRecords(ctx, person.id, 'Person.socialProtectionRoute');
    const [cases, , transitions, signals, programmes, measures, referrals, contactAttempts, assessments] = await Promise.all([
      loaderManyBy(ctx, SupportCase, 'personId').load(person.id),
      // The calendar is read with the records (one round trip), not after them: deadlines need it whenever there is a case.
      calendarFor(ctx, null).then(() => undefined),
      loaderManyBy(ctx, StageTransition, 'personId', { recordedAt: 'asc' }).load(person.id),
      loaderManyBy(ctx, Signal, 'personId').load(person.id),
      loaderManyBy(ctx, Programme, 'personId').load(person.id),
      loaderManyBy(ctx, Measure, 'personId').load(person.id),
      loaderManyBy(ctx, Referral, 'personId').load(person.id),
      loaderManyBy(ctx, ContactAttempt, 'personId').load(person.id),
      loaderManyBy(ctx, NeedsAssessment, 'personId').load(person.id),
    ]);
    const calendars = new Map<string, ProductionCalendar>();
    for (const c of cases) calendars.set(c.id, await calendarFor(ctx, c.territoryOktmo));
    return buildSupportRoute(
      { personId: person.id, cases, transitions, signals, programmes, measures, referrals, contactAttempts, assessments },
      (c) => calendars.get(c.id)!,
      today(),
    );
  }
}
