import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { normalizeSnils } from '../../kit/domain/snils';
import { today } from '../../kit/platform/clock';
import { Connection, PageArgs } from '../../kit/platform/connection';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy } from '../../kit/platform/entity-loaders';
import { badInput, DomainError, ErrorCode, notFound } from '../../kit/platform/errors';
import { LocalDate } from '../../kit/platform/scalars';
import { MutationPayload, payloadOf } from '../../kit/platform/user-errors';
import { forbidden } from '../../kit/policy/authorization';
import { Role } from '../../kit/policy/roles';
import { Family, FamilyMember, FamilyRelation } from '../family/family.entity';
import { assertMayReadFamily } from '../family/family.policy';
import { Organization } from '../organization/organization.entity';
import { Person } from '../person/person.entity';
import { assertBirthDate, assertName } from '../register/register.rules';
import { addPersonToFamily, PersonDetailsInput } from '../register/person-details.input';
import { FamilyDetailsInput, registerFamilyOf } from '../register/family-details.input';
import { SupportCase } from '../support-case/support-case.entity';
import { coordinatesPerson } from '../support-case/support-case.policy';
import { Territory } from '../territory/territory.entity';
import { assertMayClose, assertMayMatch, assertSameSnils, intakeStatusOf } from './intake.rules';
import { assertMayTakeSignal, intakeScopeOfCaller } from './intake.policy';
import { caseForSignal } from './open-case';
import { signalPage } from './signal-page';
import { Signal, SignalCloseReason, SignalIntakeStatus } from './signal.entity';

@ObjectType({ description: 'A page of signals, oldest first.' })
export class SignalConnection extends Connection(Signal) {}

@InputType({ description: 'Match a waiting signal to a person of one of my families (seed 003 §15).' })
class MatchSignalInput {
  @Field(() => ID, { description: 'The signal, waiting in my intake queue.' })
  signalId!: string;

  @Field(() => ID, { description: 'The person the signal is about: a member of one of my families, or of none (then give familyId).' })
  personId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'For a person who is in no family yet: one of my families they join, so their support case can open.',
  })
  familyId?: string | null;

  @Field(() => FamilyRelation, { nullable: true, description: "With familyId: the person's relation within that family." })
  relation?: FamilyRelation | null;
}

@InputType({ description: 'A new family for a person registered from a signal, supported by my operator organization.' })
class NewFamilyInput extends FamilyDetailsInput {}

@InputType({
  description:
    'Register the person a waiting signal is about (the rules of registerPerson: checked SNILS, a birth day in the past) and match the signal to them. The SNILS must equal the one the signal carries, if any.',
})
class RegisterPersonFromSignalInput extends PersonDetailsInput {
  @Field(() => ID, { description: 'The signal, waiting in my intake queue.' })
  signalId!: string;

  @Field(() => ID, { nullable: true, description: 'One of my families the person joins; leave out to register a new family (newFamily).' })
  familyId?: string | null;

  @Field(() => NewFamilyInput, { nullable: true, description: 'A new family for the person, when familyId is left out.' })
  newFamily?: NewFamilyInput | null;

  @Field(() => String, {
    nullable: true,
    description: 'Client-supplied key: a retry with the same key answers the person the first call registered.',
  })
  idempotencyKey?: string | null;
}

@InputType({
  description: 'Close a waiting signal without a person, with the reason (seed 004 §5.1.4: the journal says what became of it).',
})
class CloseSignalInput {
  @Field(() => ID, { description: 'The signal, waiting in my intake queue.' })
  signalId!: string;

  @Field(() => SignalCloseReason, { nullable: true, description: 'Why the signal is closed; required (BAD_USER_INPUT when left out).' })
  reason?: SignalCloseReason | null;

  @Field(() => String, { nullable: true, description: 'A comment in Russian; required when the reason is OTHER.' })
  comment?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Day the signal is closed; today by default. Not before it arrived.' })
  on?: string | null;
}

@ObjectType({ description: 'What matchSignal changed: the signal and the support case it opened or joined.' })
class MatchSignalPayload extends MutationPayload {
  @Field(() => Signal, { nullable: true, description: 'The signal, now MATCHED; null when refused.' })
  signal?: Signal | null;

  @Field(() => SupportCase, { nullable: true, description: "The person's support case the signal opened or joined; null when refused." })
  supportCase?: SupportCase | null;
}

@ObjectType({ description: 'What registerPersonFromSignal created: the person, their family, and the case the signal opened or joined.' })
class RegisterPersonFromSignalPayload extends MutationPayload {
  @Field(() => Signal, { nullable: true, description: 'The signal, now MATCHED; null when refused.' })
  signal?: Signal | null;

  @Field(() => Person, { nullable: true, description: 'The person registered (on a retry, the one registered first); null when refused.' })
  person?: Person | null;

  @Field(() => Family, { nullable: true, description: 'The family the person joined; null when refused.' })
  family?: Family | null;

  @Field(() => SupportCase, { nullable: true, description: 'The support case the signal opened or joined; null when refused.' })
  supportCase?: SupportCase | null;
}

