import { LockMode } from '@mikro-orm/core';
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { checkPageSize, Connection, decodeOffsetCursor as decodeCursor, offsetPageOf as pageOf } from '../../kit/platform/connection';
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
import { assertAdvance, assertConclusion, assertStageDate, compareWorklist } from './support-case.rules';
import { ContactMethod, isOverdue, SupportStage } from './stages';

@ObjectType()
export class SupportCaseConnection extends Connection(SupportCase) {}

@ArgsType()
class WorklistArgs {
  @Field(() => Int, { defaultValue: 20 })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Day to judge "overdue" on; today by default.' })
  asOf?: string | null;
}

@InputType({ description: 'Move a support case to another stage (seed 003 ch. 7).' })
class AdvanceSupportCaseInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => SupportStage)
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
  @Field(() => ID)
  caseId!: string;

  @Field()
  conclusion!: string;

  @Field(() => LocalDate, { nullable: true })
  on?: string | null;
}

@Resolver(() => SupportCase)
export class SupportCaseResolver {
  @Authorized(Role.COORDINATOR)
  @Query(() => SupportCase, { nullable: true, description: "A support case of the caller's operator organization." })
  async supportCase(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext): Promise<SupportCase> {
    const c = assertMayRunCase(ctx, await loaderBy(ctx, SupportCase, 'id').load(id), id);
    ctx.audit.read('supportCase', c.personId);
    return c;
  }

  /**
   * The coordinator's open cases, overdue first, then by nearest due date. Two statements whatever the
   * number of cases: the organization's open cases, and the production calendar; due dates are computed
   * in memory in one pass (the calendar, not SQL, knows working days).
   */
  @Authorized(Role.COORDINATOR)
  @Query(() => SupportCaseConnection, { description: 'Open support cases of my organization: overdue first, then nearest deadline.' })
  async worklist(@Args() { first, after, asOf }: WorklistArgs, @Ctx() ctx: HubContext) {
    const organizationId = ctx.identity.organizationId;
    if (!organizationId) throw forbidden('A coordinator without an organization has no worklist');
    const offset = decodeCursor(after);
    checkPageSize(first);
    const day = asOf ?? today();
    const open = await ctx.em.find(SupportCase, {
      operatorOrganizationId: organizationId,
      stage: { $nin: [SupportStage.CONCLUDED, SupportStage.DECLINED, SupportStage.STOPPED] },
    });
    const entries = await Promise.all(
      open.map(async (c) => ({ c, id: c.id, openedOn: c.openedOn, dueDate: (await deadlineOrNull(ctx, c))?.dueDate ?? null })),
    );
    entries.sort((a, b) => compareWorklist(a, b, day));
    const page = entries.slice(offset, offset + first).map((e) => e.c);
    if (page.length)
      ctx.audit.read(
        'worklist',
        page.map((c) => c.personId),
      );
    return pageOf(page, entries.length, offset, first);
  }

  @Authorized(Role.COORDINATOR)
  @Mutation(() => SupportCase, {
    description: 'Moves a case one stage forward, back with a reason, or to DECLINED/STOPPED (seed 003 ch. 7).',
  })
  async advanceSupportCase(@Arg('input') input: AdvanceSupportCaseInput, @Ctx() ctx: HubContext): Promise<SupportCase> {
    return ctx.em.transactional(async (em) => {
      const c = assertMayRunCase(
        ctx,
        await em.findOne(SupportCase, { id: input.caseId }, { lockMode: LockMode.PESSIMISTIC_WRITE }),
        input.caseId,
      );
      const on = input.on ?? today();
      assertAdvance(c.stage, input.to, { reason: input.reason ?? undefined, contactMethod: input.contactMethod ?? undefined });
      assertStageDate(on, c.stageEnteredOn, today());
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
  @Mutation(() => SupportCase, {
    description: 'Closes a case in implementation with the conclusion on the execution of its programme (seed 000 §3).',
  })
  async concludeSupportCase(@Arg('input') input: ConcludeSupportCaseInput, @Ctx() ctx: HubContext): Promise<SupportCase> {
    return ctx.em.transactional(async (em) => {
      const c = assertMayRunCase(
        ctx,
        await em.findOne(SupportCase, { id: input.caseId }, { lockMode: LockMode.PESSIMISTIC_WRITE }),
        input.caseId,
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
    description: 'Deadline of the current stage in working days (seed 003 §16, seed 004 §3.2.3, §3.2.7, §3.2.8).',
  })
  async dueDate(@Root() c: SupportCase, @Ctx() ctx: HubContext): Promise<string | null> {
    return (await deadlineOf(ctx, c))?.dueDate ?? null;
  }

  @FieldResolver(() => SupportCaseDeadline, {
    nullable: true,
    description: "The current stage's deadline with its rule and provisional mark; null for stages without a term.",
  })
  async deadline(@Root() c: SupportCase, @Ctx() ctx: HubContext): Promise<SupportCaseDeadline | null> {
    return deadlineOf(ctx, c);
  }

  @FieldResolver(() => Boolean, { description: 'The due date has passed (the due day itself is still in time).' })
  async overdue(
    @Root() c: SupportCase,
    @Ctx() ctx: HubContext,
    @Arg('asOf', () => LocalDate, { nullable: true }) asOf?: string | null,
  ): Promise<boolean> {
    const deadline = await deadlineOf(ctx, c);
    return deadline !== null && isOverdue(deadline.dueDate, asOf ?? today());
  }

  @FieldResolver(() => String, { nullable: true, description: 'The seed clause that sets the current deadline.' })
  async deadlineSource(@Root() c: SupportCase, @Ctx() ctx: HubContext): Promise<string | null> {
    return (await deadlineOf(ctx, c))?.source ?? null;
  }

  @FieldResolver(() => [StageTransition], { description: 'Stage history, oldest first.' })
  transitions(@Root() c: SupportCase, @Ctx() ctx: HubContext): Promise<StageTransition[]> {
    return loaderManyBy(ctx, StageTransition, 'caseId', { recordedAt: 'asc' }).load(c.id);
  }

  @FieldResolver(() => [Programme])
  programmes(@Root() c: SupportCase, @Ctx() ctx: HubContext): Promise<Programme[]> {
    return loaderManyBy(ctx, Programme, 'caseId', { agreedOn: 'asc' }).load(c.id);
  }

  @FieldResolver(() => Signal, { nullable: true })
  signal(@Root() c: SupportCase, @Ctx() ctx: HubContext): Promise<Signal | null> | null {
    return c.signalId ? loaderBy(ctx, Signal, 'id').load(c.signalId) : null;
  }
}

export const supportCaseReference = {
  async __resolveReference(reference: { id: string }, ctx: HubContext) {
    const c = await loaderBy(ctx, SupportCase, 'id').load(reference.id);
    return c ? assertMayRunCase(ctx, c, reference.id) : null;
  },
};
