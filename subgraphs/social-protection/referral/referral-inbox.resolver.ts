import { LockMode } from '@mikro-orm/core';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { now, today } from '../../kit/platform/clock';
import { checkPageSize, Connection, decodeCursor, PageArgs, pageOf } from '../../kit/platform/connection';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy } from '../../kit/platform/entity-loaders';
import { illegalTransition, notFound } from '../../kit/platform/errors';
import { LocalDate } from '../../kit/platform/scalars';
import { MutationPayload, payloadOf } from '../../kit/platform/user-errors';
import { forbidden } from '../../kit/policy/authorization';
import { Role } from '../../kit/policy/roles';
import { calendarFor } from '../calendar/calendar.loader';
import { createOnce } from '../platform/create-once';
import { MeasureExecution } from '../programme/measure-execution.entity';
import { assertCoordinatorRecordsExecution, measureStatusAfterExecution } from '../programme/measure-execution.rules';
import { Measure } from '../programme/programme.entity';
import { SupportCase } from '../support-case/support-case.entity';
import { assertMayRunCase } from '../support-case/support-case.policy';
import { assertStageDate } from '../support-case/support-case.rules';
import { assertReferralTransition, ReferralStatus } from './referral-status';
import { Referral } from './referral.entity';
import { referralSideFor } from './referral.policy';
import {
  assertExecutionDate,
  compareInboxKeys,
  declineReason,
  executionResult,
  INBOX_STATUSES,
  inboxKey,
  isAnswerOverdue,
  isRepeatedAnswer,
  referralAnswerDeadline,
  referralPathForExecution,
  type InboxKey,
} from './referral.rules';

@ObjectType({ description: 'A page of referrals.' })
export class ReferralConnection extends Connection(Referral) {}

@InputType({ description: 'The executing organization agrees to carry out a referral (seed 003 §27).' })
class AcceptReferralInput {
  @Field(() => ID, { description: 'The referral, addressed to my organization and REQUESTED.' })
  referralId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day of the answer; today by default, not before the referral was sent.' })
  on?: string | null;
}

@InputType({ description: 'The executing organization refuses a referral, saying why (seed 003 §27, §33.3).' })
class DeclineReferralInput {
  @Field(() => ID, { description: 'The referral, addressed to my organization and REQUESTED.' })
  referralId!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the organization cannot carry it out, so the coordinator can route the family elsewhere; required (BAD_USER_INPUT when blank).',
  })
  reason?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Day of the answer; today by default, not before the referral was sent.' })
  on?: string | null;
}

@InputType({ description: 'One execution of the measure a referral asks for, by the organization it is addressed to (seed 003 §33.6).' })
class RecordReferralExecutionInput {
  @Field(() => ID, { description: 'The referral, accepted by my organization (ACCEPTED, IN_PROGRESS or ON_HOLD).' })
  referralId!: string;

  @Field(() => LocalDate, { description: 'Day the measure was carried out: not in the future, not before the referral was sent.' })
  executedOn!: string;

  @Field({ description: 'What was done and with what result, in Russian.' })
  result!: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'True when this execution completes the measure: the referral and the measure become DONE.',
  })
  completesMeasure!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Client-supplied key: a retry with the same key answers the execution the first call recorded.',
  })
  idempotencyKey?: string | null;
}

@InputType({ description: "One execution of a measure of the coordinator's case, done without an open referral (seed 003 §33.6)." })
class RecordMeasureExecutionInput {
  @Field(() => ID, { description: 'The measure, of a case my organization runs, in PROGRAMME_AGREED or IN_IMPLEMENTATION.' })
  measureId!: string;

  @Field(() => LocalDate, { description: 'Day the measure was carried out: not in the future, not before its planned start.' })
  executedOn!: string;

  @Field({ description: 'What was done and with what result, in Russian.' })
  result!: string;

  @Field(() => Boolean, { defaultValue: false, description: 'True when this execution completes the measure: the measure becomes DONE.' })
  completesMeasure!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Client-supplied key: a retry with the same key answers the execution the first call recorded.',
  })
  idempotencyKey?: string | null;
}