@ObjectType({ description: 'What closeSignal changed.' })
class CloseSignalPayload extends MutationPayload {
  @Field(() => Signal, { nullable: true, description: 'The signal, now CLOSED; null when refused.' })
  signal?: Signal | null;
}

/**
 * The intake queue (issue 15 §2; seed 003 §15, seed 004 §1.12): signals that matched no person, anonymous calls,
 * and signals about a person in no family wait here until a coordinator matches them to a person (the support
 * process then starts exactly as for a signal matched on arrival), registers the person, or closes them with a reason.
 */
@Resolver(() => Signal)
export class IntakeResolver {
  @Authorized(Role.COORDINATOR)
  @Query(() => SignalConnection, {
    nullable: true,
    description:
      "Signals waiting in my operator organization's intake queue, the unrouted ones of its territory, and those with no territory no operator can hold, oldest first (seed 003 §15, §20; seed 004 §1.12).",
  })
  async intakeQueue(
    @Args() { first, after }: PageArgs,
    @Arg('territoryOktmo', () => String, { nullable: true, description: 'OKTMO of a territory: only the signals concerning it.' })
    territoryOktmo: string | null,
    @Ctx() ctx: HubContext,
  ) {
    const scope = await intakeScopeOfCaller(ctx);
    if (!scope) throw forbidden('A coordinator without an organization has no intake queue');
    const page = await signalPage(
      ctx,
      {
        supportCaseId: null,
        closedOn: null,
        $or: scope,
        ...(territoryOktmo ? { territoryOktmo } : {}),
      },
      first,
      after,
    );
    const personIds = page.edges.flatMap((e) => (e.node.personId ? [e.node.personId] : []));
    if (personIds.length) ctx.audit.read('intakeQueue', personIds);
    return page;
  }

  @Authorized(Role.COORDINATOR)
  @Mutation(() => MatchSignalPayload, {
    description:
      "Matches a waiting signal to a person of one of my families: it opens the family's support case in IDENTIFIED, or joins the open one (seed 003 §15–16). A retry answers the same case.",
  })
  matchSignal(@Arg('input', { description: 'The signal and the person.' }) input: MatchSignalInput, @Ctx() ctx: HubContext) {
    return payloadOf(ctx, () =>
      ctx.em.transactional(async (em) => {
        const signal = await this.lockSignal(em as EntityManager, ctx, input.signalId, 'matchSignal');
        const person = await em.findOne(Person, { id: input.personId });
        if (!person) throw notFound('Person', input.personId);
        if (assertMayMatch(signal, person.id) === 'ALREADY_MATCHED') {
          return { signal, supportCase: await em.findOneOrFail(SupportCase, { id: signal.supportCaseId! }) };
        }
        assertSameSnils(signal.personSnils, person.snils);
        if (!(await coordinatesPerson(ctx, person.id))) {
          if (await em.count(FamilyMember, { person: person.id })) {
            ctx.audit.denied('matchSignal', person.id, 'FORBIDDEN');
            throw forbidden('The person is a member of a family another operator organization supports');
          }
          await this.join(em as EntityManager, ctx, person, input);
        }
        const supportCase = await this.attach(em as EntityManager, ctx, signal, person, 'matchSignal');
        return { signal, supportCase };
      }),
    );
  }

  @Authorized(Role.COORDINATOR)
  @Mutation(() => RegisterPersonFromSignalPayload, {
    description:
      'Registers the person a waiting signal is about, in one of my families or a new one (the rules of registerPerson), and matches the signal to them: the support process starts as for a matched signal (seed 003 §15–16).',
  })
  registerPersonFromSignal(
    @Arg('input', { description: 'The signal, the person and their family.' }) input: RegisterPersonFromSignalInput,
    @Ctx() ctx: HubContext,
  ) {
    const organizationId = ctx.identity.organizationId;
    if (!organizationId) throw forbidden('A coordinator without an organization cannot register people');
    return payloadOf(ctx, async () => {
      const snils = normalizeSnils(input.snils);
      assertBirthDate(input.bornOn, today());
      // Names are refused before the signal is locked, as registerPerson refuses them before it looks anything up.
      assertName(input.lastName, 'lastName');
      assertName(input.firstName, 'firstName');
      if (!input.familyId && !input.newFamily) throw badInput('Give the family the person joins, or a new family', { field: 'familyId' });
      if (input.familyId && input.newFamily) throw badInput('Give either familyId or newFamily, not both', { field: 'newFamily' });
      return ctx.em.transactional(async (tx) => {
        const em = tx as EntityManager;
        const signal = await this.lockSignal(em, ctx, input.signalId, 'registerPersonFromSignal');
        if (intakeStatusOf(signal) === SignalIntakeStatus.MATCHED && signal.personId) {
          // A retry: the first call registered this SNILS and matched the signal to them.
          const first = await em.findOne(Person, { id: signal.personId });
          if (first?.snils === snils) {
            const membership = await em.findOne(FamilyMember, { person: first.id }, { populate: ['family'], orderBy: { id: 'asc' } });
            const supportCase = await em.findOneOrFail(SupportCase, { id: signal.supportCaseId! });
            return { signal, person: first, family: membership?.family ?? null, supportCase };
          }
        }
        assertMayMatch(signal, '');
        assertSameSnils(signal.personSnils, snils);
        if (await em.findOne(Person, { snils })) {
          throw new DomainError(ErrorCode.CONFLICT, 'A person with this SNILS is already registered: match the signal to them', {
            field: 'snils',
          });
        }
        const family = input.familyId
          ? await em.findOne(Family, { id: input.familyId })
          : await registerFamilyOf(em, organizationId, input.newFamily!, 'newFamily.displayName');
        if (!family) throw notFound('Family', input.familyId!);
        await assertMayReadFamily(ctx, family, 'registerPersonFromSignal');
        const person = addPersonToFamily(em, family, input, snils, input.idempotencyKey ?? null);
        await em.flush();
        const supportCase = await this.attach(em, ctx, signal, person, 'registerPersonFromSignal');
        return { signal, person, family, supportCase };
      });
    });
  }

