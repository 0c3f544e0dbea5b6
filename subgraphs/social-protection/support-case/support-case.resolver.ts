import { LockMode } from '@mikro-orm/core';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { checkPageSize, Connection, decodeCursor, PageArgs, pageOf } from '../../kit/platform/connection';
import { MutationPayload, payloadOf } from '../../kit/platform/user-errors';
import { Family } from '../family/family.entity';
import { Organization } from '../organization/organization.entity';
import { Person } from '../person/person.entity';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy, loaderManyBy } from '../../kit/platform/entity-loaders';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { today } from '../../kit/platform/clock';
import { forbidden } from '../../kit/policy/authorization';
import { Programme } from '../programme/programme.entity';
import { Signal } from '../signal/signal.entity';
import { deadlineOf, deadlineOrNull } from './deadline';
import { SupportCaseDeadline } from './deadline.type';
import { assertMayRunCase } from './support-case.policy';
import { recordTransition } from './transition';
import { StageTransition, SupportCase } from './support-case.entity';
import { assertAdvance, assertConclusion, assertStageDate } from './support-case.rules';
import { ContactMethod, isOverdue, SupportStage } from './stages';
import { assertNeedsAssessedFor } from '../needs-assessment/assessment-gate';

@ObjectType({ description: 'A page of support cases.' })
export class SupportCaseConnection extends Connection(SupportCase) {}

@InputType({ description: 'Move a support case to another stage (seed 003 ch. 7).' })
class AdvanceSupportCaseInput {
  @Field(() => ID, { description: 'The support case, run by my organization.' })
  supportCaseId!: string;

  @Field(() => SupportStage, { description: 'The stage to move to: the next one, a previous one (with a reason), DECLINED or STOPPED.' })
  to!: SupportStage;

  @Field(() => LocalDate, { nullable: true, description: 'Day the move happened; today by default.' })
  on?: string | null;

  @Field(() => String, { nullable: true, description: 'Needed to decline, stop, or go back a stage.' })
  reason?: string | null;

  @Field(() => ContactMethod, { nullable: true, description: 'Needed when moving to CONTACTED (seed 003 §16–18).' })
  contactMethod?: ContactMethod | null;

  @Field(() => LocalDate, { nullable: true, description: "Day of the citizen's appeal, if it became known (seed 004 §3.2.7)." })
  appealedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Post of the coordinator taking the case (seed 001 §3.3(3)).' })
  coordinatorPost?: string | null;
}

@InputType({ description: 'The conclusion on the execution of the programme that closes the case (seed 000 §3).' })
class ConcludeSupportCaseInput {
  @Field(() => ID, { description: 'The support case, in IN_IMPLEMENTATION.' })
  supportCaseId!: string;

  @Field({ description: 'The conclusion on the execution of the programme, in Russian.' })
  conclusion!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day the case is concluded; today by default.' })
  on?: string | null;
}

@ObjectType({ description: 'What advanceSupportCase changed.' })
class AdvanceSupportCasePayload extends MutationPayload {
  @Field(() => SupportCase, { nullable: true, description: 'The case in its new stage; null when refused (see userErrors).' })
  supportCase?: SupportCase | null;
}

@ObjectType({ description: 'What concludeSupportCase changed.' })
class ConcludeSupportCasePayload extends MutationPayload {
  @Field(() => SupportCase, { nullable: true, description: 'The concluded case; null when refused (see userErrors).' })
  supportCase?: SupportCase | null;
}

const CLOSED: SupportStage[] = [SupportStage.CONCLUDED, SupportStage.DECLINED, SupportStage.STOPPED];
const NO_DUE_DAY = '9999-12-31';

@Resolver(() => SupportCase)
export class SupportCaseResolver {
  @Authorized(Role.COORDINATOR)
  @Query(() => SupportCase, {
    nullable: true,
    description: "A support case of the caller's operator organization (seed 003 §33); NOT_FOUND when unknown, FORBIDDEN for another's.",
  })
  async supportCase(
    @Arg('id', () => ID, { description: 'Hub id of the support case.' }) id: string,
    @Ctx() ctx: HubContext,
  ): Promise<SupportCase> {
    const c = assertMayRunCase(ctx, await loaderBy(ctx, SupportCase, 'id').load(id), id);
    ctx.audit.read('supportCase', c.personId);
    return c;
  }

