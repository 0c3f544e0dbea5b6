import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { today } from '../../kit/platform/clock';
import { checkPageSize, Connection, decodeCursor, PageArgs, pageOf } from '../../kit/platform/connection';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy, loaderManyBy } from '../../kit/platform/entity-loaders';
import { notFound } from '../../kit/platform/errors';
import { LocalDate } from '../../kit/platform/scalars';
import { MutationPayload, payloadOf } from '../../kit/platform/user-errors';
import { forbidden } from '../../kit/policy/authorization';
import { Role } from '../../kit/policy/roles';
import { Organization } from '../organization/organization.entity';
import { createOnce } from '../platform/create-once';
import { SupportCase } from '../support-case/support-case.entity';
import { assertMayRunCase } from '../support-case/support-case.policy';
import {
  CaseTeamMember,
  ConsultationRequest,
  ConsultationStatus,
  ConsultationTopic,
  CoordinatorAssignment,
  TeamRole,
} from './case-team.entity';
import {
  assertCaseOpen,
  assertConsultationMove,
  assertConsultationQuestion,
  assertConsultingInstitution,
  assertMayAddTeamMember,
  assertMayAssignCoordinator,
  assertMayRemoveTeamMember,
  assertMayTransferCoordinator,
  assertRecordDate,
  isStaffOfOperator,
  type ConsultationSide,
} from './case-team.rules';
import { recordAssignment } from './coordinator-assignment';

type Em = EntityManager | HubContext['em'];

@InputType({ description: 'Appoint the first coordinator of a case (seed 001 §3.3(3), seed 003 §33).' })
class AssignCoordinatorInput {
  @Field(() => ID, { description: 'The support case, without a coordinator, run by my organization.' })
  supportCaseId!: string;

  @Field({ description: 'Subject id of the coordinator appointed (myself, or a colleague of my organization).' })
  coordinatorSubject!: string;

  @Field(() => String, { nullable: true, description: 'Post of the coordinator (a named post), e.g. "куратор участка 3".' })
  coordinatorPost?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Day of the appointment; today by default.' })
  on?: string | null;

  @Field(() => String, { nullable: true, description: 'Why this coordinator (the district, the workload); optional.' })
  reason?: string | null;

  @Field(() => String, { nullable: true, description: 'Client-supplied key: a retry with the same key answers the first appointment.' })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Hand a case over to another coordinator (seed 003 §33), with the reason.' })
class TransferCoordinatorInput {
  @Field(() => ID, { description: 'The support case; I am its coordinator or the administrator of its organization.' })
  supportCaseId!: string;

  @Field({ description: 'Subject id of the coordinator taking the case.' })
  coordinatorSubject!: string;

  @Field(() => String, { nullable: true, description: 'Post of the coordinator taking the case.' })
  coordinatorPost?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Day of the transfer; today by default.' })
  on?: string | null;

  @Field({ description: 'Why the case changes hands (leave, district change, workload).' })
  reason!: string;

  @Field(() => String, { nullable: true, description: 'Client-supplied key: a retry with the same key answers the first transfer.' })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Add a specialist to the multidisciplinary team of a case (seed 003 §32.2).' })
class AddCaseTeamMemberInput {
  @Field(() => ID, { description: 'The support case, open and run by my organization.' })
  supportCaseId!: string;

  @Field(() => ID, { description: "The specialist's organization, of any agency (seed 003 §32.2: by inter-agency cooperation)." })
  organizationId!: string;

  @Field(() => TeamRole, { description: 'The role in the team (seed 003 §32.2).' })
  role!: TeamRole;

  @Field({ description: 'Post of the specialist (a named post), e.g. "педагог-психолог".' })
  post!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day the specialist joins; today by default.' })
  joinedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Client-supplied key: a retry with the same key answers the first membership.' })
  idempotencyKey?: string | null;
}

@InputType({ description: 'A specialist leaves the team of a case; the membership stays in its history.' })
class RemoveCaseTeamMemberInput {
  @Field(() => ID, { description: 'The membership.' })
  caseTeamMemberId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day the specialist leaves; today by default.' })
  on?: string | null;

