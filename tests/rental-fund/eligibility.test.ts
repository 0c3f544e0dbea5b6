import { ErrorCode } from '../../subgraphs/kit/platform/errors';
import {
  assertApplicationComplete,
  DocumentKind,
  missingDocuments,
  RENTAL_GROUNDS,
  RentalGround,
  validateApplication,
} from '../../subgraphs/rental-fund/rules/eligibility';
import { refusal } from '../support/refusal';

const { IDENTITY_DOCUMENT, IPRA, MSE_DISABILITY_CERTIFICATE, MEDICAL_CONCLUSION, LIVING_CONDITIONS_ACT } = DocumentKind;

test('there are exactly four grounds to rent an aid, each citing its clause (seed 004 annex 1 §2.1)', () => {
  expect(Object.keys(RENTAL_GROUNDS)).toEqual([
    'QUEUED_FOR_IPRA_AID',
    'OWN_AID_UNDER_REPAIR',
    'NO_IPRA_MEDICAL_NEED',
    'REHABILITATION_PERIOD',
  ]);
  expect(Object.values(RENTAL_GROUNDS).map((g) => g.rule)).toEqual([
    'seed 004 annex 1 §2.1.1',
    'seed 004 annex 1 §2.1.2',
    'seed 004 annex 1 §2.1.3',
    'seed 004 annex 1 §2.1.4',
  ]);
  // Only the rehabilitation ground is open to people without a disability.
  expect(RENTAL_GROUNDS.REHABILITATION_PERIOD.disabledOnly).toBe(false);
});

test('a disabled person queued for a wheelchair under the IPRA brings a passport and the IPRA (seed 004 annex 1 §3.3)', () => {
  const check = validateApplication({
    ground: RentalGround.QUEUED_FOR_IPRA_AID,
    documents: [IDENTITY_DOCUMENT, IPRA],
    isDisabled: true,
    hasIpra: true,
    residesInAutonomousOkrug: true,
  });
  expect(check).toEqual({ ground: 'QUEUED_FOR_IPRA_AID', complete: true, missingDocuments: [] });
});

test('an identity document is always required (seed 004 annex 1 §3.3)', () => {
  expect(missingDocuments({ ground: RentalGround.REHABILITATION_PERIOD, documents: [MEDICAL_CONCLUSION] })).toEqual([
    { requirement: 'IDENTITY', anyOf: [IDENTITY_DOCUMENT], rule: 'seed 004 annex 1 §3.3' },
  ]);
});

test("the queue ground is proven by the IPRA, not by a doctor's note (seed 004 annex 1 §2.1.1, §3.3)", () => {
  expect(missingDocuments({ ground: RentalGround.QUEUED_FOR_IPRA_AID, documents: [IDENTITY_DOCUMENT, MEDICAL_CONCLUSION] })).toEqual([
    { requirement: 'NEED', anyOf: [IPRA], rule: 'seed 004 annex 1 §3.3' },
  ]);
});

test("while one's own aid is repaired, the MSE certificate or the IPRA proves the need; no repair paper is asked (seed 004 annex 1 §2.1.2, §3.3)", () => {
  expect(
    missingDocuments({ ground: RentalGround.OWN_AID_UNDER_REPAIR, documents: [IDENTITY_DOCUMENT, MSE_DISABILITY_CERTIFICATE] }),
  ).toEqual([]);
  expect(missingDocuments({ ground: RentalGround.OWN_AID_UNDER_REPAIR, documents: [IDENTITY_DOCUMENT, IPRA] })).toEqual([]);
  expect(missingDocuments({ ground: RentalGround.OWN_AID_UNDER_REPAIR, documents: [IDENTITY_DOCUMENT] })).toEqual([
    { requirement: 'NEED', anyOf: [IPRA, MSE_DISABILITY_CERTIFICATE], rule: 'seed 004 annex 1 §3.3' },
  ]);
});

test("after a hip operation the attending doctor's conclusion proves the need (seed 004 annex 1 §2.1.4, §3.3)", () => {
  expect(missingDocuments({ ground: RentalGround.REHABILITATION_PERIOD, documents: [IDENTITY_DOCUMENT, MEDICAL_CONCLUSION] })).toEqual([]);
  expect(missingDocuments({ ground: RentalGround.NO_IPRA_MEDICAL_NEED, documents: [IDENTITY_DOCUMENT, MEDICAL_CONCLUSION] })).toEqual([]);
});

test('a living-conditions act alone does not prove a medical need (seed 004 annex 1 §3.3)', () => {
  const check = validateApplication({ ground: RentalGround.REHABILITATION_PERIOD, documents: [IDENTITY_DOCUMENT, LIVING_CONDITIONS_ACT] });
  expect(check.complete).toBe(false);
  expect(check.missingDocuments.map((m) => m.requirement)).toEqual(['NEED']);
});

test('validation lists what is missing so the specialist can ask for it, without refusing yet (seed 004 annex 1 §3.3)', () => {
  const check = validateApplication({ ground: RentalGround.NO_IPRA_MEDICAL_NEED, documents: [] });
  expect(check.complete).toBe(false);
  expect(check.missingDocuments.map((m) => m.requirement)).toEqual(['IDENTITY', 'NEED']);
});

