import { ErrorCode } from '../../subgraphs/kit/platform/errors';
import { ProductionCalendar } from '../../subgraphs/social-protection/calendar/production-calendar';
import { RUSSIA_2025_2026 } from '../../subgraphs/social-protection/calendar/russia-2025-2026';
import {
  ReferralStatus as RS,
  allowedReferralTransitions,
  assertReferralTransition,
  isAwaitingAnswer,
  toFhirTaskStatus,
  unansweredTooLong,
} from '../../subgraphs/social-protection/referral/referral-status';
import { refusal } from '../support/refusal';

const calendar = new ProductionCalendar(RUSSIA_2025_2026);

describe('closed-loop referrals (seed 003 §27, §33.6; FHIR SDOH Clinical Care Task states)', () => {
  test('the happy loop: coordinator sends, executor accepts, works and reports completion', () => {
    expect(() => assertReferralTransition(RS.DRAFT, RS.REQUESTED, 'REQUESTER')).not.toThrow();
    expect(() => assertReferralTransition(RS.REQUESTED, RS.ACCEPTED, 'EXECUTOR')).not.toThrow();
    expect(() => assertReferralTransition(RS.ACCEPTED, RS.IN_PROGRESS, 'EXECUTOR')).not.toThrow();
    expect(() => assertReferralTransition(RS.IN_PROGRESS, RS.ON_HOLD, 'EXECUTOR')).not.toThrow();
    expect(() => assertReferralTransition(RS.ON_HOLD, RS.IN_PROGRESS, 'EXECUTOR')).not.toThrow();
    expect(() => assertReferralTransition(RS.IN_PROGRESS, RS.DONE, 'EXECUTOR')).not.toThrow();
  });

  test('only the executor answers a referral; the requester cannot accept on its behalf', () => {
    const e = refusal(() => assertReferralTransition(RS.REQUESTED, RS.ACCEPTED, 'REQUESTER'));
    expect(e.code).toBe(ErrorCode.ILLEGAL_TRANSITION);
    expect(e.extensions).toMatchObject({ from: RS.REQUESTED, to: RS.ACCEPTED, side: 'REQUESTER' });
    expect(refusal(() => assertReferralTransition(RS.DRAFT, RS.REQUESTED, 'EXECUTOR')).extensions).toMatchObject({
      side: 'EXECUTOR',
    });
    expect(refusal(() => assertReferralTransition(RS.IN_PROGRESS, RS.DONE, 'REQUESTER')).code).toBe(ErrorCode.ILLEGAL_TRANSITION);
  });

  test('a rejection needs a reason so the coordinator can route the family elsewhere (seed 003 §33.3)', () => {
    expect(refusal(() => assertReferralTransition(RS.REQUESTED, RS.REJECTED, 'EXECUTOR')).code).toBe(ErrorCode.ILLEGAL_TRANSITION);
    expect(() =>
      assertReferralTransition(RS.REQUESTED, RS.REJECTED, 'EXECUTOR', { reason: 'no speech therapist until autumn' }),
    ).not.toThrow();
  });

  test('the requester may cancel an open referral, e.g. when the family refuses support (seed 001 §1.5)', () => {
    for (const from of [RS.DRAFT, RS.REQUESTED, RS.ACCEPTED, RS.IN_PROGRESS, RS.ON_HOLD]) {
      expect(() => assertReferralTransition(from, RS.CANCELLED, 'REQUESTER', { reason: 'family declined' })).not.toThrow();
      expect(refusal(() => assertReferralTransition(from, RS.CANCELLED, 'REQUESTER')).code).toBe(ErrorCode.ILLEGAL_TRANSITION);
    }
  });

  test('the executor may cancel only work it has taken on; before answering it rejects instead', () => {
    expect(() => assertReferralTransition(RS.ACCEPTED, RS.CANCELLED, 'EXECUTOR', { reason: 'family moved' })).not.toThrow();
    expect(() => assertReferralTransition(RS.ON_HOLD, RS.CANCELLED, 'EXECUTOR', { reason: 'family moved' })).not.toThrow();
    expect(refusal(() => assertReferralTransition(RS.REQUESTED, RS.CANCELLED, 'EXECUTOR', { reason: 'x' })).extensions).toMatchObject({
      side: 'EXECUTOR',
    });
  });

  test('a failed attempt needs a reason', () => {
    expect(refusal(() => assertReferralTransition(RS.IN_PROGRESS, RS.FAILED, 'EXECUTOR')).code).toBe(ErrorCode.ILLEGAL_TRANSITION);
    expect(() => assertReferralTransition(RS.IN_PROGRESS, RS.FAILED, 'EXECUTOR', { reason: 'device out of stock' })).not.toThrow();
  });

  test('illegal shortcuts: accepted work cannot be rejected, paused work cannot complete without resuming', () => {
    expect(refusal(() => assertReferralTransition(RS.ACCEPTED, RS.REJECTED, 'EXECUTOR', { reason: 'x' })).code).toBe(
      ErrorCode.ILLEGAL_TRANSITION,
    );
    expect(refusal(() => assertReferralTransition(RS.ON_HOLD, RS.DONE, 'EXECUTOR')).code).toBe(ErrorCode.ILLEGAL_TRANSITION);
    expect(refusal(() => assertReferralTransition(RS.REQUESTED, RS.IN_PROGRESS, 'EXECUTOR')).code).toBe(ErrorCode.ILLEGAL_TRANSITION);
  });

  test('rejected, cancelled, failed and completed referrals are final: a new attempt is a new referral', () => {
    for (const from of [RS.REJECTED, RS.CANCELLED, RS.FAILED, RS.DONE]) {
      for (const side of ['REQUESTER', 'EXECUTOR'] as const) {
        expect(refusal(() => assertReferralTransition(from, RS.REQUESTED, side, { reason: 'retry' })).code).toBe(
          ErrorCode.ILLEGAL_TRANSITION,
        );
        expect(allowedReferralTransitions(from, side)).toEqual([]);
      }
    }
  });

  test('each side is offered only its own actions', () => {
    expect(allowedReferralTransitions(RS.REQUESTED, 'EXECUTOR').sort()).toEqual([RS.ACCEPTED, RS.REJECTED].sort());
    expect(allowedReferralTransitions(RS.REQUESTED, 'REQUESTER')).toEqual([RS.CANCELLED]);
    expect(allowedReferralTransitions(RS.IN_PROGRESS, 'REQUESTER')).toEqual([RS.CANCELLED]);
  });

  test('statuses map to FHIR task-status codes', () => {
    expect(toFhirTaskStatus(RS.IN_PROGRESS)).toBe('in-progress');
    expect(toFhirTaskStatus(RS.ON_HOLD)).toBe('on-hold');
    expect(toFhirTaskStatus(RS.REQUESTED)).toBe('requested');
  });

  test('unknown statuses or sides are bad input', () => {
    expect(refusal(() => assertReferralTransition('SENT' as RS, RS.ACCEPTED, 'EXECUTOR')).code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(refusal(() => assertReferralTransition(RS.REQUESTED, RS.ACCEPTED, 'PARTNER' as 'EXECUTOR')).code).toBe(ErrorCode.BAD_USER_INPUT);
  });
});

describe('chasing unanswered referrals', () => {
  test('only a requested referral waits for an answer', () => {
    expect(isAwaitingAnswer(RS.REQUESTED)).toBe(true);
    for (const s of [RS.DRAFT, RS.ACCEPTED, RS.IN_PROGRESS, RS.DONE]) expect(isAwaitingAnswer(s)).toBe(false);
  });

  test('a referral sent before the May holidays is not overdue until 2 working days have passed (decree No. 1335)', () => {
    // Sent Wed 30 Apr 2025: 1–4 May off → Mon 5 May (1), Tue 6 May (2)
    expect(unansweredTooLong('2025-04-30', '2025-05-06', calendar)).toBe(false);
    expect(unansweredTooLong('2025-04-30', '2025-05-07', calendar)).toBe(true);
  });

  test('the limit can be set per partner agreement', () => {
    expect(unansweredTooLong('2025-03-03', '2025-03-05', calendar, 1)).toBe(true);
    expect(unansweredTooLong('2025-03-03', '2025-03-05', calendar, 5)).toBe(false);
  });
});