  @Field({ description: 'Why the specialist leaves.' })
  reason!: string;
}

@InputType({ description: 'A request for a consultation of the family by an institution of the ministry (seed 003 §32.1).' })
class RequestConsultationInput {
  @Field(() => ID, { description: 'The support case, open and run by my organization.' })
  supportCaseId!: string;

  @Field(() => ID, { description: 'The institution of social protection that consults (resource centre, rehabilitation centre, «РОСТ»).' })
  consultingOrganizationId!: string;

  @Field(() => ConsultationTopic, { description: 'What about (seed 003 §32.1).' })
  topic!: ConsultationTopic;

  @Field({ defaultValue: true, description: 'Remote (the default) or in person at the institution (seed 003 §32.1).' })
  remote!: boolean;

  @Field({ description: 'The question, in Russian.' })
  question!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day the request is sent; today by default.' })
  requestedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Client-supplied key: a retry with the same key answers the first request.' })
  idempotencyKey?: string | null;
}

@InputType({ description: 'An answer to a consultation request, or its cancellation by the requester.' })
class UpdateConsultationRequestInput {
  @Field(() => ID, { description: 'The request.' })
  consultationRequestId!: string;

  @Field(() => ConsultationStatus, { description: 'ACCEPTED, DECLINED or DONE by the institution addressed; CANCELLED by the requester.' })
  status!: ConsultationStatus;

  @Field(() => LocalDate, { nullable: true, description: 'Day of the answer; today by default.' })
  on?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Day of the consultation: required to accept, the day held for DONE.' })
  consultationOn?: string | null;

  @Field(() => String, { nullable: true, description: 'The reason of a refusal or cancellation (required), or the outcome.' })
  answer?: string | null;
}

@ObjectType({ description: 'What assignCoordinator recorded.' })
class AssignCoordinatorPayload extends MutationPayload {
  @Field(() => CoordinatorAssignment, { nullable: true, description: 'The appointment; null when refused.' })
  coordinatorAssignment?: CoordinatorAssignment | null;

  @Field(() => SupportCase, { nullable: true, description: 'The case with its coordinator; null when refused.' })
  supportCase?: SupportCase | null;
}

@ObjectType({ description: 'What transferCoordinator recorded.' })
class TransferCoordinatorPayload extends MutationPayload {
  @Field(() => CoordinatorAssignment, { nullable: true, description: 'The transfer; null when refused.' })
  coordinatorAssignment?: CoordinatorAssignment | null;

