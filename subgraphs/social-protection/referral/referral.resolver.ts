import { LockMode } from '@mikro-orm/core';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy } from '../../kit/platform/entity-loaders';
import { illegalTransition, notFound } from '../../kit/platform/errors';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { today } from '../../kit/platform/clock';
import { calendarFor } from '../calendar/calendar.loader';
import { Measure, MeasureStatus } from '../programme/programme.entity';
import { SupportCase } from '../support-case/support-case.entity';
import { assertMayRunCase } from '../support-case/support-case.policy';
import { assertStageDate } from '../support-case/support-case.rules';
import { SupportStage } from '../support-case/stages';
import { Referral } from './referral.entity';
import { referralSideOf } from './referral.policy';
import { assertReferralTransition, ReferralStatus, unansweredTooLong } from './referral-status';

@InputType({ description: "A referral for a measure to the measure's executing organization." })
class SendReferralInput {
  @Field(() => ID)
  measureId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day it is sent; today by default.' })
  on?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Keep it as a DRAFT instead of sending it.' })
  draft?: boolean | null;
}

@InputType({ description: 'A status change by the side the caller speaks for (FHIR SDOH Task states).' })
class UpdateReferralStatusInput {
  @Field(() => ID)
  referralId!: string;

  @Field(() => ReferralStatus)
  status!: ReferralStatus;

  @Field(() => String, { nullable: true, description: 'Needed for REJECTED, CANCELLED and FAILED.' })
  reason?: string | null;

  @Field(() => LocalDate, { nullable: true })
  on?: string | null;
}

/** What a referral's answer means for its measure: the coordinator sees execution without asking. */
const MEASURE_STATUS_AFTER: Partial<Record<ReferralStatus, MeasureStatus>> = {
  IN_PROGRESS: MeasureStatus.IN_PROGRESS,
  COMPLETED: MeasureStatus.DONE,
};

const SENDING_STAGES: readonly SupportStage[] = [SupportStage.PROGRAMME_AGREED, SupportStage.IN_IMPLEMENTATION];

@Resolver(() => Referral)
export class ReferralResolver {
  @Authorized(Role.COORDINATOR, Role.SPECIALIST)
  @Query(() => Referral, { nullable: true, description: 'A referral, for its requesting coordinator or its executing agency.' })
  async referral(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext): Promise<Referral> {
    const referral = await loaderBy(ctx, Referral, 'id').load(id);
    if (!referral) throw notFound('Referral', id);
    referralSideOf(ctx.identity, referral);
    ctx.audit.read('referral', referral.personId);
    return referral;
  }

  @Authorized(Role.COORDINATOR)
  @Mutation(() => Referral, { description: 'Sends (or drafts) a referral for a measure (seed 003 §27, §33.6).' })
  async sendReferral(@Arg('input') input: SendReferralInput, @Ctx() ctx: HubContext): Promise<Referral> {
    return ctx.em.transactional(async (em) => {
      const measure = await em.findOne(Measure, { id: input.measureId });
      if (!measure) throw notFound('Measure', input.measureId);
      const c = assertMayRunCase(ctx, await em.findOne(SupportCase, { id: measure.caseId }), measure.caseId);
      if (!SENDING_STAGES.includes(c.stage)) {
        throw illegalTransition(`Referrals are sent for an agreed programme; the case is ${c.stage}`, { stage: c.stage });
      }
      const on = input.on ?? today();
      assertStageDate(on, c.openedOn, today());
      const status = input.draft ? ReferralStatus.DRAFT : ReferralStatus.REQUESTED;
      const referral = em.create(Referral, {
        measureId: measure.id,
        caseId: c.id,
        personId: c.personId,
        requesterOrganizationId: c.operatorOrganizationId!,
        executorOrganizationId: measure.executingOrganizationId,
        executorAgency: measure.executorAgency,
        status,
        requestedOn: status === ReferralStatus.REQUESTED ? on : null,
        answeredOn: null,
        statusChangedOn: on,
        statusReason: null,
      });
      ctx.audit.recordWrite(em, 'sendReferral', [c.personId]);
      return referral;
    });
  }

  /** The caller's side is derived, never claimed: a wrong-side move is ILLEGAL_TRANSITION and writes nothing. */
  @Authorized(Role.COORDINATOR, Role.SPECIALIST)
  @Mutation(() => Referral, { description: 'Moves a referral along the FHIR Task states, as requester or executor.' })
  async updateReferralStatus(@Arg('input') input: UpdateReferralStatusInput, @Ctx() ctx: HubContext): Promise<Referral> {
    return ctx.em.transactional(async (em) => {
      const referral = await em.findOne(Referral, { id: input.referralId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!referral) throw notFound('Referral', input.referralId);
      const side = referralSideOf(ctx.identity, referral);
      assertReferralTransition(referral.status, input.status, side, { reason: input.reason ?? undefined });
      const on = input.on ?? today();
      assertStageDate(on, referral.statusChangedOn, today());
      if (referral.status === ReferralStatus.DRAFT && input.status === ReferralStatus.REQUESTED) referral.requestedOn = on;
      if (referral.status === ReferralStatus.REQUESTED && side === 'EXECUTOR') referral.answeredOn = on;
      referral.status = input.status;
      referral.statusChangedOn = on;
      referral.statusReason = input.reason?.trim() || null;
      const measureStatus = MEASURE_STATUS_AFTER[input.status];
      if (measureStatus) {
        const measure = await em.findOneOrFail(Measure, { id: referral.measureId });
        measure.status = measureStatus;
      }
      ctx.audit.recordWrite(em, 'updateReferralStatus', [referral.personId]);
      return referral;
    });
  }

  @FieldResolver(() => Boolean, {
    description: 'REQUESTED and unanswered for more than 2 working days (hub convention, see referral-status.ts).',
  })
  async unanswered(@Root() referral: Referral, @Ctx() ctx: HubContext): Promise<boolean> {
    if (referral.status !== ReferralStatus.REQUESTED || !referral.requestedOn) return false;
    const c = await loaderBy(ctx, SupportCase, 'id').load(referral.caseId);
    return unansweredTooLong(referral.requestedOn, today(), await calendarFor(ctx, c?.territoryOktmo ?? null));
  }
}

export const referralReference = {
  async __resolveReference(reference: { id: string }, ctx: HubContext) {
    const referral = await loaderBy(ctx, Referral, 'id').load(reference.id);
    if (!referral) return null;
    referralSideOf(ctx.identity, referral);
    return referral;
  },
};
