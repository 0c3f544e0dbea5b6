import { ErrorCode } from '../../subgraphs/kit/platform/errors';
import { ProductionCalendar } from '../../subgraphs/social-protection/calendar/production-calendar';
import { RUSSIA_2025_2026 } from '../../subgraphs/social-protection/calendar/russia-2025-2026';
import {
  assertCoordinatorRecordsExecution,
  assertMeasureVolume,
  measureStatusAfterExecution,
} from '../../subgraphs/social-protection/programme/measure-execution.rules';
import { MeasureStatus } from '../../subgraphs/social-protection/programme/programme.entity';
import { ReferralStatus as R } from '../../subgraphs/social-protection/referral/referral-status';
import {
  assertExecutionDate,
  compareInboxKeys,
  declineReason,
  executionResult,
  inboxKey,
  isAnswerOverdue,
  isRepeatedAnswer,
  referralAnswerDeadline,
  referralPathForExecution,
} from '../../subgraphs/social-protection/referral/referral.rules';
import { refusal } from '../support/refusal';

const calendar = new ProductionCalendar(RUSSIA_2025_2026);

describe('the answer day of a referral (seed 003 §16, §27)', () => {
  test('the executor answers within 5 working days after the referral is sent, counted over the New Year holidays', () => {
    // Sent on Tue 30 Dec 2025; 31 Dec – 11 Jan are days off (decree No. 1466): 12, 13, 14, 15, 16 January.
    expect(referralAnswerDeadline('2025-12-30', calendar)).toMatchObject({ dueDate: '2026-01-16', source: 'seed 003 §16, §27' });
    // Sent on Thu 5 Mar 2026; Mon 9 Mar is the day off for 8 March: 6, 10, 11, 12, 13 March.
    expect(referralAnswerDeadline('2026-03-05', calendar).dueDate).toBe('2026-03-13');
  });

  test('a referral is overdue only while it waits for an answer and after its whole due day', () => {
    expect(isAnswerOverdue(R.REQUESTED, '2026-03-13', '2026-03-13')).toBe(false);
    expect(isAnswerOverdue(R.REQUESTED, '2026-03-13', '2026-03-16')).toBe(true);
    expect(isAnswerOverdue(R.ACCEPTED, '2026-03-13', '2026-03-16')).toBe(false);
    expect(isAnswerOverdue(R.REQUESTED, null, '2026-03-16')).toBe(false);
  });

  test('the inbox shows referrals awaiting an answer first, by answer day (so overdue first), then the answered ones', () => {
    const rows = [
      { r: { id: 'b', status: R.ACCEPTED }, due: '2026-01-05' },
      { r: { id: 'c', status: R.REQUESTED }, due: '2026-03-20' },
      { r: { id: 'a', status: R.REQUESTED }, due: '2026-03-02' },
      { r: { id: 'd', status: R.IN_PROGRESS }, due: '2026-02-01' },
    ];
    const sorted = rows.map(({ r, due }) => inboxKey(r, due)).sort(compareInboxKeys);
    expect(sorted.map((k) => k[2])).toEqual(['a', 'c', 'b', 'd']);
  });
});