@ObjectType({ description: 'What acceptReferral changed.' })
class AcceptReferralPayload extends MutationPayload {
  @Field(() => Referral, { nullable: true, description: 'The referral, now ACCEPTED (or as it was, for a retry); null when refused.' })
  referral?: Referral | null;
}

@ObjectType({ description: 'What declineReferral changed.' })
class DeclineReferralPayload extends MutationPayload {
  @Field(() => Referral, { nullable: true, description: 'The referral, now REJECTED with its reason; null when refused.' })
  referral?: Referral | null;
}

@ObjectType({ description: 'What recordReferralExecution recorded and moved.' })
class RecordReferralExecutionPayload extends MutationPayload {
  @Field(() => MeasureExecution, {
    nullable: true,
    description: 'The execution recorded (or found by its idempotencyKey); null when refused.',
  })
  execution?: MeasureExecution | null;

  @Field(() => Referral, { nullable: true, description: 'The referral, IN_PROGRESS or DONE; null when refused.' })
  referral?: Referral | null;

  @Field(() => Measure, { nullable: true, description: 'The measure, IN_PROGRESS or DONE; null when refused.' })
  measure?: Measure | null;
}

@ObjectType({ description: 'What recordMeasureExecution recorded and moved.' })
class RecordMeasureExecutionPayload extends MutationPayload {
  @Field(() => MeasureExecution, {
    nullable: true,
    description: 'The execution recorded (or found by its idempotencyKey); null when refused.',
  })
  execution?: MeasureExecution | null;

  @Field(() => Measure, { nullable: true, description: 'The measure, IN_PROGRESS or DONE; null when refused.' })
  measure?: Measure | null;
}

const OPEN_FOR_EXECUTION = ['PROGRAMME_AGREED', 'IN_IMPLEMENTATION'];

/** The answer day of a referral with this request's calendar (its case's territory); null while it is a draft. */
async function answerDueOnOf(ctx: HubContext, referral: Referral): Promise<string | null> {
  if (!referral.requestedOn) return null;
  const c = await loaderBy(ctx, SupportCase, 'id').load(referral.caseId);
  return referralAnswerDeadline(referral.requestedOn, await calendarFor(ctx, c?.territoryOktmo ?? null)).dueDate;
}

/**
 * The executing organization's side of the referral loop (seed 003 §27, §33.6): its inbox, its answer, and the
 * execution it reports back; and the coordinator's record of the operator's own measures. Rules live in
 * referral.rules.ts, referral-status.ts and measure-execution.rules.ts; this wires them.
 */
