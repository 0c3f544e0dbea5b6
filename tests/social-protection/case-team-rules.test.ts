import { ErrorCode } from '../../subgraphs/kit/platform/errors';
import type { Identity } from '../../subgraphs/kit/platform/identity';
import { ConsultationStatus as C, TeamRole } from '../../subgraphs/social-protection/case-team/case-team.entity';
import {
  assertConsultationMove,
  assertConsultingInstitution,
  assertMayAddTeamMember,
  assertMayAssignCoordinator,
  assertMayRemoveTeamMember,
  assertMayTransferCoordinator,
} from '../../subgraphs/social-protection/case-team/case-team.rules';
import { SupportStage as S } from '../../subgraphs/social-protection/support-case/stages';
import { refusal } from '../support/refusal';

const caller = (over: Partial<Identity>): Identity => ({
  subject: 'coord-a',
  role: 'COORDINATOR',
  organizationId: 'org-1',
  territoryOktmo: null,
  agency: null,
  grants: [],
  requestId: 'r',
  ...over,
});
const assigned = { stage: S.CONTACTED, operatorOrganizationId: 'org-1', coordinatorSubject: 'coord-a' };
const unassigned = { ...assigned, stage: S.IDENTIFIED, coordinatorSubject: null };

describe('a case has a coordinator appointed, and transferred with history (seed 001 §3.3(3); seed 003 §33)', () => {
  test('a coordinator of the operator organization appoints the first coordinator of a case; another organization may not', () => {
    expect(() => assertMayAssignCoordinator(unassigned, caller({}), { subject: 'coord-b' })).not.toThrow();
    expect(() => assertMayAssignCoordinator(unassigned, caller({ role: 'ADMINISTRATOR' }), { subject: 'coord-b' })).not.toThrow();
    expect(refusal(() => assertMayAssignCoordinator(unassigned, caller({ organizationId: 'org-2' }), { subject: 'x' })).code).toBe(
      ErrorCode.FORBIDDEN,
    );
    expect(refusal(() => assertMayAssignCoordinator(unassigned, caller({ role: 'SPECIALIST' }), { subject: 'x' })).code).toBe(
      ErrorCode.FORBIDDEN,
    );
  });

  test('a case that has a coordinator is transferred, not assigned again; a closed case keeps its coordinator', () => {
    expect(refusal(() => assertMayAssignCoordinator(assigned, caller({}), { subject: 'coord-b' })).code).toBe(ErrorCode.ILLEGAL_TRANSITION);
    expect(refusal(() => assertMayAssignCoordinator({ ...unassigned, stage: S.DECLINED }, caller({}), { subject: 'b' })).code).toBe(
      ErrorCode.ILLEGAL_TRANSITION,
    );
    expect(
      refusal(() => assertMayTransferCoordinator({ ...assigned, stage: S.CONCLUDED }, caller({}), { subject: 'b', reason: 'r' })).code,
    ).toBe(ErrorCode.ILLEGAL_TRANSITION);
  });

  test('only the current coordinator or the organization’s administrator transfers a case, to another coordinator, with a reason (seed 003 §33)', () => {
    expect(assertMayTransferCoordinator(assigned, caller({}), { subject: 'coord-b', reason: 'отпуск' })).toBe('CURRENT_COORDINATOR');
    expect(
      assertMayTransferCoordinator(assigned, caller({ role: 'ADMINISTRATOR', subject: 'head' }), { subject: 'coord-b', reason: 'r' }),
    ).toBe('ADMINISTRATOR');
    const colleague = refusal(() =>
      assertMayTransferCoordinator(assigned, caller({ subject: 'coord-c' }), { subject: 'coord-c', reason: 'r' }),
    );
    expect(colleague).toMatchObject({ code: ErrorCode.RULE_VIOLATION });
    expect(colleague.extensions.rule).toBe('seed 003 §33');
    expect(refusal(() => assertMayTransferCoordinator(assigned, caller({}), { subject: 'coord-a', reason: 'r' })).code).toBe(
      ErrorCode.ILLEGAL_TRANSITION,
    );
    expect(refusal(() => assertMayTransferCoordinator(assigned, caller({}), { subject: 'coord-b', reason: ' ' })).code).toBe(
      ErrorCode.BAD_USER_INPUT,
    );
    expect(refusal(() => assertMayTransferCoordinator(unassigned, caller({}), { subject: 'coord-b', reason: 'r' })).code).toBe(
      ErrorCode.ILLEGAL_TRANSITION,
    );
  });
});