describe('the executing organization answers (seed 003 §27, §33.6)', () => {
  test('a referral is declined with a reason; a blank one is a coded refusal on the reason field', () => {
    expect(declineReason('  нет специалиста  ')).toBe('нет специалиста');
    for (const blank of [null, undefined, '', '   ']) {
      const error = refusal(() => declineReason(blank));
      expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(error.extensions.field).toBe('reason');
    }
  });

  test('a retry of the same answer repeats it; the opposite answer does not', () => {
    expect(isRepeatedAnswer(R.ACCEPTED, 'ACCEPTED')).toBe(true);
    expect(isRepeatedAnswer(R.IN_PROGRESS, 'ACCEPTED')).toBe(true);
    expect(isRepeatedAnswer(R.REJECTED, 'REJECTED')).toBe(true);
    expect(isRepeatedAnswer(R.REQUESTED, 'ACCEPTED')).toBe(false);
    expect(isRepeatedAnswer(R.REJECTED, 'ACCEPTED')).toBe(false);
    expect(isRepeatedAnswer(R.ACCEPTED, 'REJECTED')).toBe(false);
  });

  test('an execution is dated not in the future and not before the referral, and carries its result', () => {
    expect(() => assertExecutionDate('2026-03-10', '2026-03-05', '2026-03-10')).not.toThrow();
    expect(refusal(() => assertExecutionDate('2026-03-11', '2026-03-05', '2026-03-10')).extensions).toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      field: 'executedOn',
    });
    expect(refusal(() => assertExecutionDate('2026-03-04', '2026-03-05', '2026-03-10')).extensions.field).toBe('executedOn');
    expect(executionResult(' проведено занятие ')).toBe('проведено занятие');
    expect(refusal(() => executionResult(' ')).extensions.field).toBe('result');
  });

  test('recording an execution moves the referral along the loop table: under way, or DONE when it completes the measure', () => {
    expect(referralPathForExecution(R.ACCEPTED, false)).toEqual([R.IN_PROGRESS]);
    expect(referralPathForExecution(R.ACCEPTED, true)).toEqual([R.IN_PROGRESS, R.DONE]);
    expect(referralPathForExecution(R.IN_PROGRESS, false)).toEqual([]);
    expect(referralPathForExecution(R.IN_PROGRESS, true)).toEqual([R.DONE]);
    expect(referralPathForExecution(R.ON_HOLD, false)).toEqual([R.IN_PROGRESS]);
    // Not accepted yet, closed, or by the requester: ILLEGAL_TRANSITION.
    for (const from of [R.REQUESTED, R.DRAFT, R.DONE, R.REJECTED, R.CANCELLED, R.FAILED]) {
      expect(refusal(() => referralPathForExecution(from, true)).code).toBe(ErrorCode.ILLEGAL_TRANSITION);
    }
    expect(refusal(() => referralPathForExecution(R.ACCEPTED, false, 'REQUESTER')).code).toBe(ErrorCode.ILLEGAL_TRANSITION);
  });
});

describe("the measure's execution record (seed 003 §8.17–18, §33.6)", () => {
  test('a measure is under way after its first execution and DONE after the one that completes it; a closed one takes none', () => {
    expect(measureStatusAfterExecution(MeasureStatus.PLANNED, false)).toBe(MeasureStatus.IN_PROGRESS);
    expect(measureStatusAfterExecution(MeasureStatus.IN_PROGRESS, true)).toBe(MeasureStatus.DONE);
    expect(refusal(() => measureStatusAfterExecution(MeasureStatus.DONE, false)).code).toBe(ErrorCode.ILLEGAL_TRANSITION);
    expect(refusal(() => measureStatusAfterExecution(MeasureStatus.CANCELLED, true)).code).toBe(ErrorCode.ILLEGAL_TRANSITION);
  });

  test('the coordinator records a measure without an open referral; while one is open, its executor does', () => {
    expect(() => assertCoordinatorRecordsExecution([])).not.toThrow();
    expect(() => assertCoordinatorRecordsExecution([{ status: R.DRAFT }, { status: R.REJECTED }])).not.toThrow();
    expect(refusal(() => assertCoordinatorRecordsExecution([{ status: R.REJECTED }, { status: R.ACCEPTED }])).code).toBe(
      ErrorCode.ILLEGAL_TRANSITION,
    );
  });

  test('the volume of a measure is a whole number of times, at least one', () => {
    expect(() => assertMeasureVolume(null)).not.toThrow();
    expect(() => assertMeasureVolume(12)).not.toThrow();
    for (const bad of [0, -1, 1.5]) expect(refusal(() => assertMeasureVolume(bad)).extensions.field).toBe('volume');
  });
});