  @Authorized(Role.COORDINATOR)
  @Mutation(() => CloseSignalPayload, {
    description:
      'Closes a waiting signal without a person, with a reason and a comment (required for OTHER); it leaves the queue and stays in the journals. A retry with the same reason answers the same signal.',
  })
  closeSignal(@Arg('input', { description: 'The signal and the reason.' }) input: CloseSignalInput, @Ctx() ctx: HubContext) {
    return payloadOf(ctx, () =>
      ctx.em.transactional(async (tx) => {
        const em = tx as EntityManager;
        const signal = await this.lockSignal(em, ctx, input.signalId, 'closeSignal');
        const on = input.on ?? today();
        if (assertMayClose(signal, { reason: input.reason, comment: input.comment, on }, today()) === 'ALREADY_CLOSED') return { signal };
        signal.closedOn = on;
        signal.closeReason = input.reason!;
        signal.closeComment = input.comment?.trim() || null;
        signal.handledBy = ctx.identity.subject;
        if (!signal.operatorOrganizationId) signal.operatorOrganizationId = ctx.identity.organizationId;
        ctx.audit.recordWrite(em, 'closeSignal', signal.personId ? [signal.personId] : []);
        return { signal };
      }),
    );
  }

  @FieldResolver(() => SignalIntakeStatus, {
    description: 'Where the signal stands in the intake: WAITING, MATCHED or CLOSED (seed 003 §15).',
  })
  intakeStatus(@Root() signal: Signal): SignalIntakeStatus {
    return intakeStatusOf(signal);
  }

  @FieldResolver(() => Territory, { nullable: true, description: 'The territory the signal concerns; null when unknown.' })
  territory(@Root() signal: Signal, @Ctx() ctx: HubContext): Promise<Territory | null> | null {
    return signal.territoryOktmo ? loaderBy(ctx, Territory, 'oktmo').load(signal.territoryOktmo) : null;
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'The operator organization whose intake queue holds the signal; null while unrouted.',
  })
  operatorOrganization(@Root() signal: Signal, @Ctx() ctx: HubContext): Promise<Organization | null> | null {
    return signal.operatorOrganizationId ? loaderBy(ctx, Organization, 'id').load(signal.operatorOrganizationId) : null;
  }

  /** The signal, locked for this transaction so a concurrent match, registration or closing waits and then sees the result. */
  private async lockSignal(em: EntityManager, ctx: HubContext, id: string, operation: string): Promise<Signal> {
    const signal = await em.findOne(Signal, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!signal) throw notFound('Signal', id);
    return assertMayTakeSignal(ctx, signal, operation);
  }

  /** Opens or joins the person's case exactly as submitSignal does for a signal that names a known person. */
  private async attach(em: EntityManager, ctx: HubContext, signal: Signal, person: Person, operation: string): Promise<SupportCase> {
    const opened = await caseForSignal(em, person, signal.source, signal.receivedOn, signal.id);
    if (!opened) throw badInput('The person is in no family: register them in a family first', { field: 'personId' });
    em.persist(opened.toPersist);
    signal.personId = person.id;
    signal.personSnils ??= person.snils;
    signal.supportCaseId = opened.supportCase.id;
    signal.operatorOrganizationId = opened.familyOperatorId;
    signal.territoryOktmo = opened.familyTerritoryOktmo;
    signal.handledBy = ctx.identity.subject;
    ctx.audit.recordWrite(em, operation, [person.id]);
    return opened.supportCase;
  }

  /** A known person in no family joins one of mine, so the signal about them can open a case (seed 003 §15–16). */
  private async join(em: EntityManager, ctx: HubContext, person: Person, input: MatchSignalInput): Promise<void> {
    if (!input.familyId) throw badInput('The person is in no family: give the family they join (familyId)', { field: 'familyId' });
    if (!input.relation) throw badInput("Give the person's relation within the family", { field: 'relation' });
    const family = await em.findOne(Family, { id: input.familyId });
    if (!family) throw notFound('Family', input.familyId);
    await assertMayReadFamily(ctx, family, 'matchSignal');
    em.create(FamilyMember, { id: randomUUID(), family, person, relation: input.relation, isLegalRepresentative: false });
    await em.flush();
  }
}