  /**
   * The coordinator's open cases by due day, then opening day and id: overdue cases come first because their due
   * day is the earliest, cases without a term last. The order keys never change as days pass, so a keyset cursor
   * (due day, opening day, id) continues right after the last case seen. Two statements whatever the number of
   * cases: the organization's open cases, and the production calendar; due days are computed in memory (the
   * calendar, not SQL, knows working days).
   */
  @Authorized(Role.COORDINATOR)
  @Query(() => SupportCaseConnection, {
    nullable: true,
    description:
      'Open support cases of my organization by due day (overdue first), then opening day and id; cases without a term last. Keyset cursors: a page continues after the last case seen even as days pass.',
  })
  async worklist(
    @Args() { first, after }: PageArgs,
    @Arg('stage', () => [SupportStage], {
      nullable: true,
      description:
        'Stages to list: only the open cases in one of them (a closed stage lists nothing); all open stages when left out or empty.',
    })
    stage: SupportStage[] | null,
    @Arg('territoryOktmo', () => String, { nullable: true, description: 'OKTMO of a territory: only the cases concerning it.' })
    territoryOktmo: string | null,
    @Ctx() ctx: HubContext,
  ) {
    const organizationId = ctx.identity.organizationId;
    if (!organizationId) throw forbidden('A coordinator without an organization has no worklist');
    checkPageSize(first);
    const cursor = decodeCursor(after, 3);
    // The filters narrow the statement, not the page: the order keys do not depend on them, so a cursor taken
    // with the same filters continues after the last case seen.
    const open = await ctx.em.find(SupportCase, {
      operatorOrganizationId: organizationId,
      stage: stage?.length ? { $in: stage.filter((s) => !CLOSED.includes(s)) } : { $nin: CLOSED },
      ...(territoryOktmo ? { territoryOktmo } : {}),
    });
    const entries = await Promise.all(
      open.map(async (c) => ({
        c,
        key: [(await deadlineOrNull(ctx, c))?.dueDate ?? NO_DUE_DAY, c.openedOn, c.id] as [string, string, string],
      })),
    );
    const compare = (a: [string, string, string], b: readonly unknown[]) => {
      for (let i = 0; i < 3; i++) {
        const x = a[i];
        const y = String(b[i]);
        if (x !== y) return x < y ? -1 : 1;
      }
      return 0;
    };
    entries.sort((a, b) => compare(a.key, b.key));
    const rest = cursor ? entries.filter((e) => compare(e.key, cursor) > 0) : entries;
    const rows = rest.slice(0, first + 1);
    const page = pageOf(rows, entries.length, first, cursor, (e) => e.key);
    if (page.edges.length)
      ctx.audit.read(
        'worklist',
        page.edges.map((e) => e.node.c.personId),
      );
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: e.node.c })) };
  }

  @Authorized(Role.COORDINATOR)
  @Mutation(() => AdvanceSupportCasePayload, {
    description: 'Moves a case one stage forward, back with a reason, or to DECLINED/STOPPED (seed 003 ch. 7).',
  })
  advanceSupportCase(@Arg('input', { description: 'The move.' }) input: AdvanceSupportCaseInput, @Ctx() ctx: HubContext) {
    return payloadOf(ctx, async () => ({ supportCase: await this.advance(input, ctx) }));
  }

  private advance(input: AdvanceSupportCaseInput, ctx: HubContext): Promise<SupportCase> {
    return ctx.em.transactional(async (em) => {
      const c = assertMayRunCase(
        ctx,
        await em.findOne(SupportCase, { id: input.supportCaseId }, { lockMode: LockMode.PESSIMISTIC_WRITE }),
        input.supportCaseId,
      );
      const on = input.on ?? today();
      assertAdvance(c.stage, input.to, { reason: input.reason ?? undefined, contactMethod: input.contactMethod ?? undefined });
      assertStageDate(on, c.stageEnteredOn, today());
      await assertNeedsAssessedFor(em, c, input.to, on);
      if (input.appealedOn) {
        assertStageDate(input.appealedOn, c.openedOn, today());
        c.appealedOn = input.appealedOn;
      }
      if (input.coordinatorPost?.trim()) c.coordinatorPost = input.coordinatorPost.trim();
      recordTransition(em, ctx, c, input.to, on, input);
      if (input.to === SupportStage.DECLINED || input.to === SupportStage.STOPPED) c.closedOn = on;
      ctx.audit.recordWrite(em, 'advanceSupportCase', [c.personId]);
      return c;
    });
  }

  @Authorized(Role.COORDINATOR)
  @Mutation(() => ConcludeSupportCasePayload, {
    description: 'Closes a case in implementation with the conclusion on the execution of its programme (seed 000 §3).',
  })
  concludeSupportCase(@Arg('input', { description: 'The conclusion.' }) input: ConcludeSupportCaseInput, @Ctx() ctx: HubContext) {
    return payloadOf(ctx, async () => ({ supportCase: await this.conclude(input, ctx) }));
  }

  private conclude(input: ConcludeSupportCaseInput, ctx: HubContext): Promise<SupportCase> {
    return ctx.em.transactional(async (em) => {
      const c = assertMayRunCase(
        ctx,
        await em.findOne(SupportCase, { id: input.supportCaseId }, { lockMode: LockMode.PESSIMISTIC_WRITE }),
        input.supportCaseId,
      );
      const on = input.on ?? today();
      assertConclusion(c.stage, input.conclusion);
      assertStageDate(on, c.stageEnteredOn, today());
      recordTransition(em, ctx, c, SupportStage.CONCLUDED, on);
      c.conclusion = input.conclusion.trim();
      c.closedOn = on;
      ctx.audit.recordWrite(em, 'concludeSupportCase', [c.personId]);
      return c;
    });
  }

  @FieldResolver(() => LocalDate, {
    nullable: true,
    description:
      'Due day of the current stage, counted in working days (seed 003 §16, seed 004 §3.2.3, §3.2.7, §3.2.8); null for stages without a term.',
  })
  async dueOn(@Root() c: SupportCase, @Ctx() ctx: HubContext): Promise<string | null> {
    return (await deadlineOf(ctx, c))?.dueDate ?? null;
  }

  @FieldResolver(() => SupportCaseDeadline, {
    nullable: true,
    description: "The current stage's deadline with its rule and provisional mark; null for stages without a term.",
  })
  async stageDeadline(@Root() c: SupportCase, @Ctx() ctx: HubContext): Promise<SupportCaseDeadline | null> {
    return deadlineOf(ctx, c);
  }

  @FieldResolver(() => Boolean, { description: 'The due day has passed on the given day (the due day itself is still in time).' })
  async overdue(
    @Root() c: SupportCase,
    @Ctx() ctx: HubContext,
    @Arg('on', () => LocalDate, { nullable: true, description: 'Day to judge on; today by default.' }) on?: string | null,
  ): Promise<boolean> {
    const deadline = await deadlineOf(ctx, c);
    return deadline !== null && isOverdue(deadline.dueDate, on ?? today());
  }

  @FieldResolver(() => String, { nullable: true, description: 'The seed clause that sets the current deadline.' })
  async deadlineSource(@Root() c: SupportCase, @Ctx() ctx: HubContext): Promise<string | null> {
    return (await deadlineOf(ctx, c))?.source ?? null;
  }

  @FieldResolver(() => [StageTransition], { description: 'Stage history of the case, oldest first (bounded by the stages of one case).' })
  transitions(@Root() c: SupportCase, @Ctx() ctx: HubContext): Promise<StageTransition[]> {
    return loaderManyBy(ctx, StageTransition, 'caseId', { recordedAt: 'asc' }).load(c.id);
  }

  @FieldResolver(() => [Programme], {
    description: 'Programmes agreed in the case, oldest first (one per agreement; bounded by the case).',
  })
  programmes(@Root() c: SupportCase, @Ctx() ctx: HubContext): Promise<Programme[]> {
    return loaderManyBy(ctx, Programme, 'caseId', { agreedOn: 'asc' }).load(c.id);
  }

  @FieldResolver(() => Signal, { nullable: true, description: 'The signal that opened the case; null when opened otherwise.' })
  signal(@Root() c: SupportCase, @Ctx() ctx: HubContext): Promise<Signal | null> | null {
    return c.signalId ? loaderBy(ctx, Signal, 'id').load(c.signalId) : null;
  }

  @FieldResolver(() => Family, { nullable: true, description: 'The family supported, when the person belongs to one.' })
  family(@Root() c: SupportCase, @Ctx() ctx: HubContext): Promise<Family | null> | null {
    return c.familyId ? loaderBy(ctx, Family, 'id').load(c.familyId) : null;
  }

  @FieldResolver(() => Person, {
    nullable: true,
    description: 'The person the signal was about; each personal field is checked on its own.',
  })
  person(@Root() c: SupportCase, @Ctx() ctx: HubContext): Promise<Person | null> {
    return loaderBy(ctx, Person, 'id').load(c.personId);
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: "Operator organization running the case (the family's operator, seed 003 §4.2).",
  })
  operatorOrganization(@Root() c: SupportCase, @Ctx() ctx: HubContext): Promise<Organization | null> | null {
    return c.operatorOrganizationId ? loaderBy(ctx, Organization, 'id').load(c.operatorOrganizationId) : null;
  }
}
