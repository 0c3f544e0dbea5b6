import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { MutationPayload, payloadOf } from '../../kit/platform/user-errors';
import { Organization } from '../organization/organization.entity';
import { Person } from '../person/person.entity';
import { createOnce } from '../platform/create-once';
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
import { referralSideFor } from './referral.policy';
import { assertReferralTransition, ReferralStatus, unansweredTooLong } from './referral-status';

@InputType({ description: "A referral for a measure to the measure's executing organization." })
class SendReferralInput {
  @Field(() => ID, { description: 'The measure, of a programme agreed or in implementation.' })
  measureId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day it is sent; today by default.' })
  on?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Keep it as a DRAFT instead of sending it.' })
  draft?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Client-supplied key: a retry with the same key answers the referral the first call sent.',
  })
  idempotencyKey?: string | null;
}

@InputType({ description: 'A status change by the side the caller speaks for (FHIR SDOH Task states).' })
class UpdateReferralStatusInput {
  @Field(() => ID, { description: 'The referral.' })
  referralId!: string;

  @Field(() => ReferralStatus, { description: 'The new status; which moves each side may make is in the referral loop table.' })
  status!: ReferralStatus;

  @Field(() => String, { nullable: true, description: 'Needed for REJECTED, CANCELLED and FAILED.' })
  reason?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Day of the change; today by default.' })
  on?: string | null;
}

@ObjectType({ description: 'What sendReferral created.' })
class SendReferralPayload extends MutationPayload {
  @Field(() => Referral, {
    nullable: true,
    description: 'The referral sent or drafted (or found by its idempotencyKey); null when refused.',
  })
  referral?: Referral | null;
}

@ObjectType({ description: 'What updateReferralStatus changed: the referral and, when its answer moves it, the measure.' })
class UpdateReferralStatusPayload extends MutationPayload {
  @Field(() => Referral, { nullable: true, description: 'The referral in its new status; null when refused (see userErrors).' })
  referral?: Referral | null;

  @Field(() => Measure, { nullable: true, description: 'The measure, when the new status moved it (IN_PROGRESS, DONE); else null.' })
  measure?: Measure | null;
}

/** What a referral's answer means for its measure: the coordinator sees execution without asking. */
const MEASURE_STATUS_AFTER: Partial<Record<ReferralStatus, MeasureStatus>> = {
  IN_PROGRESS: MeasureStatus.IN_PROGRESS,
  DONE: MeasureStatus.DONE,
};

const SENDING_STAGES: readonly SupportStage[] = [SupportStage.PROGRAMME_AGREED, SupportStage.IN_IMPLEMENTATION];

@Resolver(() => Referral)
export class ReferralResolver {
  @Authorized(Role.COORDINATOR, Role.SPECIALIST)
  @Query(() => Referral, {
    nullable: true,
    description:
      'A referral, for its requesting coordinator or a specialist of the organization it is addressed to; NOT_FOUND when unknown, FORBIDDEN for anyone else.',
  })
  async referral(@Arg('id', () => ID, { description: 'Hub id of the referral.' }) id: string, @Ctx() ctx: HubContext): Promise<Referral> {
    const referral = await loaderBy(ctx, Referral, 'id').load(id);
    if (!referral) throw notFound('Referral', id);
    referralSideFor(ctx, referral, 'referral');
    ctx.audit.read('referral', referral.personId);
    return referral;
  }

  @Authorized(Role.COORDINATOR)
  @Mutation(() => SendReferralPayload, { description: 'Sends (or drafts) a referral for a measure (seed 003 §27, §33.6).' })
  sendReferral(@Arg('input', { description: 'The referral.' }) input: SendReferralInput, @Ctx() ctx: HubContext) {
    return payloadOf(ctx, async () => {
      const referral = await createOnce(
        ctx,
        Referral,
        input.idempotencyKey,
        (found) => found.measureId === input.measureId,
        (em) => this.send(em, input, ctx),
      );
      assertMayRunCase(ctx, await loaderBy(ctx, SupportCase, 'id').load(referral.caseId), referral.caseId);
      return { referral };
    });
  }

  private async send(em: EntityManager, input: SendReferralInput, ctx: HubContext): Promise<Referral> {
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
  }

  /** The caller's side is derived, never claimed: a wrong-side move is ILLEGAL_TRANSITION and writes nothing. */
  @Authorized(Role.COORDINATOR, Role.SPECIALIST)
  @Mutation(() => UpdateReferralStatusPayload, { description: 'Moves a referral along the FHIR Task states, as requester or executor.' })
  updateReferralStatus(@Arg('input', { description: 'The status change.' }) input: UpdateReferralStatusInput, @Ctx() ctx: HubContext) {
    return payloadOf(ctx, () => this.update(input, ctx));
  }

  private update(input: UpdateReferralStatusInput, ctx: HubContext): Promise<{ referral: Referral; measure: Measure | null }> {
    return ctx.em.transactional(async (em) => {
      const referral = await em.findOne(Referral, { id: input.referralId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!referral) throw notFound('Referral', input.referralId);
      const side = referralSideFor(ctx, referral, 'updateReferralStatus');
      assertReferralTransition(referral.status, input.status, side, { reason: input.reason ?? undefined });
      const on = input.on ?? today();
      assertStageDate(on, referral.statusChangedOn, today());
      if (referral.status === ReferralStatus.DRAFT && input.status === ReferralStatus.REQUESTED) referral.requestedOn = on;
      if (referral.status === ReferralStatus.REQUESTED && side === 'EXECUTOR') referral.answeredOn = on;
      referral.status = input.status;
      referral.statusChangedOn = on;
      referral.statusReason = input.reason?.trim() || null;
      const measureStatus = MEASURE_STATUS_AFTER[input.status];
      let measure: Measure | null = null;
      if (measureStatus) {
        measure = await em.findOneOrFail(Measure, { id: referral.measureId });
        measure.status = measureStatus;
      }
      ctx.audit.recordWrite(em, 'updateReferralStatus', [referral.personId]);
      return { referral, measure };
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

  @FieldResolver(() => Measure, { nullable: true, description: 'The measure the referral is for: what the executor is asked to do.' })
  measure(@Root() referral: Referral, @Ctx() ctx: HubContext): Promise<Measure | null> {
    return loaderBy(ctx, Measure, 'id').load(referral.measureId);
  }

  @FieldResolver(() => SupportCase, { nullable: true, description: 'The support case (its coordinator only; FORBIDDEN for the executor).' })
  async supportCase(@Root() referral: Referral, @Ctx() ctx: HubContext): Promise<SupportCase | null> {
    return assertMayRunCase(ctx, await loaderBy(ctx, SupportCase, 'id').load(referral.caseId), referral.caseId);
  }

  @FieldResolver(() => Person, {
    nullable: true,
    description: 'The person referred; each personal field is checked on its own (seed 002 §2.4).',
  })
  person(@Root() referral: Referral, @Ctx() ctx: HubContext): Promise<Person | null> {
    return loaderBy(ctx, Person, 'id').load(referral.personId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The coordinator's operator organization (the requester)." })
  requesterOrganization(@Root() referral: Referral, @Ctx() ctx: HubContext): Promise<Organization | null> {
    return loaderBy(ctx, Organization, 'id').load(referral.requesterOrganizationId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The measure's executing organization (the executor)." })
  executorOrganization(@Root() referral: Referral, @Ctx() ctx: HubContext): Promise<Organization | null> {
    return loaderBy(ctx, Organization, 'id').load(referral.executorOrganizationId);
  }
}
