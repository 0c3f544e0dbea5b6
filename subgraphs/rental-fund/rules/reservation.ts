import { badInput, ruleViolation } from '../../kit/platform/errors';
import { addDays, parseIsoDate, type IsoDate } from './dates';

/**
 * RESERVATION OF A RETURNED AID (issue 15 §5.5). An aid is issued "на основании письменного договора …, заключенного
 * между директором Учреждения и гражданином (или лицом, представляющим его интересы)" and a hand-over act (seed 004
 * annex 1 §3.2), "в день заключения договора" (§3.4), after the specialist checks it works and instructs the citizen
 * (§3.7). None of that can happen while the next person in the queue is absent, so a freed item is not lent to them:
 * it is reserved for them, they are notified, and the contract is made on the day they come.
 *
 * How long the item waits is not in the seed: the regulation is silent on reservations. The rental point sets the term
 * (`RentalPoint.reservationTermWorkingDays`); it is counted in the point's working days, because the point issues aids
 * only on its working days (Monday to Friday, seed 004 annex 1 §3.13) and a person told on a Friday must have the
 * coming week to come. Public holidays are not known to the rental fund (the production calendar is social
 * protection's): a term that spans one is one day shorter than a holiday-aware count would make it.
 */
export const DEFAULT_RESERVATION_WORKING_DAYS = 3;
/** A reservation longer than a month of working days would keep an aid from the queue for no one. */
export const MAX_RESERVATION_WORKING_DAYS = 20;

/** Monday to Friday: the days the rental point works (seed 004 annex 1 §3.13). */
export function isPointWorkingDay(day: IsoDate): boolean {
  const weekday = new Date(parseIsoDate(day, 'day')).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

/** The term a rental point may set: a whole number of working days, 1 to 20. */
export function assertReservationTerm(workingDays: number): number {
  if (!Number.isSafeInteger(workingDays) || workingDays < 1 || workingDays > MAX_RESERVATION_WORKING_DAYS) {
    throw badInput(`The reservation term must be 1–${MAX_RESERVATION_WORKING_DAYS} working days`, {
      field: 'workingDays',
      value: workingDays,
    });
  }
  return workingDays;
}

/**
 * The last day the person may come for the reserved item: the `workingDays`-th working day of the point after the day
 * the item was reserved (the count starts on the next working day, as the hub counts every term "within N days after").
 */
export function reservationDueOn(reservedOn: IsoDate, workingDays: number): IsoDate {
  assertReservationTerm(workingDays);
  let day = reservedOn;
  for (let counted = 0; counted < workingDays;) {
    day = addDays(day, 1);
    if (isPointWorkingDay(day)) counted += 1;
  }
  return day;
}

/** The reservation has lapsed once its last day has passed: the item goes to the next in the queue. */
export function isReservationLapsed(dueOn: IsoDate, onDate: IsoDate): boolean {
  return parseIsoDate(onDate, 'onDate') > parseIsoDate(dueOn, 'dueOn');
}

/** The contract for a reserved item is made only while the reservation holds (on the day the person comes, §3.4). */
export function assertReservationHolds(reservation: { reservedOn: IsoDate; dueOn: IsoDate }, onDate: IsoDate): void {
  if (parseIsoDate(onDate, 'issuedOn') < parseIsoDate(reservation.reservedOn, 'reservedOn')) {
    throw badInput('The item cannot be issued before it was reserved', { field: 'issuedOn' });
  }
  if (isReservationLapsed(reservation.dueOn, onDate)) throw reservationLapsed(reservation.dueOn);
}

/** The refusal of an issue after the term: the person applies again or waits in the queue anew. */
export function reservationLapsed(dueOn: IsoDate) {
  return ruleViolation(
    `The reservation lapsed after ${dueOn}: the item went to the next person in the queue`,
    'seed 004 annex 1 §3.4 (the seed sets no reservation term; the rental point does)',
    { dueOn },
  );
}

/** The notice the applicant is shown (no external sending): what is held, where, and until when to come. */
export function reservationNotice(input: {
  aidName: string;
  mark: string;
  pointName: string;
  address: string;
  openingHours: string;
  dueOn: IsoDate;
}): string {
  const [y, m, d] = input.dueOn.split('-');
  return (
    `Для вас зарезервировано ТСР «${input.aidName}» (инв. № ${input.mark}) в пункте проката «${input.pointName}», ${input.address}. ` +
    `Приходите до ${d}.${m}.${y} включительно (${input.openingHours}) с паспортом и документом о нуждаемости: договор заключается ` +
    `и ТСР выдаётся в день обращения, после проверки исправности и инструктажа (прил. 1 к положению, п. 3.2, 3.4, 3.7). ` +
    `После этого срока резерв снимается и ТСР передаётся следующему в очереди.`
  );
}