describe('the multidisciplinary team of a case (seed 003 §32.2)', () => {
  const psychologist = { organizationId: 'org-1', role: TeamRole.PSYCHOLOGIST, post: 'педагог-психолог' };

  test('specialists of any agency join an open case once at a time; a closed case has no team to join', () => {
    expect(() => assertMayAddTeamMember(S.IN_IMPLEMENTATION, [], psychologist)).not.toThrow();
    expect(refusal(() => assertMayAddTeamMember(S.IN_IMPLEMENTATION, [{ ...psychologist, leftOn: null }], psychologist)).code).toBe(
      ErrorCode.ILLEGAL_TRANSITION,
    );
    // One who left may join again.
    expect(() => assertMayAddTeamMember(S.IN_IMPLEMENTATION, [{ ...psychologist, leftOn: '2026-02-01' }], psychologist)).not.toThrow();
    expect(refusal(() => assertMayAddTeamMember(S.CONCLUDED, [], psychologist)).code).toBe(ErrorCode.ILLEGAL_TRANSITION);
    expect(refusal(() => assertMayAddTeamMember(S.CONTACTED, [], { ...psychologist, post: ' ' })).code).toBe(ErrorCode.BAD_USER_INPUT);
  });

  test('leaving is recorded once, with its day (not before joining, not ahead) and a reason', () => {
    const member = { joinedOn: '2026-02-01', leftOn: null };
    expect(() => assertMayRemoveTeamMember(member, '2026-03-01', 'замена специалиста', '2026-03-02')).not.toThrow();
    expect(refusal(() => assertMayRemoveTeamMember(member, '2026-01-31', 'r', '2026-03-02')).code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(refusal(() => assertMayRemoveTeamMember(member, '2026-03-03', 'r', '2026-03-02')).code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(refusal(() => assertMayRemoveTeamMember(member, '2026-03-01', '', '2026-03-02')).code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(refusal(() => assertMayRemoveTeamMember({ ...member, leftOn: '2026-02-10' }, '2026-03-01', 'r', '2026-03-02')).code).toBe(
      ErrorCode.ILLEGAL_TRANSITION,
    );
  });
});

describe('a request for a remote consultation (seed 003 §32.1)', () => {
  test('it is addressed to an institution of the ministry of social development, not of another agency', () => {
    expect(() => assertConsultingInstitution({ agency: 'SOCIAL_PROTECTION' })).not.toThrow();
    const health = refusal(() => assertConsultingInstitution({ agency: 'HEALTH' }));
    expect(health.code).toBe(ErrorCode.RULE_VIOLATION);
    expect(health.extensions.rule).toBe('seed 003 §32.1');
  });

  test('the institution addressed accepts (with a day) or declines (with a reason), then reports it held; the requester only cancels', () => {
    expect(() => assertConsultationMove(C.REQUESTED, C.ACCEPTED, 'CONSULTANT', { consultationOn: '2026-03-01' })).not.toThrow();
    expect(refusal(() => assertConsultationMove(C.REQUESTED, C.ACCEPTED, 'CONSULTANT', {})).code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(refusal(() => assertConsultationMove(C.REQUESTED, C.DECLINED, 'CONSULTANT', {})).code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(() => assertConsultationMove(C.ACCEPTED, C.DONE, 'CONSULTANT', { answer: 'проведена' })).not.toThrow();
    expect(refusal(() => assertConsultationMove(C.REQUESTED, C.ACCEPTED, 'REQUESTER', { consultationOn: '2026-03-01' })).code).toBe(
      ErrorCode.RULE_VIOLATION,
    );
    expect(refusal(() => assertConsultationMove(C.REQUESTED, C.CANCELLED, 'CONSULTANT', { answer: 'r' })).code).toBe(
      ErrorCode.RULE_VIOLATION,
    );
    expect(() => assertConsultationMove(C.REQUESTED, C.CANCELLED, 'REQUESTER', { answer: 'семья отказалась' })).not.toThrow();
    expect(refusal(() => assertConsultationMove(C.REQUESTED, C.DONE, 'CONSULTANT', {})).code).toBe(ErrorCode.ILLEGAL_TRANSITION);
    expect(refusal(() => assertConsultationMove(C.DONE, C.CANCELLED, 'REQUESTER', { answer: 'r' })).code).toBe(
      ErrorCode.ILLEGAL_TRANSITION,
    );
  });
});