test('a contract is refused on an incomplete application (seed 004 annex 1 contract §2.2.3)', () => {
  const error = refusal(() => assertApplicationComplete({ ground: RentalGround.QUEUED_FOR_IPRA_AID, documents: [IDENTITY_DOCUMENT] }));
  expect(error.code).toBe(ErrorCode.RULE_VIOLATION);
  expect(error.extensions.rule).toBe('seed 004 annex 1 contract §2.2.3');
  expect(error.extensions.reason).toBe('INCOMPLETE_DATA');
  expect(error.extensions.missingDocuments).toEqual([{ requirement: 'NEED', anyOf: [IPRA], rule: 'seed 004 annex 1 §3.3' }]);
  expect(() => assertApplicationComplete({ ground: RentalGround.QUEUED_FOR_IPRA_AID, documents: [IDENTITY_DOCUMENT, IPRA] })).not.toThrow();
});

test('claiming the no-IPRA ground while holding an IPRA is false data and is refused (seed 004 annex 1 §2.1.3, contract §2.2.3)', () => {
  for (const input of [
    { ground: RentalGround.NO_IPRA_MEDICAL_NEED, documents: [IDENTITY_DOCUMENT, MEDICAL_CONCLUSION], hasIpra: true },
    { ground: RentalGround.NO_IPRA_MEDICAL_NEED, documents: [IDENTITY_DOCUMENT, MEDICAL_CONCLUSION, IPRA] },
  ]) {
    const error = refusal(() => validateApplication(input));
    expect(error.code).toBe(ErrorCode.RULE_VIOLATION);
    expect(error.extensions).toMatchObject({ rule: 'seed 004 annex 1 contract §2.2.3', reason: 'FALSE_DATA' });
  }
});

test('the queue ground without any IPRA is false data (seed 004 annex 1 §2.1.1, contract §2.2.3)', () => {
  const error = refusal(() =>
    validateApplication({ ground: RentalGround.QUEUED_FOR_IPRA_AID, documents: [IDENTITY_DOCUMENT, IPRA], hasIpra: false }),
  );
  expect(error.extensions).toMatchObject({ rule: 'seed 004 annex 1 contract §2.2.3', reason: 'FALSE_DATA' });
});

test('grounds 1–3 are for disabled people; a person without a disability may rent only for rehabilitation (seed 004 annex 1 §2.1)', () => {
  for (const ground of [RentalGround.QUEUED_FOR_IPRA_AID, RentalGround.OWN_AID_UNDER_REPAIR, RentalGround.NO_IPRA_MEDICAL_NEED]) {
    const error = refusal(() =>
      validateApplication({ ground, documents: [IDENTITY_DOCUMENT, IPRA, MEDICAL_CONCLUSION], isDisabled: false }),
    );
    expect(error.extensions).toMatchObject({
      rule: 'seed 004 annex 1 contract §2.2.3',
      reason: 'FALSE_DATA',
      groundRule: RENTAL_GROUNDS[ground].rule,
    });
  }
  expect(
    validateApplication({
      ground: RentalGround.REHABILITATION_PERIOD,
      documents: [IDENTITY_DOCUMENT, MEDICAL_CONCLUSION],
      isDisabled: false,
    }).complete,
  ).toBe(true);
});

test('an intoxicated applicant is refused (seed 004 annex 1 contract §2.2.3)', () => {
  const error = refusal(() =>
    validateApplication({
      ground: RentalGround.REHABILITATION_PERIOD,
      documents: [IDENTITY_DOCUMENT, MEDICAL_CONCLUSION],
      intoxicated: true,
    }),
  );
  expect(error.extensions).toMatchObject({
    code: ErrorCode.RULE_VIOLATION,
    rule: 'seed 004 annex 1 contract §2.2.3',
    reason: 'INTOXICATION',
  });
});

test('a person living outside the autonomous okrug is not served (seed 004 annex 1 §2.1)', () => {
  const error = refusal(() =>
    validateApplication({
      ground: RentalGround.REHABILITATION_PERIOD,
      documents: [IDENTITY_DOCUMENT, MEDICAL_CONCLUSION],
      residesInAutonomousOkrug: false,
    }),
  );
  expect(error.extensions).toMatchObject({ rule: 'seed 004 annex 1 §2.1', reason: 'NOT_A_RESIDENT' });
});

test('an unknown ground or document kind is bad input, not a rule refusal', () => {
  expect(refusal(() => validateApplication({ ground: 'FRIEND_OF_DIRECTOR' as RentalGround, documents: [] })).code).toBe(
    ErrorCode.BAD_USER_INPUT,
  );
  expect(refusal(() => missingDocuments({ ground: RentalGround.REHABILITATION_PERIOD, documents: ['SELFIE' as DocumentKind] })).code).toBe(
    ErrorCode.BAD_USER_INPUT,
  );
});
