import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import {
  AGENCY_ACCESS_REQUIRES,
  AGENCY_ACCESS_SELECTION,
  agencyRouteAccess,
  assertMayReadAgencyRecords,
  refusable,
} from '../../kit/policy/agency-access';
import type { HubContext } from '../../kit/platform/context';
import { loaderManyBy } from '../../kit/platform/entity-loaders';
import { RouteContribution, type AgencyRoute } from '../../conventions/route/contract';
import { today } from '../../kit/platform/clock';
import { EarlyHelpProgram } from '../early-help/early-help-program.entity';
import { EarlyHelpSession } from '../early-help/early-help-session.entity';
import { Enrolment } from '../enrolment/enrolment.entity';
import { PmpkConclusion } from '../pmpk/pmpk-conclusion.entity';
import { AGENCY } from '../shared/specialist.policy';
import { VocationalGuidance } from '../vocational-guidance/vocational-guidance.entity';
import { buildEducationRoute } from './education-route';
import { Person } from './person.entity';

/** The route also needs the birth date (the early-help age limit), owned by social protection. */
const ROUTE_REQUIRES = `@requires(fields: "birthDate ${AGENCY_ACCESS_SELECTION}")`;

// One statement per entity type per request, whatever the number of persons (kit/platform/entity-loaders.ts).
const programs = (ctx: HubContext) => loaderManyBy<EarlyHelpProgram>(ctx, EarlyHelpProgram, 'personId', { startDate: 'asc' });
const sessions = (ctx: HubContext) => loaderManyBy<EarlyHelpSession>(ctx, EarlyHelpSession, 'personId', { date: 'asc' });
const conclusions = (ctx: HubContext) => loaderManyBy<PmpkConclusion>(ctx, PmpkConclusion, 'personId', { date: 'asc' });
const enrolments = (ctx: HubContext) => loaderManyBy<Enrolment>(ctx, Enrolment, 'personId', { fromDate: 'asc' });
const guidance = (ctx: HubContext) => loaderManyBy<VocationalGuidance>(ctx, VocationalGuidance, 'personId', { date: 'asc' });

/**
 * Every field is nullable: a refusal (FORBIDDEN, CONSENT_REQUIRED) nulls only that field, and the
 * coordinator still sees the family and the other agencies' records.
 */
@Resolver(() => Person)
export class PersonResolver {
  @Directive(AGENCY_ACCESS_REQUIRES)
  @FieldResolver(() => [EarlyHelpProgram], {
    nullable: true,
    description: refusable('Individual early-help programmes (children 0–3, seed 003 §8.1–8.5).'),
  })
  earlyHelpPrograms(@Root() person: Person, @Ctx() ctx: HubContext): Promise<EarlyHelpProgram[]> {
    assertMayReadAgencyRecords(ctx, AGENCY, person, 'Person.earlyHelpPrograms');
    return programs(ctx).load(person.id);
  }

  @Directive(AGENCY_ACCESS_REQUIRES)
  @FieldResolver(() => [PmpkConclusion], { nullable: true, description: refusable('PMPK conclusions, oldest first.') })
  pmpkConclusions(@Root() person: Person, @Ctx() ctx: HubContext): Promise<PmpkConclusion[]> {
    assertMayReadAgencyRecords(ctx, AGENCY, person, 'Person.pmpkConclusions');
    return conclusions(ctx).load(person.id);
  }

  @Directive(AGENCY_ACCESS_REQUIRES)
  @FieldResolver(() => [Enrolment], { nullable: true, description: refusable('Enrolments in kindergartens, schools and colleges.') })
  enrolments(@Root() person: Person, @Ctx() ctx: HubContext): Promise<Enrolment[]> {
    assertMayReadAgencyRecords(ctx, AGENCY, person, 'Person.enrolments');
    return enrolments(ctx).load(person.id);
  }

  @Directive(AGENCY_ACCESS_REQUIRES)
  @FieldResolver(() => [VocationalGuidance], { nullable: true, description: refusable('Vocational guidance from 14 (seed 003 §4.3).') })
  vocationalGuidance(@Root() person: Person, @Ctx() ctx: HubContext): Promise<VocationalGuidance[]> {
    assertMayReadAgencyRecords(ctx, AGENCY, person, 'Person.vocationalGuidance');
    return guidance(ctx).load(person.id);
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
      programs(ctx).load(person.id),
      sessions(ctx).load(person.id),
      conclusions(ctx).load(person.id),
      enrolments(ctx).load(person.id),
      guidance(ctx).load(person.id),
    ]);
    return buildEducationRoute(
      person.id,
      person.birthDate ?? null,
      { programs: p, sessions: s, conclusions: c, enrolments: e, guidance: g },
      today(),
    );
  }
}
