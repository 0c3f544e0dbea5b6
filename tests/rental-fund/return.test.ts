import { ErrorCode } from '../../subgraphs/kit/platform/errors';
import {
  assertEarlyWithdrawal,
  earlyWithdrawalAllowed,
  earlyWithdrawalDecision,
  settleReturn,
} from '../../subgraphs/rental-fund/rules/return';
import { refusal } from '../support/refusal';

const wheelchairValue = 1_850_000; // 18,500 roubles market value

test('a wheelchair back in working order with normal wear costs nothing and goes back to stock (seed 004 annex 1 contract §2.3.4)', () => {
  for (const condition of ['WORKING_ORDER', 'NORMAL_WEAR'] as const) {
    expect(settleReturn({ condition, itemValueKopecks: wheelchairValue })).toMatchObject({
      charges: { totalKopecks: 0 },
      nextCondition: 'WORKING_ORDER',
      acceptanceActRequired: true,
      rule: 'seed 004 annex 1 contract §2.3.4',
    });
  }
});

test('a wheelchair broken by misuse: the renter pays the repair and the transport, the chair goes to repair (seed 004 annex 1 §3.9)', () => {
  expect(
    settleReturn({
      condition: 'DAMAGED_BY_MISUSE',
      repairCostKopecks: 350_000,
      transportCostKopecks: 60_000,
      itemValueKopecks: wheelchairValue,
    }),
  ).toEqual({
    charges: { repairKopecks: 350_000, transportKopecks: 60_000, compensationKopecks: 0, totalKopecks: 410_000 },
    nextCondition: 'UNDER_REPAIR',
    acceptanceActRequired: true,
    reason: expect.any(String),
    rule: 'seed 004 annex 1 §3.9',
  });
});

test('the repair cost must be known to settle damage by misuse (seed 004 annex 1 §3.9)', () => {
  expect(refusal(() => settleReturn({ condition: 'DAMAGED_BY_MISUSE', itemValueKopecks: wheelchairValue })).code).toBe(
    ErrorCode.BAD_USER_INPUT,
  );
  expect(
    refusal(() => settleReturn({ condition: 'DAMAGED_BY_MISUSE', repairCostKopecks: 12.5, itemValueKopecks: wheelchairValue })).code,
  ).toBe(ErrorCode.BAD_USER_INPUT);
});

test('damage by the renter beyond repair is compensated at market value and written off (seed 004 annex 1 §3.10)', () => {
  expect(settleReturn({ condition: 'DAMAGED_BY_MISUSE', irreparable: true, itemValueKopecks: wheelchairValue })).toMatchObject({
    charges: { compensationKopecks: wheelchairValue, totalKopecks: wheelchairValue },
    nextCondition: 'WRITTEN_OFF',
    rule: 'seed 004 annex 1 §3.10',
  });
});

test('crutches lost by the renter are compensated at market value and written off (seed 004 annex 1 §3.10, contract §2.3.6)', () => {
  expect(settleReturn({ condition: 'LOST', itemValueKopecks: 250_000 })).toMatchObject({
    charges: { repairKopecks: 0, transportKopecks: 0, compensationKopecks: 250_000, totalKopecks: 250_000 },
    nextCondition: 'WRITTEN_OFF',
    rule: 'seed 004 annex 1 §3.10',
  });
});

test('a loss through no fault of the renter is written off without a charge (seed 004 annex 1 §3.10)', () => {
  expect(settleReturn({ condition: 'LOST', renterAtFault: false, itemValueKopecks: 250_000 })).toMatchObject({
    charges: { totalKopecks: 0 },
    nextCondition: 'WRITTEN_OFF',
  });
});

test("a breakdown that is not the renter's fault is repaired at the institution's cost (seed 004 annex 1 §3.11, contract §2.1.4)", () => {
  expect(settleReturn({ condition: 'FAULTY_NO_FAULT_OF_RENTER', itemValueKopecks: wheelchairValue })).toMatchObject({
    charges: { totalKopecks: 0 },
    nextCondition: 'UNDER_REPAIR',
    rule: 'seed 004 annex 1 §3.11',
  });
});

test('an unknown condition is bad input', () => {
  expect(refusal(() => settleReturn({ condition: 'SO_SO' as never, itemValueKopecks: 1 })).code).toBe(ErrorCode.BAD_USER_INPUT);
});

test('an aid used not for its purpose or damaged deliberately may be withdrawn early (seed 004 annex 1 §3.8)', () => {
  expect(earlyWithdrawalAllowed('MISUSE')).toBe(true);
  expect(earlyWithdrawalAllowed('DELIBERATE_DAMAGE')).toBe(true);
  expect(earlyWithdrawalDecision('MISUSE').rule).toBe('seed 004 annex 1 §3.8');
});

test('negligent damage allows early termination under the contract, not the regulation (seed 004 annex 1 contract §2.2.4)', () => {
  expect(earlyWithdrawalDecision('NEGLIGENT_DAMAGE')).toEqual({ allowed: true, rule: 'seed 004 annex 1 contract §2.2.4' });
});

test('no other reason allows taking the aid back early (seed 004 annex 1 §3.8)', () => {
  expect(earlyWithdrawalAllowed('OTHER')).toBe(false);
  expect(earlyWithdrawalAllowed('WE_NEED_IT_FOR_SOMEONE_ELSE')).toBe(false);
  const error = refusal(() => assertEarlyWithdrawal('OTHER'));
  expect(error.extensions).toMatchObject({ code: ErrorCode.RULE_VIOLATION, rule: 'seed 004 annex 1 §3.8', reason: 'OTHER' });
  expect(() => assertEarlyWithdrawal('MISUSE')).not.toThrow();
});
