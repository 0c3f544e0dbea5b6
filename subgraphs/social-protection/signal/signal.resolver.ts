import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { MutationPayload, payloadOf } from '../../kit/platform/user-errors';
import { assertMayRunCase } from '../support-case/support-case.policy';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy } from '../../kit/platform/entity-loaders';
import { badInput, notFound } from '../../kit/platform/errors';
import { LocalDate } from '../../kit/platform/scalars';
import { today } from '../../kit/platform/clock';
import { Organization, OrganizationKind } from '../organization/organization.entity';
import { Person } from '../person/person.entity';
import { SupportCase } from '../support-case/support-case.entity';
import { Territory } from '../territory/territory.entity';
import { caseForSignal, type OpenedCase } from './open-case';
import { routeOfSignal } from './intake.rules';
import { Signal, SignalSource } from './signal.entity';
import { assertMaySubmitSignal, validateSignal } from './signal.rules';

@InputType({ description: 'Columns of the helpline call journal (seed 004 annex 4 §3.5).' })
class HelplineCallInput {
  @Field(() => String, { nullable: true, description: 'Serial number of the call in the journal.' })
  callNumber?: string | null;

  @Field(() => Date, { nullable: true, description: 'Date and time of the call.' })
  calledAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Caller name; leave blank for an anonymous call.' })
  callerName?: string | null;

  @Field(() => String, { nullable: true, description: 'Category of the caller, as the journal records it.' })
  callerCategory?: string | null;

  @Field(() => Int, { nullable: true, description: 'Year of birth of the caller.' })
  callerBirthYear?: number | null;

  @Field(() => String, { nullable: true, description: 'Result of the call.' })
  result?: string | null;

  @Field(() => String, { nullable: true, description: 'Service code of the call.' })
  serviceCode?: string | null;
}

@InputType({ description: 'A signal from a partner agency or recorded by a coordinator (seed 003 §15).' })
class SubmitSignalInput {
  @Field({ description: 'Client-supplied key: a retry with the same key returns the same signal.' })
  idempotencyKey!: string;

  @Field(() => SignalSource, { description: 'Where the signal came from (seed 003 §15).' })
  source!: SignalSource;

  @Field(() => String, { nullable: true, description: 'SNILS of the person, when known (checksum validated).' })
  personSnils?: string | null;

  @Field(() => ID, { nullable: true, description: 'Hub id of the person, when known; must name the same person as personSnils.' })
  personId?: string | null;

  @Field(() => LocalDate, { description: 'Day the signal reached the operator organization; not in the future.' })
  receivedOn!: string;

  @Field({ description: 'What the signal says, in Russian.' })
  summary!: string;

  @Field(() => ID, { nullable: true, description: 'Organization that sends the signal (MSE bureau, clinic, school…).' })
  submittingOrganizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Number of the IPRA, for an IPRA extract.' })
  ipraNumber?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'An anonymous call: the caller name is not recorded (seed 004 annex 4 §3.6).' })
  callerAnonymous?: boolean | null;

  @Field(() => HelplineCallInput, { nullable: true, description: 'For HELPLINE signals: the call journal columns.' })
  helpline?: HelplineCallInput | null;

  @Field(() => String, {
    nullable: true,
    description:
      "OKTMO of the territory where the person lives, when known: routes a signal about an unknown person to that territory's operator organization (seed 003 §20).",
  })
  territoryOktmo?: string | null;
}

@ObjectType({ description: 'What submitSignal recorded: the signal, and the support case it opened or joined.' })
class SubmitSignalPayload extends MutationPayload {
  @Field(() => Signal, { nullable: true, description: 'The signal (the first one, on a retry with the same key); null when refused.' })
  signal?: Signal | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'False when this was a retry of an earlier submission with the same key; null when refused.',
  })
  created?: boolean | null;
}

@Resolver(() => Signal)
export class SignalResolver {
  /**
   * Idempotent and race-safe: the insert is `ON CONFLICT (submitted_by, idempotency_key) DO NOTHING`;
   * a concurrent twin waits on the unique index, inserts nothing, and returns the committed signal.
   */
  @Mutation(() => SubmitSignalPayload, { description: 'Submits a signal (seed 003 §15); opens a support case for a known person.' })
  submitSignal(@Arg('input', { description: 'The signal.' }) input: SubmitSignalInput, @Ctx() ctx: HubContext) {
    assertMaySubmitSignal(ctx.identity);
    return payloadOf(ctx, () => this.submit(input, ctx));
  }

