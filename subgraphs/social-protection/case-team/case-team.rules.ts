import { badInput, illegalTransition, ruleViolation } from '../../kit/platform/errors';
import { forbidden } from '../../kit/policy/authorization';
import { Role } from '../../kit/policy/roles';
import type { Identity } from '../../kit/platform/identity';
import { compareDates, type IsoDate } from '../calendar/iso-date';
import { isClosedStage, type SupportStage } from '../support-case/stages';
import { ConsultationStatus, type TeamRole } from './case-team.entity';

const hasText = (s: string | null | undefined): boolean => typeof s === 'string' && s.trim().length > 0;

/** A record of what happened: not in the future, not before `notBefore`. */
export function assertRecordDate(on: IsoDate, notBefore: IsoDate, today: IsoDate, field: string): void {
  if (compareDates(on, today) > 0) throw badInput(`The date ${on} is in the future`, { field });
  if (compareDates(on, notBefore) < 0) throw badInput(`The date ${on} is before ${notBefore}`, { field });
}

export interface CaseCoordination {
  stage: SupportStage;
  operatorOrganizationId: string | null;
  coordinatorSubject: string | null;
}

/**
 * seed 001 §3.3(3), seed 003 §33: a coordinator is appointed to a case in the operator organization. The first
 * appointment is made by a coordinator of that organization (taking the case or naming a colleague) or by its
 * administrator; a case that has a coordinator is transferred instead. A closed case keeps its coordinator.
 */
export function assertMayAssignCoordinator(
  c: CaseCoordination,
  caller: Pick<Identity, 'role' | 'organizationId'>,
  to: { subject: string },
): void {
  if (isClosedStage(c.stage)) throw illegalTransition(`A ${c.stage} case keeps the coordinator it closed with`, { stage: c.stage });
  if (c.coordinatorSubject) {
    throw illegalTransition('The case has a coordinator: transfer it (transferCoordinator) with a reason', { field: 'coordinatorSubject' });
  }
  if (!hasText(to.subject)) throw badInput('The coordinator appointed is required', { field: 'coordinatorSubject' });
  assertOfOperator(c, caller);
}

/**
 * Who may transfer a case (seed 003 §33; seed 001 §4.1: the head of the department answers for the service's work):
 * the current coordinator, handing it over, or the operator organization's ADMINISTRATOR, as the head who appoints
 * staff. Another coordinator may not take a colleague's case. A transfer names a different coordinator and a reason.
 */
export function assertMayTransferCoordinator(
  c: CaseCoordination,
  caller: Pick<Identity, 'role' | 'organizationId' | 'subject'>,
  to: { subject: string; reason: string | null | undefined },
): 'CURRENT_COORDINATOR' | 'ADMINISTRATOR' {
  if (isClosedStage(c.stage)) throw illegalTransition(`A ${c.stage} case keeps the coordinator it closed with`, { stage: c.stage });
  if (!c.coordinatorSubject) throw illegalTransition('The case has no coordinator yet: assign one (assignCoordinator)', {});
  assertOfOperator(c, caller);
  const side =
    caller.role === Role.ADMINISTRATOR ? 'ADMINISTRATOR' : caller.subject === c.coordinatorSubject ? 'CURRENT_COORDINATOR' : null;
  if (!side) {
    throw ruleViolation('Only the current coordinator or the organization’s administrator transfers a case', 'seed 003 §33', {
      field: 'coordinatorSubject',
    });
  }
  if (!hasText(to.subject)) throw badInput('The coordinator taking the case is required', { field: 'coordinatorSubject' });
  if (to.subject === c.coordinatorSubject)
    throw illegalTransition('The case is already with this coordinator', { field: 'coordinatorSubject' });
  if (!hasText(to.reason)) throw badInput('A transfer records why the case changes hands', { field: 'reason' });
  return side;
}

/** seed 003 §33: coordinators are appointed in the operator organization running the case, by its own staff. */
export function isStaffOfOperator(
  c: Pick<CaseCoordination, 'operatorOrganizationId'>,
  caller: Pick<Identity, 'role' | 'organizationId'>,
): boolean {
  const staff = caller.role === Role.COORDINATOR || caller.role === Role.ADMINISTRATOR;
  return staff && !!caller.organizationId && caller.organizationId === c.operatorOrganizationId;
}

function assertOfOperator(c: CaseCoordination, caller: Pick<Identity, 'role' | 'organizationId'>): void {
  if (!isStaffOfOperator(c, caller))
    throw forbidden('Coordinators are appointed by the operator organization running the case (seed 003 §33)');
}

