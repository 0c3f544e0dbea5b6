import { ErrorCode } from '../../subgraphs/kit/platform/errors';
import { assertAidAvailable, compareQueueEntries, orderQueue, PriorityCategory, QueueEntry } from '../../subgraphs/rental-fund/rules/queue';
import { refusal } from '../support/refusal';

const ids = (entries: QueueEntry[]) => orderQueue(entries).map((e) => e.id);

test('a veteran of the Great Patriotic War is served out of turn (seed 004 annex 1 §2.2)', () => {
  expect(
    ids([
      { id: 'early-applicant', appliedAt: '2025-03-01T09:15' },
      { id: 'veteran', appliedAt: '2025-03-05T16:40', priorityCategory: PriorityCategory.GPW_VETERAN },
    ]),
  ).toEqual(['veteran', 'early-applicant']);
});

test('war invalids, participants and veterans are one out-of-turn group, served among themselves by time (seed 004 annex 1 §2.2)', () => {
  expect(
    ids([
      { id: 'veteran', appliedAt: '2025-03-02T10:00', priorityCategory: PriorityCategory.GPW_VETERAN },
      { id: 'citizen', appliedAt: '2025-03-01T10:00' },
      { id: 'participant', appliedAt: '2025-03-03T10:00', priorityCategory: PriorityCategory.GPW_PARTICIPANT },
      { id: 'invalid', appliedAt: '2025-03-04T10:00', priorityCategory: PriorityCategory.GPW_INVALID },
    ]),
  ).toEqual(['veteran', 'participant', 'invalid', 'citizen']);
});

test('everyone else is served first come, first served, and equal times by id (seed 004 annex 1 §2.2)', () => {
  const entries: QueueEntry[] = [
    { id: 'b', appliedAt: '2025-03-02T09:00' },
    { id: 'c', appliedAt: '2025-03-01T11:30' },
    { id: 'a', appliedAt: '2025-03-02T09:00', priorityCategory: null },
  ];
  expect(ids(entries)).toEqual(['c', 'a', 'b']);
  // The input keeps its order; ordering is a pure function.
  expect(entries.map((e) => e.id)).toEqual(['b', 'c', 'a']);
  expect(compareQueueEntries(entries[0], entries[0])).toBe(0);
});

test('application times with a time zone are refused as bad input', () => {
  const error = refusal(() => compareQueueEntries({ id: 'a', appliedAt: '2025-03-01T10:00Z' }, { id: 'b', appliedAt: '2025-03-01' }));
  expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
  expect(
    refusal(() =>
      orderQueue([
        { id: 'x', appliedAt: '2025-03-01', priorityCategory: 'COMBAT_VETERAN' as PriorityCategory },
        { id: 'y', appliedAt: '2025-03-01' },
      ]),
    ).code,
  ).toBe(ErrorCode.BAD_USER_INPUT);
});

test('a contract is drawn up only when a unit of the aid is free in the fund (seed 004 annex 1 §3.3)', () => {
  expect(() => assertAidAvailable(1, 'WHEELCHAIR_MANUAL')).not.toThrow();
  const error = refusal(() => assertAidAvailable(0, 'WHEELCHAIR_MANUAL'));
  expect(error.extensions).toMatchObject({ code: ErrorCode.RULE_VIOLATION, rule: 'seed 004 annex 1 §3.3', aidCode: 'WHEELCHAIR_MANUAL' });
});
