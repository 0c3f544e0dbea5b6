import { ErrorCode } from '../../subgraphs/kit/platform/errors';
import { demandPlan, demandPlanDeadline, isDemandPlanOnTime } from '../../subgraphs/rental-fund/rules/demand-plan';
import { refusal } from '../support/refusal';

test('the demand plan for next year is due before 1 May (seed 004 annex 1 §5.1)', () => {
  expect(demandPlanDeadline(2025)).toBe('2025-05-01');
  expect(isDemandPlanOnTime(2025, '2025-04-30')).toBe(true);
  expect(isDemandPlanOnTime(2025, '2025-05-01')).toBe(false);
});

test("each aid needs last year's issues plus the waiting queue, less the units the fund owns (seed 004 annex 1 §5.1)", () => {
  const plan = demandPlan({
    year: 2025,
    issuedLastYearByAid: { WHEELCHAIR_MANUAL: 12, CRUTCHES: 20, WALKER_FOLDING: 3 },
    queuedByAid: { WHEELCHAIR_MANUAL: 4, BED_MULTIFUNCTION_ELECTRIC: 2 },
    stockByAid: { WHEELCHAIR_MANUAL: 10, CRUTCHES: 25, WALKER_FOLDING: 3 },
  });
  expect(plan).toMatchObject({ year: 2025, forYear: 2026, deadline: '2025-05-01', rule: 'seed 004 annex 1 §5.1', totalAdditionalUnits: 8 });
  // Lines follow the order of the tariff list (annex 3).
  expect(plan.lines.map((l) => [l.aidCode, l.expectedDemand, l.additionalUnits])).toEqual([
    ['WHEELCHAIR_MANUAL', 16, 6],
    ['WALKER_FOLDING', 3, 0],
    ['BED_MULTIFUNCTION_ELECTRIC', 2, 2],
    ['CRUTCHES', 20, 0],
  ]);
});

test('aids outside the tariff list are planned too, after the listed ones (seed 004 annex 1 §1.4, §5.1)', () => {
  const plan = demandPlan({ year: 2025, issuedLastYearByAid: { COMMODE_CHAIR: 2, CRUTCHES: 1 }, queuedByAid: {}, stockByAid: {} });
  expect(plan.lines.map((l) => l.aidCode)).toEqual(['CRUTCHES', 'COMMODE_CHAIR']);
});

test('negative or fractional counts are bad input', () => {
  expect(refusal(() => demandPlan({ year: 2025, issuedLastYearByAid: { CRUTCHES: -1 }, queuedByAid: {}, stockByAid: {} })).code).toBe(
    ErrorCode.BAD_USER_INPUT,
  );
  expect(refusal(() => demandPlan({ year: 2025.5, issuedLastYearByAid: {}, queuedByAid: {}, stockByAid: {} })).code).toBe(
    ErrorCode.BAD_USER_INPUT,
  );
});