  private async submit(input: SubmitSignalInput, ctx: HubContext): Promise<{ signal: Signal; created: boolean }> {
    const submittedBy = ctx.identity.subject;
    const key = { submittedBy, idempotencyKey: input.idempotencyKey };
    const previous = await ctx.em.findOne(Signal, key);
    if (previous) return { signal: previous, created: false };

    const { snils } = validateSignal(input, today());
    let person: Person | null = null;
    if (input.personId) {
      person = await loaderBy(ctx, Person, 'id').load(input.personId);
      if (!person) throw notFound('Person', input.personId);
      if (snils && person.snils !== snils) throw badInput('personId and personSnils name different people', { field: 'personSnils' });
    } else if (snils) {
      person = await loaderBy(ctx, Person, 'snils').load(snils);
    }
    if (input.territoryOktmo && !(await ctx.em.findOne(Territory, { oktmo: input.territoryOktmo }))) {
      throw notFound('Territory', input.territoryOktmo);
    }
    if (input.submittingOrganizationId && !(await loaderBy(ctx, Organization, 'id').load(input.submittingOrganizationId))) {
      throw notFound('Organization', input.submittingOrganizationId);
    }

    const id = randomUUID();
    const created = await ctx.em.transactional(async (em) => {
      const opened = person ? await caseForSignal(em, person, input.source, input.receivedOn, id) : null;
      const routed = await routeOf(em, ctx, opened, input);
      const supportCase = opened?.supportCase ?? null;
      const h = input.helpline ?? {};
      const result = await em
        .createQueryBuilder(Signal)
        .insert({
          id,
          ...key,
          source: input.source,
          personId: person?.id ?? null,
          personSnils: snils ?? person?.snils ?? null,
          receivedOn: input.receivedOn,
          summary: input.summary.trim(),
          submittingOrganizationId: input.submittingOrganizationId ?? null,
          ipraNumber: input.ipraNumber ?? null,
          callerAnonymous: input.callerAnonymous ?? false,
          callNumber: h.callNumber ?? null,
          calledAt: h.calledAt ?? null,
          callerName: input.callerAnonymous ? null : (h.callerName ?? null),
          callerCategory: h.callerCategory ?? null,
          callerBirthYear: h.callerBirthYear ?? null,
          result: h.result ?? null,
          serviceCode: h.serviceCode ?? null,
          supportCaseId: supportCase?.id ?? null,
          territoryOktmo: routed.territoryOktmo,
          operatorOrganizationId: routed.operatorOrganizationId,
          createdAt: new Date(),
        })
        .onConflict(['submittedBy', 'idempotencyKey'])
        .ignore()
        .execute('run');
      if (!result.affectedRows) return false;
      // Only the submission that inserted the signal opens the case: a concurrent twin writes nothing.
      if (opened) em.persist(opened.toPersist);
      ctx.audit.recordWrite(em, 'submitSignal', person ? [person.id] : []);
      return true;
    });
    const signal = await ctx.em.fork().findOneOrFail(Signal, created ? { id } : key);
    return { signal, created };
  }

  @FieldResolver(() => Person, {
    nullable: true,
    description: 'The person, when known by id or SNILS; null while unassigned. Each personal field is checked on its own.',
  })
  person(@Root() signal: Signal, @Ctx() ctx: HubContext): Promise<Person | null> | null {
    return signal.personId ? loaderBy(ctx, Person, 'id').load(signal.personId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Organization that sent the signal; null when not given.' })
  submittingOrganization(@Root() signal: Signal, @Ctx() ctx: HubContext): Promise<Organization | null> | null {
    return signal.submittingOrganizationId ? loaderBy(ctx, Organization, 'id').load(signal.submittingOrganizationId) : null;
  }

  @FieldResolver(() => SupportCase, {
    nullable: true,
    description: 'The support case the signal opened or joined (its coordinator only); null while unassigned.',
  })
  async supportCase(@Root() signal: Signal, @Ctx() ctx: HubContext): Promise<SupportCase | null> {
    if (!signal.supportCaseId) return null;
    return assertMayRunCase(ctx, await loaderBy(ctx, SupportCase, 'id').load(signal.supportCaseId), signal.supportCaseId);
  }
}

/**
 * Whose intake queue a signal lands in (seed 003 §20: operator organizations hold the register of their territory):
 * the family's operator when the signal opened or joined a case; else the coordinator's own organization when a
 * coordinator recorded it; else the only operator of the territory the partner named. Otherwise it stays unrouted
 * and is shown in the queues of the operators of its territory, or of every operator when it has none (intakeScopeOf),
 * so it is not lost.
 */
async function routeOf(
  em: HubContext['em'],
  ctx: HubContext,
  opened: OpenedCase | null,
  input: { territoryOktmo?: string | null },
): Promise<{ territoryOktmo: string | null; operatorOrganizationId: string | null }> {
  const own =
    ctx.identity.role === 'COORDINATOR' && ctx.identity.organizationId
      ? await em.findOne(Organization, { id: ctx.identity.organizationId })
      : null;
  const operators = input.territoryOktmo
    ? await em.find(Organization, { territory: input.territoryOktmo, kind: OrganizationKind.OPERATOR })
    : [];
  return routeOfSignal({
    family: opened ? { operatorOrganizationId: opened.familyOperatorId, territoryOktmo: opened.familyTerritoryOktmo } : null,
    coordinatorOrganization: own ? { id: own.id, territoryOktmo: own.territory.oktmo } : null,
    givenTerritoryOktmo: input.territoryOktmo ?? null,
    territoryOperatorIds: operators.map((o) => o.id),
  });
}
