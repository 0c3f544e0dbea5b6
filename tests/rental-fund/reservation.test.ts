import { ErrorCode } from '../../subgraphs/kit/platform/errors';
import {
  assertReservationHolds,
  assertReservationTerm,
  DEFAULT_RESERVATION_WORKING_DAYS,
  isPointWorkingDay,
  isReservationLapsed,
  reservationDueOn,
  reservationNotice,
} from '../../subgraphs/rental-fund/rules/reservation';
import type { RentalApplication } from '../../subgraphs/rental-fund/application/rental-application.entity';
import { routeOf } from '../../subgraphs/rental-fund/person/person.resolver';
import { refusal } from '../support/refusal';

/**
 * Issue 15 §5.5: a freed aid is reserved for the next person in the queue and issued on the day they come, under a
 * written contract, checked and explained (seed 004 annex 1 §3.2, §3.4, §3.7). The seed sets no reservation term: the
 * rental point does, in its working days (Monday to Friday, §3.13). Fixed dates: weekdays of a calendar never change.
 */
test('the term counts the point’s working days from the next one: reserved on a Monday with 3 days → come by Thursday', () => {
  expect(DEFAULT_RESERVATION_WORKING_DAYS).toBe(3);
  expect(reservationDueOn('2026-03-02', 3)).toBe('2026-03-05');
  expect(reservationDueOn('2026-03-02', 1)).toBe('2026-03-03');
});

test('a weekend does not eat the term: reserved on a Friday (or a Saturday) with 3 days → come by Wednesday (seed 004 annex 1 §3.13)', () => {
  expect(isPointWorkingDay('2026-03-06')).toBe(true);
  expect(isPointWorkingDay('2026-03-07')).toBe(false);
  expect(isPointWorkingDay('2026-03-08')).toBe(false);
  expect(reservationDueOn('2026-03-06', 3)).toBe('2026-03-11');
  expect(reservationDueOn('2026-03-07', 3)).toBe('2026-03-11');
});

test('the reservation holds through its last day and lapses the day after', () => {
  expect(isReservationLapsed('2026-03-05', '2026-03-05')).toBe(false);
  expect(isReservationLapsed('2026-03-05', '2026-03-06')).toBe(true);
  expect(() => assertReservationHolds({ reservedOn: '2026-03-02', dueOn: '2026-03-05' }, '2026-03-05')).not.toThrow();
  const late = refusal(() => assertReservationHolds({ reservedOn: '2026-03-02', dueOn: '2026-03-05' }, '2026-03-06'));
  expect(late.code).toBe(ErrorCode.RULE_VIOLATION);
  expect(late.extensions.rule).toMatch(/^seed 004 annex 1 §3\.4/);
  expect(refusal(() => assertReservationHolds({ reservedOn: '2026-03-02', dueOn: '2026-03-05' }, '2026-03-01')).code).toBe(
    ErrorCode.BAD_USER_INPUT,
  );
});

test('a rental point sets a term of 1 to 20 working days; anything else is refused', () => {
  expect(assertReservationTerm(5)).toBe(5);
  for (const wrong of [0, -1, 21, 2.5, Number.NaN]) expect(refusal(() => assertReservationTerm(wrong)).code).toBe(ErrorCode.BAD_USER_INPUT);
});

test('the notice tells the applicant what is held, where, by which day, and that the contract is made when they come (§3.2, §3.4, §3.7)', () => {
  const notice = reservationNotice({
    aidName: 'Кресло-коляска с ручным приводом',
    mark: 'ИРК-WHEELCHAIR_MANUAL-001',
    pointName: 'Пункт проката ТСР',
    address: 'г. Иркутск, ул. Ленина, 1',
    openingHours: 'Пн–Пт 09:00–17:00',
    dueOn: '2026-03-05',
  });
  expect(notice).toContain('ИРК-WHEELCHAIR_MANUAL-001');
  expect(notice).toContain('до 05.03.2026 включительно');
  expect(notice).toContain('договор заключается');
  expect(notice).toContain('следующему в очереди');
});

test('the applicant’s route shows the reservation: in progress, with the day to come by (issue 15 §5.5)', () => {
  const application = {
    id: 'a1',
    personId: 'p1',
    rentalPoint: { id: 'rp1' },
    aidType: { code: 'WALKER_FOLDING' },
    appliedOn: '2026-02-20',
    status: 'RESERVED',
    reservationDueOn: '2026-03-05',
  } as unknown as RentalApplication;
  const route = routeOf('p1', [application], [], new Map(), new Map([['WALKER_FOLDING', 'Ходунки складные']]), '2026-03-02');
  expect(route.steps[0]).toMatchObject({ status: 'IN_PROGRESS', dueOn: '2026-03-05', title: expect.stringContaining('зарезервировано') });
  const lapsed = routeOf(
    'p1',
    [{ ...application, status: 'RESERVATION_LAPSED' } as RentalApplication],
    [],
    new Map(),
    new Map(),
    '2026-03-06',
  );
  expect(lapsed.steps[0]).toMatchObject({ status: 'CANCELLED', dueOn: null });
});