  @Field(() => SupportCase, { nullable: true, description: 'The case with its new coordinator; null when refused.' })
  supportCase?: SupportCase | null;
}

@ObjectType({ description: 'What addCaseTeamMember recorded.' })
class AddCaseTeamMemberPayload extends MutationPayload {
  @Field(() => CaseTeamMember, { nullable: true, description: 'The membership; null when refused.' })
  caseTeamMember?: CaseTeamMember | null;
}

@ObjectType({ description: 'What removeCaseTeamMember changed.' })
class RemoveCaseTeamMemberPayload extends MutationPayload {
  @Field(() => CaseTeamMember, { nullable: true, description: 'The membership, now ended; null when refused.' })
  caseTeamMember?: CaseTeamMember | null;
}

@ObjectType({ description: 'What requestConsultation recorded.' })
class RequestConsultationPayload extends MutationPayload {
  @Field(() => ConsultationRequest, { nullable: true, description: 'The request; null when refused.' })
  consultationRequest?: ConsultationRequest | null;
}

@ObjectType({ description: 'What updateConsultationRequest changed.' })
class UpdateConsultationRequestPayload extends MutationPayload {
  @Field(() => ConsultationRequest, { nullable: true, description: 'The request in its new status; null when refused.' })
  consultationRequest?: ConsultationRequest | null;
}

@ObjectType({ description: 'A page of consultation requests.' })
export class ConsultationRequestConnection extends Connection(ConsultationRequest) {}

async function lockedCase(em: Em, caseId: string): Promise<SupportCase> {
  const c = await em.findOne(SupportCase, { id: caseId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!c) throw notFound('Support case', caseId);
  return c;
}

/** Appointments are made by the operator's own staff; a refusal is audited against the person, like a read. */
function assertStaffOfOperator(ctx: HubContext, c: SupportCase): SupportCase {
  if (!isStaffOfOperator(c, ctx.identity)) {
    ctx.audit.denied('SupportCase', c.personId, 'FORBIDDEN');
    throw forbidden('This support case is run by another operator organization', { caseId: c.id });
  }
  return c;
}

/** The side of a consultation request the caller stands on; anyone else is refused (audited). */
async function consultationSide(ctx: HubContext, r: ConsultationRequest): Promise<ConsultationSide> {
  const { identity } = ctx;
  const c = await loaderBy(ctx, SupportCase, 'id').load(r.caseId);
  if (!c) throw notFound('Support case', r.caseId);
  if (identity.role === Role.COORDINATOR && identity.organizationId && identity.organizationId === c.operatorOrganizationId)
    return 'REQUESTER';
  const staff = identity.role === Role.COORDINATOR || identity.role === Role.SPECIALIST;
  if (staff && identity.organizationId && identity.organizationId === r.consultingOrganizationId) return 'CONSULTANT';
  ctx.audit.denied('ConsultationRequest', c.personId, 'FORBIDDEN');
  throw forbidden('A consultation request is open to the requesting operator and the institution addressed only');
}

@Resolver(() => CoordinatorAssignment)
export class CaseTeamResolver {
  @Authorized(Role.COORDINATOR, Role.ADMINISTRATOR)
  @Mutation(() => AssignCoordinatorPayload, {
    description: 'Appoints the first coordinator of a case, recorded in its history (seed 001 §3.3(3), seed 003 §33).',
  })
  assignCoordinator(@Arg('input', { description: 'The appointment.' }) input: AssignCoordinatorInput, @Ctx() ctx: HubContext) {
    return payloadOf(ctx, async () => {
      const coordinatorAssignment = await createOnce(
        ctx,
        CoordinatorAssignment,
        input.idempotencyKey,
        (found) => found.caseId === input.supportCaseId,
        async (em) => {
          const c = assertStaffOfOperator(ctx, await lockedCase(em, input.supportCaseId));
          assertMayAssignCoordinator(c, ctx.identity, { subject: input.coordinatorSubject.trim() });
          const on = input.on ?? today();
          assertRecordDate(on, c.openedOn, today(), 'on');
          const a = recordAssignment(em, ctx, c, {
            subject: input.coordinatorSubject.trim(),
            post: input.coordinatorPost?.trim() || null,
            on,
            reason: input.reason?.trim() || null,
          });
          ctx.audit.recordWrite(em, 'assignCoordinator', [c.personId]);
          return a;
        },
      );
      // A retry answers the first call's appointment: the caller must still be of the case's organization.
      const supportCase = await loaderBy(ctx, SupportCase, 'id').load(coordinatorAssignment.caseId);
      return { coordinatorAssignment, supportCase: supportCase && assertStaffOfOperator(ctx, supportCase) };
    });
  }

  @Authorized(Role.COORDINATOR, Role.ADMINISTRATOR)
  @Mutation(() => TransferCoordinatorPayload, {
    description:
      "Hands a case over to another coordinator: by its coordinator or the organization's administrator, with a reason (seed 003 §33).",
  })
  transferCoordinator(@Arg('input', { description: 'The transfer.' }) input: TransferCoordinatorInput, @Ctx() ctx: HubContext) {
    return payloadOf(ctx, async () => {
      const coordinatorAssignment = await createOnce(
        ctx,
        CoordinatorAssignment,
        input.idempotencyKey,
        (found) => found.caseId === input.supportCaseId,
        async (em) => {
          const c = assertStaffOfOperator(ctx, await lockedCase(em, input.supportCaseId));
          assertMayTransferCoordinator(c, ctx.identity, { subject: input.coordinatorSubject.trim(), reason: input.reason });
          const on = input.on ?? today();
          assertRecordDate(on, c.openedOn, today(), 'on');
          const a = recordAssignment(em, ctx, c, {
            subject: input.coordinatorSubject.trim(),
            post: input.coordinatorPost?.trim() || null,
            on,
            reason: input.reason.trim(),
          });
          ctx.audit.recordWrite(em, 'transferCoordinator', [c.personId]);
          return a;
        },
      );
      // A retry answers the first call's appointment: the caller must still be of the case's organization.
      const supportCase = await loaderBy(ctx, SupportCase, 'id').load(coordinatorAssignment.caseId);
      return { coordinatorAssignment, supportCase: supportCase && assertStaffOfOperator(ctx, supportCase) };
    });
  }

  @Authorized(Role.COORDINATOR)
  @Mutation(() => AddCaseTeamMemberPayload, { description: 'Adds a specialist to the multidisciplinary team of a case (seed 003 §32.2).' })
  addCaseTeamMember(@Arg('input', { description: 'The specialist.' }) input: AddCaseTeamMemberInput, @Ctx() ctx: HubContext) {
    return payloadOf(ctx, async () => {
      const caseTeamMember = await createOnce(
        ctx,
        CaseTeamMember,
        input.idempotencyKey,
        (found) => found.caseId === input.supportCaseId,
        async (em) => {
          const c = assertMayRunCase(ctx, await lockedCase(em, input.supportCaseId), input.supportCaseId);
          const org = await em.findOne(Organization, { id: input.organizationId });
          if (!org) throw notFound('Organization', input.organizationId);
          const joinedOn = input.joinedOn ?? today();
          assertRecordDate(joinedOn, c.openedOn, today(), 'joinedOn');
          const post = input.post.trim();
          assertMayAddTeamMember(c.stage, await em.find(CaseTeamMember, { caseId: c.id }), {
            organizationId: org.id,
            role: input.role,
            post,
          });
          const member = em.create(CaseTeamMember, {
            caseId: c.id,
            organizationId: org.id,
            agency: org.agency,
            role: input.role,
            post,
            joinedOn,
            addedBySubject: ctx.identity.subject,
          });
          ctx.audit.recordWrite(em, 'addCaseTeamMember', [c.personId]);
          return member;
        },
      );
      assertMayRunCase(ctx, await loaderBy(ctx, SupportCase, 'id').load(caseTeamMember.caseId), caseTeamMember.caseId);
      return { caseTeamMember };
    });
  }

  @Authorized(Role.COORDINATOR)
  @Mutation(() => RemoveCaseTeamMemberPayload, { description: 'Ends a membership of the team; it stays in the history (seed 003 §32.2).' })
  removeCaseTeamMember(@Arg('input', { description: 'Who leaves and why.' }) input: RemoveCaseTeamMemberInput, @Ctx() ctx: HubContext) {
    return payloadOf(ctx, () =>
      ctx.em.transactional(async (em) => {
        const member = await em.findOne(CaseTeamMember, { id: input.caseTeamMemberId });
        if (!member) throw notFound('Team member', input.caseTeamMemberId);
        const c = assertMayRunCase(ctx, await lockedCase(em, member.caseId), member.caseId);
        const on = input.on ?? today();
        assertMayRemoveTeamMember(member, on, input.reason, today());
        member.leftOn = on;
        member.removedBySubject = ctx.identity.subject;
        member.removalReason = input.reason.trim();
        ctx.audit.recordWrite(em, 'removeCaseTeamMember', [c.personId]);
        return { caseTeamMember: member };
      }),
    );
  }

  @Authorized(Role.COORDINATOR)
  @Mutation(() => RequestConsultationPayload, {
    description: 'Sends a request for a remote consultation of the family to an institution of the ministry (seed 003 §32.1).',
  })
  requestConsultation(@Arg('input', { description: 'The request.' }) input: RequestConsultationInput, @Ctx() ctx: HubContext) {
    return payloadOf(ctx, async () => {
      const consultationRequest = await createOnce(
        ctx,
        ConsultationRequest,
        input.idempotencyKey,
        (found) => found.caseId === input.supportCaseId,
        async (em) => {
          const c = assertMayRunCase(ctx, await lockedCase(em, input.supportCaseId), input.supportCaseId);
          assertCaseOpen(c.stage);
          assertConsultationQuestion(input.question);
          const org = await em.findOne(Organization, { id: input.consultingOrganizationId });
          if (!org) throw notFound('Organization', input.consultingOrganizationId);
          assertConsultingInstitution(org);
          const requestedOn = input.requestedOn ?? today();
          assertRecordDate(requestedOn, c.openedOn, today(), 'requestedOn');
          const question = input.question.trim();
          const r = em.create(ConsultationRequest, {
            caseId: c.id,
            personId: c.personId,
            consultingOrganizationId: org.id,
            topic: input.topic,
            remote: input.remote,
            question,
            requestedOn,
            requestedBySubject: ctx.identity.subject,
            status: ConsultationStatus.REQUESTED,
            statusChangedOn: requestedOn,
          });
          ctx.audit.recordWrite(em, 'requestConsultation', [c.personId]);
          return r;
        },
      );
      assertMayRunCase(ctx, await loaderBy(ctx, SupportCase, 'id').load(consultationRequest.caseId), consultationRequest.caseId);
      return { consultationRequest };
    });
  }

  @Authorized(Role.COORDINATOR, Role.SPECIALIST)
  @Mutation(() => UpdateConsultationRequestPayload, {
    description: 'The institution addressed accepts, declines or reports the consultation held; the requester may cancel (seed 003 §32.1).',
  })
  updateConsultationRequest(@Arg('input', { description: 'The answer.' }) input: UpdateConsultationRequestInput, @Ctx() ctx: HubContext) {
    return payloadOf(ctx, () =>
      ctx.em.transactional(async (em) => {
        const r = await em.findOne(ConsultationRequest, { id: input.consultationRequestId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!r) throw notFound('Consultation request', input.consultationRequestId);
        const side = await consultationSide(ctx, r);
        const on = input.on ?? today();
        assertConsultationMove(r.status, input.status, side, input);
        assertRecordDate(on, r.statusChangedOn, today(), 'on');
        if (input.status === ConsultationStatus.DONE)
          assertRecordDate(input.consultationOn ?? on, r.requestedOn, today(), 'consultationOn');
        if (input.status === ConsultationStatus.ACCEPTED || input.status === ConsultationStatus.DECLINED) r.answeredOn = on;
        if (input.consultationOn) r.consultationOn = input.consultationOn;
        else if (input.status === ConsultationStatus.DONE) r.consultationOn ??= on;
        if (input.answer?.trim()) r.answer = input.answer.trim();
        r.status = input.status;
        r.statusChangedOn = on;
        ctx.audit.recordWrite(em, 'updateConsultationRequest', [r.personId]);
        return { consultationRequest: r };
      }),
    );
  }

  /**
   * The inbox of a consulting institution (seed 003 §32.1): requests addressed to the caller's organization, oldest
   * first, keyset-paged by (request day, id). The question is what it needs to consult; the family's records stay
   * with the operator.
   */
  @Authorized(Role.COORDINATOR, Role.SPECIALIST)
  @Query(() => ConsultationRequestConnection, {
    nullable: true,
    description: 'Consultation requests addressed to my organization, oldest first (seed 003 §32.1); keyset cursors.',
  })
  async consultationInbox(@Args() { first, after }: PageArgs, @Ctx() ctx: HubContext) {
    const organizationId = ctx.identity.organizationId;
    if (!organizationId) throw forbidden('A caller without an organization has no consultation inbox');
    checkPageSize(first);
    const cursor = decodeCursor(after, 2);
    const where = cursor
      ? {
          consultingOrganizationId: organizationId,
          $or: [{ requestedOn: { $gt: String(cursor[0]) } }, { requestedOn: String(cursor[0]), id: { $gt: String(cursor[1]) } }],
        }
      : { consultingOrganizationId: organizationId };
    const [rows, total] = await Promise.all([
      ctx.em.find(ConsultationRequest, where, { orderBy: { requestedOn: 'asc', id: 'asc' }, limit: first + 1 }),
      ctx.em.count(ConsultationRequest, { consultingOrganizationId: organizationId }),
    ]);
    const page = pageOf(rows, total, first, cursor, (r) => [r.requestedOn, r.id]);
    // The question is about a family: its reads are audited against the person, like the case's own (kit/policy/audit.ts).
    if (page.edges.length) ctx.audit.read('consultationInbox', [...new Set(page.edges.map((e) => e.node.personId))]);
    return page;
  }
}

@Resolver(() => CaseTeamMember)
export class CaseTeamMemberResolver {
  @FieldResolver(() => Organization, { nullable: true, description: "The specialist's organization." })
  organization(@Root() m: CaseTeamMember, @Ctx() ctx: HubContext): Promise<Organization | null> {
    return loaderBy(ctx, Organization, 'id').load(m.organizationId);
  }
}

@Resolver(() => ConsultationRequest)
export class ConsultationRequestResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'The institution addressed (seed 003 §32.1).' })
  consultingOrganization(@Root() r: ConsultationRequest, @Ctx() ctx: HubContext): Promise<Organization | null> {
    return loaderBy(ctx, Organization, 'id').load(r.consultingOrganizationId);
  }
}

@Resolver(() => SupportCase)
export class SupportCaseTeamResolver {
  @FieldResolver(() => [CoordinatorAssignment], {
    description: 'Who coordinated the case, oldest first: the first appointment and each transfer (seed 001 §3.3(3)).',
  })
  coordinatorAssignments(@Root() c: SupportCase, @Ctx() ctx: HubContext): Promise<CoordinatorAssignment[]> {
    return loaderManyBy(ctx, CoordinatorAssignment, 'caseId', { assignedOn: 'asc', recordedAt: 'asc' }).load(c.id);
  }