/** Team, consultations and assessments belong to an open case; a closed one is reopened by a new signal only. */
export function assertCaseOpen(stage: SupportStage): void {
  if (isClosedStage(stage)) throw illegalTransition(`A ${stage} case is closed`, { stage });
}

/** seed 003 §32.1: a request says what the representatives need to be consulted on. */
export function assertConsultationQuestion(question: string): void {
  if (!hasText(question)) throw badInput('The question of the consultation is required', { field: 'question' });
}

export interface ActiveMember {
  organizationId: string;
  role: TeamRole;
  post: string;
  leftOn: IsoDate | null;
}

/**
 * seed 003 §32.2: the operator forms a multidisciplinary team for comprehensive help to the family and the IPRA,
 * while the case is open. The same specialist (organization, role and post) is a member once at a time.
 */
export function assertMayAddTeamMember(stage: SupportStage, team: readonly ActiveMember[], joining: Omit<ActiveMember, 'leftOn'>): void {
  assertCaseOpen(stage);
  if (!hasText(joining.post)) throw badInput('The post of the specialist is required', { field: 'post' });
  const twice = team.some(
    (m) =>
      m.leftOn === null && m.organizationId === joining.organizationId && m.role === joining.role && m.post.trim() === joining.post.trim(),
  );
  if (twice) throw illegalTransition('This specialist is already a member of the team', { field: 'post' });
}

/** Leaving the team is recorded with its day and reason; a member leaves once, not before joining. */
export function assertMayRemoveTeamMember(
  member: { joinedOn: IsoDate; leftOn: IsoDate | null },
  on: IsoDate,
  reason: string,
  today: IsoDate,
): void {
  if (member.leftOn !== null) throw illegalTransition(`The specialist left the team on ${member.leftOn}`, {});
  assertRecordDate(on, member.joinedOn, today, 'on');
  if (!hasText(reason)) throw badInput('Why the specialist leaves is recorded', { field: 'reason' });
}

/**
 * seed 003 §32.1: operators send requests for remote consultations to the state institutions of the ministry that
 * consult whatever the residence: institutions of social protection (resource centres, rehabilitation centres, family
 * centres, «РОСТ»), not of another agency.
 */
export function assertConsultingInstitution(org: { agency: string }): void {
  if (org.agency !== 'SOCIAL_PROTECTION') {
    throw ruleViolation('Remote consultations are requested from institutions of the ministry of social development', 'seed 003 §32.1', {
      field: 'consultingOrganizationId',
    });
  }
}

/** The moves of a consultation request: the institution accepts or declines, then reports it held; the requester cancels. */
const NEXT: Record<ConsultationStatus, readonly ConsultationStatus[]> = {
  REQUESTED: [ConsultationStatus.ACCEPTED, ConsultationStatus.DECLINED, ConsultationStatus.CANCELLED],
  ACCEPTED: [ConsultationStatus.DONE, ConsultationStatus.CANCELLED],
  DONE: [],
  DECLINED: [],
  CANCELLED: [],
};

export type ConsultationSide = 'REQUESTER' | 'CONSULTANT';

/**
 * Who moves a request where: the consulting institution answers (ACCEPTED with the day of the consultation,
 * DECLINED with a reason, DONE with the outcome); the requesting operator may only cancel. seed 003 §32.1 sets no
 * term for the answer; the request keeps its days so the coordinator sees how long it has waited.
 */
export function assertConsultationMove(
  from: ConsultationStatus,
  to: ConsultationStatus,
  side: ConsultationSide,
  answer: { answer?: string | null; consultationOn?: IsoDate | null },
): void {
  if (!NEXT[from].includes(to)) throw illegalTransition(`A ${from} consultation request cannot become ${to}`, { from, to });
  const mine = to === ConsultationStatus.CANCELLED ? 'REQUESTER' : 'CONSULTANT';
  if (side !== mine) {
    throw ruleViolation(
      mine === 'REQUESTER' ? 'Only the requesting operator cancels its request' : 'Only the institution addressed answers the request',
      'seed 003 §32.1',
    );
  }
  if (to === ConsultationStatus.ACCEPTED && !answer.consultationOn) {
    throw badInput('Accepting a request sets the day of the consultation', { field: 'consultationOn' });
  }
  if ((to === ConsultationStatus.DECLINED || to === ConsultationStatus.CANCELLED) && !hasText(answer.answer)) {
    throw badInput(`${to} needs a reason`, { field: 'answer' });
  }
}
