import { ErrorCode } from '../../subgraphs/kit/platform/errors';
import { deliveryRequired } from '../../subgraphs/rental-fund/rules/delivery';
import { refusal } from '../support/refusal';

const alone = { ableBodiedRelativesPresent: false };

test('a group I disabled person living alone gets the aid delivered home (seed 004 annex 1 §3.5)', () => {
  expect(deliveryRequired({ disabilityGroup: 1, age: 45, cannotMoveOrSelfCare: false, ...alone })).toMatchObject({
    required: true,
    rule: 'seed 004 annex 1 §3.5',
  });
});

test('for groups I–II the loss of self-care is not a condition: the contract ties it to the over-70s only (seed 004 annex 1 contract §2.1.3)', () => {
  expect(deliveryRequired({ disabilityGroup: 2, age: 30, cannotMoveOrSelfCare: false, ...alone }).required).toBe(true);
});

test('a group III disabled person collects the aid (seed 004 annex 1 §3.5, contract §2.3.1)', () => {
  expect(deliveryRequired({ disabilityGroup: 3, age: 50, cannotMoveOrSelfCare: true, ...alone })).toMatchObject({
    required: false,
    rule: 'seed 004 annex 1 contract §2.3.1',
  });
});

test('a 78-year-old who cannot walk and lives alone gets delivery (seed 004 annex 1 §3.5)', () => {
  expect(deliveryRequired({ disabilityGroup: null, age: 78, cannotMoveOrSelfCare: true, ...alone }).required).toBe(true);
});

test('a 78-year-old who still moves and cares for themselves collects the aid (seed 004 annex 1 §3.5)', () => {
  expect(deliveryRequired({ age: 78, cannotMoveOrSelfCare: false, ...alone }).required).toBe(false);
});

test('a 65-year-old who cannot move is not yet "over 70" (seed 004 annex 1 §3.5)', () => {
  expect(deliveryRequired({ age: 65, cannotMoveOrSelfCare: true, ...alone }).required).toBe(false);
});

test('able-bodied relatives at home take the aid themselves (seed 004 annex 1 §3.5)', () => {
  expect(deliveryRequired({ disabilityGroup: 1, age: 80, cannotMoveOrSelfCare: true, ableBodiedRelativesPresent: true })).toMatchObject({
    required: false,
    rule: 'seed 004 annex 1 §3.5',
  });
});

test('with a birth date, "older than 70" starts the day after the 70th birthday (seed 004 annex 1 §3.5)', () => {
  const person = { birthDate: '1955-06-15', cannotMoveOrSelfCare: true, ...alone };
  expect(deliveryRequired({ ...person, onDate: '2025-06-15' }).required).toBe(false);
  expect(deliveryRequired({ ...person, onDate: '2025-06-16' }).required).toBe(true);
  expect(refusal(() => deliveryRequired(person)).code).toBe(ErrorCode.BAD_USER_INPUT);
});

test('missing facts about the household are bad input, not a silent "no"', () => {
  expect(refusal(() => deliveryRequired({ disabilityGroup: 1, cannotMoveOrSelfCare: false } as never)).code).toBe(ErrorCode.BAD_USER_INPUT);
  expect(refusal(() => deliveryRequired({ disabilityGroup: 4 as never, cannotMoveOrSelfCare: false, ...alone })).code).toBe(
    ErrorCode.BAD_USER_INPUT,
  );
});
