import { ErrorCode } from '../../subgraphs/kit/platform/errors';
import { RentalGround } from '../../subgraphs/rental-fund/rules/eligibility';
import { earlyReturnRefund, extensionFee, rentalDays, rentalFee } from '../../subgraphs/rental-fund/rules/pricing';
import { refusal } from '../support/refusal';

// A 30-day rental: 10 March through 8 April 2025, both days included.
const period = { issuedOn: '2025-03-10', dueOn: '2025-04-08' };

test('the contract period counts both its first and its last day (seed 004 annex 1 contract §5.1)', () => {
  expect(rentalDays('2025-03-10', '2025-04-08')).toBe(30);
  expect(rentalDays('2025-03-10', '2025-03-10')).toBe(1);
  expect(refusal(() => rentalDays('2025-03-10', '2025-03-09')).code).toBe(ErrorCode.BAD_USER_INPUT);
});

test('a disabled person queued for a wheelchair in the IPRA gets one free (seed 004 annex 1 §4.2)', () => {
  expect(rentalFee({ ground: RentalGround.QUEUED_FOR_IPRA_AID, aidCode: 'WHEELCHAIR_MANUAL', aidInIpra: true, ...period })).toMatchObject({
    kopecks: 0,
    free: true,
    rule: 'seed 004 annex 1 §4.2',
  });
});

test("while one's own IPRA walker is repaired, the replacement walker is free (seed 004 annex 1 §4.2)", () => {
  expect(rentalFee({ ground: RentalGround.OWN_AID_UNDER_REPAIR, aidCode: 'WALKER_FOLDING', aidInIpra: true, ...period }).free).toBe(true);
});

test('the same person pays for a bedside table that is not in the IPRA (seed 004 annex 1 §4.2)', () => {
  // 30.88 roubles × 30 days = 926.40 roubles
  expect(rentalFee({ ground: RentalGround.QUEUED_FOR_IPRA_AID, aidCode: 'BEDSIDE_TABLE', aidInIpra: false, ...period })).toMatchObject({
    kopecks: 92640,
    free: false,
    days: 30,
    tariffKopecks: 3088,
    rule: 'seed 004 annex 1 §4.2',
  });
});

test('after surgery a wheelchair is paid at the tariff for every day of the period, in exact kopecks (seed 004 annex 1 §4.3, contract §3.3)', () => {
  const fee = rentalFee({ ground: RentalGround.REHABILITATION_PERIOD, aidCode: 'WHEELCHAIR_MANUAL', aidInIpra: false, ...period });
  expect(fee).toMatchObject({ kopecks: 97230, free: false, days: 30, rule: 'seed 004 annex 1 §4.3' });
});

test('a 2-section ramp for 3 days costs exactly 130.11 roubles, which floating roubles get wrong (seed 004 annex 1 contract §3.3)', () => {
  const fee = rentalFee({
    ground: RentalGround.REHABILITATION_PERIOD,
    aidCode: 'RAMP_TELESCOPIC_2_SECTION',
    aidInIpra: false,
    issuedOn: '2025-03-10',
    dueOn: '2025-03-12',
  });
  expect(fee.kopecks).toBe(13011);
  expect(43.37 * 3).not.toBe(130.11);
});

test('the rehabilitation ground pays even when the aid happens to be in an IPRA (seed 004 annex 1 §4.3)', () => {
  expect(rentalFee({ ground: RentalGround.REHABILITATION_PERIOD, aidCode: 'CRUTCHES', aidInIpra: true, ...period })).toMatchObject({
    kopecks: 3091 * 30,
    free: false,
  });
});

test('a disabled person without an IPRA pays (seed 004 annex 1 §4.3), and "aid in the IPRA" is contradictory there', () => {
  expect(
    rentalFee({ ground: RentalGround.NO_IPRA_MEDICAL_NEED, aidCode: 'BED_MULTIFUNCTION_ELECTRIC', aidInIpra: false, ...period }).kopecks,
  ).toBe(4489 * 30);
  expect(
    refusal(() => rentalFee({ ground: RentalGround.NO_IPRA_MEDICAL_NEED, aidCode: 'CRUTCHES', aidInIpra: true, ...period })).code,
  ).toBe(ErrorCode.BAD_USER_INPUT);
});