@Resolver(() => Referral)
export class ReferralInboxResolver {
  /**
   * Referrals addressed to the caller's organization (the organization, not its agency: referral.policy.ts). One
   * statement for the referrals, one for their cases, one for the calendar; answer days are computed in memory, as
   * the worklist's due days are (the calendar, not SQL, knows working days).
   */
  @Authorized(Role.SPECIALIST)
  @Query(() => ReferralConnection, {
    nullable: true,
    description:
      'Referrals addressed to my organization: those awaiting an answer first, by answer day (overdue first), then the answered ones by the same day (seed 003 §16, §27). Keyset cursors: a page continues after the last referral seen.',
  })
  async referralInbox(
    @Arg('status', () => [ReferralStatus], {
      nullable: true,
      description:
        'Only these statuses; by default the open ones (REQUESTED, ACCEPTED, IN_PROGRESS, ON_HOLD). Drafts are never sent, so never listed.',
    })
    status: ReferralStatus[] | null | undefined,
    @Args() { first, after }: PageArgs,
    @Ctx() ctx: HubContext,
  ) {
    const { organizationId, agency } = ctx.identity;
    if (!organizationId || !agency) throw forbidden('A specialist without an organization has no referral inbox');
    checkPageSize(first);
    const cursor = decodeCursor(after, 3);
    const statuses = (status?.length ? status : INBOX_STATUSES).filter((s) => s !== ReferralStatus.DRAFT);
    const referrals = await ctx.em.find(Referral, {
      executorOrganizationId: organizationId,
      executorAgency: agency,
      status: { $in: statuses },
    });
    const entries = await Promise.all(referrals.map(async (r) => ({ r, key: inboxKey(r, await answerDueOnOf(ctx, r)) as InboxKey })));
    entries.sort((a, b) => compareInboxKeys(a.key, b.key));
    const rest = cursor ? entries.filter((e) => compareInboxKeys(e.key, cursor) > 0) : entries;
    const page = pageOf(rest.slice(0, first + 1), entries.length, first, cursor, (e) => e.key);
    if (page.edges.length)
      ctx.audit.read(
        'referralInbox',
        page.edges.map((e) => e.node.r.personId),
      );
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: e.node.r })) };
  }

  @Authorized(Role.SPECIALIST)
  @Mutation(() => AcceptReferralPayload, {
    description: 'The organization a referral is addressed to accepts it (REQUESTED → ACCEPTED); a retry answers the accepted referral.',
  })
  acceptReferral(@Arg('input', { description: 'The answer.' }) input: AcceptReferralInput, @Ctx() ctx: HubContext) {
    return payloadOf(ctx, () => this.answer(ctx, input.referralId, ReferralStatus.ACCEPTED, null, input.on ?? null));
  }

  @Authorized(Role.SPECIALIST)
  @Mutation(() => DeclineReferralPayload, {
    description:
      'The organization a referral is addressed to declines it with a reason (REQUESTED → REJECTED); a retry answers the declined referral.',
  })
  declineReferral(@Arg('input', { description: 'The answer and its reason.' }) input: DeclineReferralInput, @Ctx() ctx: HubContext) {
    return payloadOf(ctx, () => this.answer(ctx, input.referralId, ReferralStatus.REJECTED, input.reason ?? null, input.on ?? null));
  }

  private answer(
    ctx: HubContext,
    referralId: string,
    to: 'ACCEPTED' | 'REJECTED',
    reason: string | null,
    on: string | null,
  ): Promise<{ referral: Referral }> {
    return ctx.em.transactional(async (em) => {
      const referral = await em.findOne(Referral, { id: referralId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!referral) throw notFound('Referral', referralId);
      const side = referralSideFor(ctx, referral, to === ReferralStatus.ACCEPTED ? 'acceptReferral' : 'declineReferral');
      if (side === 'EXECUTOR' && isRepeatedAnswer(referral.status, to)) return { referral };
      const why = to === ReferralStatus.REJECTED ? declineReason(reason) : undefined;
      assertReferralTransition(referral.status, to, side, { reason: why });
      const day = on ?? today();
      assertStageDate(day, referral.statusChangedOn, today());
      referral.status = to;
      referral.answeredOn = day;
      referral.statusChangedOn = day;
      referral.statusReason = why ?? null;
      ctx.audit.recordWrite(em, to === ReferralStatus.ACCEPTED ? 'acceptReferral' : 'declineReferral', [referral.personId]);
      return { referral };
    });
  }

  @Authorized(Role.SPECIALIST)
  @Mutation(() => RecordReferralExecutionPayload, {
    description:
      'The organization a referral is addressed to records one execution of its measure with the day and result; the referral goes IN_PROGRESS, or DONE with the execution that completes the measure (seed 003 §33.6).',
  })
  recordReferralExecution(@Arg('input', { description: 'The execution.' }) input: RecordReferralExecutionInput, @Ctx() ctx: HubContext) {
    return payloadOf(ctx, async () => {
      const execution = await createOnce(
        ctx,
        MeasureExecution,
        input.idempotencyKey,
        (found) => found.referralId === input.referralId,
        async (em) => {
          const referral = await em.findOne(Referral, { id: input.referralId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
          if (!referral) throw notFound('Referral', input.referralId);
          if (referralSideFor(ctx, referral, 'recordReferralExecution') !== 'EXECUTOR')
            throw forbidden('Only the executing organization records execution');
          const result = executionResult(input.result);
          assertExecutionDate(input.executedOn, referral.requestedOn ?? referral.statusChangedOn, today());
          const path = referralPathForExecution(referral.status, input.completesMeasure);
          const measure = await em.findOneOrFail(Measure, { id: referral.measureId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
          measure.status = measureStatusAfterExecution(measure.status, input.completesMeasure);
          if (path.length) {
            referral.status = path[path.length - 1];
            referral.statusChangedOn = input.executedOn > referral.statusChangedOn ? input.executedOn : referral.statusChangedOn;
            referral.statusReason = null;
          }
          const execution = em.create(MeasureExecution, {
            measureId: measure.id,
            personId: measure.personId,
            referralId: referral.id,
            organizationId: referral.executorOrganizationId,
            executedOn: input.executedOn,
            result,
            completesMeasure: input.completesMeasure,
            recordedBy: ctx.identity.subject,
            recordedAt: now(),
          });
          ctx.audit.recordWrite(em, 'recordReferralExecution', [referral.personId]);
          return execution;
        },
      );
      // A retry answers the first call's record: the caller must still be the executing organization.
      const referral = await loaderBy(ctx, Referral, 'id').load(input.referralId);
      if (!referral) throw notFound('Referral', input.referralId);
      referralSideFor(ctx, referral, 'recordReferralExecution');
      return { execution, referral, measure: await loaderBy(ctx, Measure, 'id').load(execution.measureId) };
    });
  }

  @Authorized(Role.COORDINATOR)
  @Mutation(() => RecordMeasureExecutionPayload, {
    description:
      "The coordinator records one execution of a measure of the case — the operator's own, or one done without an open referral — with the day and result (seed 003 §33.6).",
  })
  recordMeasureExecution(@Arg('input', { description: 'The execution.' }) input: RecordMeasureExecutionInput, @Ctx() ctx: HubContext) {
    return payloadOf(ctx, async () => {
      const execution = await createOnce(
        ctx,
        MeasureExecution,
        input.idempotencyKey,
        (found) => found.measureId === input.measureId && found.referralId === null,
        async (em) => {
          const measure = await em.findOne(Measure, { id: input.measureId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
          if (!measure) throw notFound('Measure', input.measureId);
          const c = assertMayRunCase(ctx, await em.findOne(SupportCase, { id: measure.caseId }), measure.caseId);
          if (!OPEN_FOR_EXECUTION.includes(c.stage)) {
            throw illegalTransition(`Measures are carried out while the programme is agreed or in implementation; the case is ${c.stage}`, {
              stage: c.stage,
            });
          }
          assertCoordinatorRecordsExecution(await em.find(Referral, { measureId: measure.id }));
          const result = executionResult(input.result);
          assertExecutionDate(input.executedOn, measure.plannedFrom, today(), 'the measure was planned to start');
          measure.status = measureStatusAfterExecution(measure.status, input.completesMeasure);
          const execution = em.create(MeasureExecution, {
            measureId: measure.id,
            personId: measure.personId,
            referralId: null,
            organizationId: measure.executingOrganizationId,
            executedOn: input.executedOn,
            result,
            completesMeasure: input.completesMeasure,
            recordedBy: ctx.identity.subject,
            recordedAt: now(),
          });
          ctx.audit.recordWrite(em, 'recordMeasureExecution', [measure.personId]);
          return execution;
        },
      );
      const measure = await loaderBy(ctx, Measure, 'id').load(execution.measureId);
      assertMayRunCase(ctx, await loaderBy(ctx, SupportCase, 'id').load(measure!.caseId), measure!.caseId);
      return { execution, measure };
    });
  }

  @FieldResolver(() => LocalDate, {
    nullable: true,
    description:
      'Day by which the executing organization accepts or declines the referral: 5 working days after it was sent (seed 003 §16, §27); null for a draft.',
  })
  answerDueOn(@Root() referral: Referral, @Ctx() ctx: HubContext): Promise<string | null> {
    return answerDueOnOf(ctx, referral);
  }

  @FieldResolver(() => Boolean, { description: 'Still REQUESTED after its answer day (seed 003 §16, §27).' })
  async answerOverdue(@Root() referral: Referral, @Ctx() ctx: HubContext): Promise<boolean> {
    return isAnswerOverdue(referral.status, await answerDueOnOf(ctx, referral), today());
  }
}
