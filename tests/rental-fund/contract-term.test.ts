import { ErrorCode } from '../../subgraphs/kit/platform/errors';
import {
  assertExtension,
  assertInitialTerm,
  assertIssuedOnContractDay,
  dueWithinDays,
  isOverdue,
  maxExtendedDueOn,
  maxInitialDueOn,
} from '../../subgraphs/rental-fund/rules/contract-term';
import { refusal } from '../support/refusal';

test('the aid is handed over on the day the contract is concluded (seed 004 annex 1 §3.4)', () => {
  expect(() => assertIssuedOnContractDay('2025-03-10', '2025-03-10')).not.toThrow();
  const error = refusal(() => assertIssuedOnContractDay('2025-03-10', '2025-03-11'));
  expect(error.extensions).toMatchObject({ code: ErrorCode.RULE_VIOLATION, rule: 'seed 004 annex 1 §3.4' });
});

test('a contract issued on 10 March 2025 may run through 9 March 2026 at most (seed 004 annex 1 §3.6)', () => {
  expect(maxInitialDueOn('2025-03-10')).toBe('2026-03-09');
  expect(() => assertInitialTerm('2025-03-10', '2026-03-09')).not.toThrow();
  expect(() => assertInitialTerm('2025-03-10', '2025-03-10')).not.toThrow();
  const error = refusal(() => assertInitialTerm('2025-03-10', '2026-03-10'));
  expect(error.extensions).toMatchObject({ code: ErrorCode.RULE_VIOLATION, rule: 'seed 004 annex 1 §3.6', latestDueOn: '2026-03-09' });
});

test('a year from a leap day never runs past the anniversary month (seed 004 annex 1 §3.6)', () => {
  expect(maxInitialDueOn('2024-02-29')).toBe('2025-02-27');
});

test('a due date before the issue is bad input', () => {
  expect(refusal(() => assertInitialTerm('2025-03-10', '2025-03-09')).code).toBe(ErrorCode.BAD_USER_INPUT);
  expect(refusal(() => assertInitialTerm('2025-03-10', '10.03.2026')).code).toBe(ErrorCode.BAD_USER_INPUT);
});

test('a contract due on 9 March 2026 may be extended through 9 September 2026 (seed 004 annex 1 §3.6)', () => {
  expect(maxExtendedDueOn('2026-03-09')).toBe('2026-09-09');
  expect(() =>
    assertExtension({ issuedOn: '2025-03-10', currentDueOn: '2026-03-09', newDueOn: '2026-09-09', extensionsSoFar: 0 }),
  ).not.toThrow();
});

test('an extension longer than 6 months is refused (seed 004 annex 1 §3.6)', () => {
  const error = refusal(() =>
    assertExtension({ issuedOn: '2025-03-10', currentDueOn: '2026-03-09', newDueOn: '2026-09-10', extensionsSoFar: 0 }),
  );
  expect(error.extensions).toMatchObject({ code: ErrorCode.RULE_VIOLATION, rule: 'seed 004 annex 1 §3.6', latestDueOn: '2026-09-09' });
});

test('a contract is extended only once, even by a few days (seed 004 annex 1 §3.6)', () => {
  const error = refusal(() =>
    assertExtension({ issuedOn: '2025-03-10', currentDueOn: '2025-06-30', newDueOn: '2025-07-05', extensionsSoFar: 1 }),
  );
  expect(error.extensions).toMatchObject({ code: ErrorCode.RULE_VIOLATION, rule: 'seed 004 annex 1 §3.6', extensionsSoFar: 1 });
});

test('a short contract may be extended even if the total stays under a year (seed 004 annex 1 §3.6)', () => {
  expect(() =>
    assertExtension({ issuedOn: '2025-03-10', currentDueOn: '2025-04-08', newDueOn: '2025-10-08', extensionsSoFar: 0 }),
  ).not.toThrow();
});

test('no extension when the citizen no longer needs the aid (seed 004 annex 1 §3.6)', () => {
  const error = refusal(() =>
    assertExtension({
      issuedOn: '2025-03-10',
      currentDueOn: '2025-04-08',
      newDueOn: '2025-05-08',
      extensionsSoFar: 0,
      continuedNeed: false,
    }),
  );
  expect(error.extensions).toMatchObject({ rule: 'seed 004 annex 1 §3.6', reason: 'NO_CONTINUED_NEED' });
});

test('an "extension" that does not move the due date later is bad input', () => {
  expect(
    refusal(() => assertExtension({ issuedOn: '2025-03-10', currentDueOn: '2025-04-08', newDueOn: '2025-04-08', extensionsSoFar: 0 })).code,
  ).toBe(ErrorCode.BAD_USER_INPUT);
  expect(
    refusal(() => assertExtension({ issuedOn: '2025-03-10', currentDueOn: '2025-04-08', newDueOn: '2025-05-08', extensionsSoFar: -1 }))
      .code,
  ).toBe(ErrorCode.BAD_USER_INPUT);
});

test('the due date is the last day of use: overdue from the next day (seed 004 annex 1 contract §2.3.4)', () => {
  expect(isOverdue('2025-04-08', '2025-04-08')).toBe(false);
  expect(isOverdue('2025-04-08', '2025-04-09')).toBe(true);
  expect(isOverdue('2025-04-08', '2025-03-31')).toBe(false);
});

test('a reminder window covers today through N days ahead, never an overdue aid', () => {
  expect(dueWithinDays('2025-04-08', '2025-04-01', 7)).toBe(true);
  expect(dueWithinDays('2025-04-08', '2025-03-31', 7)).toBe(false);
  expect(dueWithinDays('2025-04-08', '2025-04-08', 0)).toBe(true);
  expect(dueWithinDays('2025-04-08', '2025-04-09', 7)).toBe(false);
  expect(refusal(() => dueWithinDays('2025-04-08', '2025-04-01', -1)).code).toBe(ErrorCode.BAD_USER_INPUT);
});