test('the tariff fixed in the contract wins over the catalogue, and an aid outside the catalogue needs one (seed 004 annex 1 §4.4)', () => {
  expect(
    rentalFee({
      ground: RentalGround.REHABILITATION_PERIOD,
      aidCode: 'WHEELCHAIR_MANUAL',
      aidInIpra: false,
      tariffKopecks: 3500,
      ...period,
    }).kopecks,
  ).toBe(105000);
  expect(
    rentalFee({ ground: RentalGround.REHABILITATION_PERIOD, aidCode: 'COMMODE_CHAIR', aidInIpra: false, tariffKopecks: 2500, ...period })
      .kopecks,
  ).toBe(75000);
  expect(
    refusal(() => rentalFee({ ground: RentalGround.REHABILITATION_PERIOD, aidCode: 'COMMODE_CHAIR', aidInIpra: false, ...period })).code,
  ).toBe(ErrorCode.BAD_USER_INPUT);
  expect(
    refusal(() =>
      rentalFee({ ground: RentalGround.REHABILITATION_PERIOD, aidCode: 'CRUTCHES', aidInIpra: false, tariffKopecks: 30.91, ...period }),
    ).code,
  ).toBe(ErrorCode.BAD_USER_INPUT);
});

test('an extension is priced for the added days only (seed 004 annex 1 §3.6, contract §7.2)', () => {
  // 9 April through 8 May 2025: 30 more days of a paid wheelchair.
  expect(
    extensionFee({
      ground: RentalGround.REHABILITATION_PERIOD,
      aidCode: 'WHEELCHAIR_MANUAL',
      aidInIpra: false,
      currentDueOn: '2025-04-08',
      newDueOn: '2025-05-08',
    }),
  ).toMatchObject({ kopecks: 97230, days: 30 });
});

test('returning a paid wheelchair early refunds the days from the day after the return (seed 004 annex 1 contract §3.3)', () => {
  // Used 10–19 March (10 days, the return day paid); 20 March – 8 April (20 days) comes back.
  expect(earlyReturnRefund({ feeKopecks: 97230, tariffKopecks: 3241, ...period, returnedOn: '2025-03-19' })).toEqual({
    kopecks: 64820,
    unusedDays: 20,
    rule: 'seed 004 annex 1 contract §3.3',
  });
});

test('a return on the due date, or late, refunds nothing (seed 004 annex 1 contract §3.3)', () => {
  expect(earlyReturnRefund({ feeKopecks: 97230, tariffKopecks: 3241, ...period, returnedOn: '2025-04-08' }).kopecks).toBe(0);
  expect(earlyReturnRefund({ feeKopecks: 97230, tariffKopecks: 3241, ...period, returnedOn: '2025-04-20' }).kopecks).toBe(0);
});

test('a return on the day of issue keeps one paid day (seed 004 annex 1 contract §3.3)', () => {
  expect(earlyReturnRefund({ feeKopecks: 97230, tariffKopecks: 3241, ...period, returnedOn: '2025-03-10' })).toMatchObject({
    kopecks: 3241 * 29,
    unusedDays: 29,
  });
});

test('a free rental refunds nothing, and no refund exceeds what was paid (seed 004 annex 1 contract §3.3)', () => {
  expect(earlyReturnRefund({ feeKopecks: 0, tariffKopecks: 3241, ...period, returnedOn: '2025-03-15' }).kopecks).toBe(0);
  expect(earlyReturnRefund({ feeKopecks: 10000, tariffKopecks: 3241, ...period, returnedOn: '2025-03-15' }).kopecks).toBe(10000);
});

test('a return dated before the issue is bad input', () => {
  expect(refusal(() => earlyReturnRefund({ feeKopecks: 97230, tariffKopecks: 3241, ...period, returnedOn: '2025-03-09' })).code).toBe(
    ErrorCode.BAD_USER_INPUT,
  );
  expect(refusal(() => earlyReturnRefund({ feeKopecks: 97230, tariffKopecks: 3241, ...period, returnedOn: '2025-02-30' })).code).toBe(
    ErrorCode.BAD_USER_INPUT,
  );
});