  @FieldResolver(() => [CaseTeamMember], {
    description: 'The multidisciplinary team of the case, present and past members by joining day (seed 003 §32.2).',
  })
  teamMembers(@Root() c: SupportCase, @Ctx() ctx: HubContext): Promise<CaseTeamMember[]> {
    return loaderManyBy(ctx, CaseTeamMember, 'caseId', { joinedOn: 'asc', id: 'asc' }).load(c.id);
  }

  @FieldResolver(() => [ConsultationRequest], {
    description: 'Requests for consultations of the family sent in the case, oldest first (seed 003 §32.1).',
  })
  consultationRequests(@Root() c: SupportCase, @Ctx() ctx: HubContext): Promise<ConsultationRequest[]> {
    return loaderManyBy(ctx, ConsultationRequest, 'caseId', { requestedOn: 'asc', id: 'asc' }).load(c.id);
  }
}

/** As `SupportCase.coordinatorAssignments` / `teamMembers`: the coordinator running the case. */
async function caseRecord<T extends { caseId: string }>(ctx: HubContext, row: T | null, operation: string): Promise<T | null> {
  if (!row) return null;
  const c = assertMayRunCase(ctx, await loaderBy(ctx, SupportCase, 'id').load(row.caseId), row.caseId);
  ctx.audit.read(operation, c.personId);
  return row;
}

export const coordinatorAssignmentReference = {
  __resolveReference: async (reference: { id: string }, ctx: HubContext) =>
    caseRecord(ctx, await loaderBy(ctx, CoordinatorAssignment, 'id').load(reference.id), 'CoordinatorAssignment'),
};

export const caseTeamMemberReference = {
  __resolveReference: async (reference: { id: string }, ctx: HubContext) =>
    caseRecord(ctx, await loaderBy(ctx, CaseTeamMember, 'id').load(reference.id), 'CaseTeamMember'),
};

/** As the inbox or the case: the requesting operator or the institution addressed. */
export const consultationRequestReference = {
  async __resolveReference(reference: { id: string }, ctx: HubContext) {
    const r = await loaderBy(ctx, ConsultationRequest, 'id').load(reference.id);
    if (!r) return null;
    await consultationSide(ctx, r);
    ctx.audit.read('ConsultationRequest', r.personId);
    return r;
  },
};
