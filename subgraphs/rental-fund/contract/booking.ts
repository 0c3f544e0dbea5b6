import { LockMode, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { RentalApplication } from '../application/rental-application.entity';
import { ApplicationStatus, ContractStatus, ItemCondition } from '../enums';
import { assertInitialTerm, assertIssuedOnContractDay, maxInitialDueOn } from '../rules/contract-term';
import { addDays } from '../rules/dates';
import { rentalFee } from '../rules/pricing';
import { orderQueue } from '../rules/queue';
import { assertReservationHolds, isReservationLapsed, reservationDueOn, reservationLapsed, reservationNotice } from '../rules/reservation';
import { RentalPoint } from '../stock/rental-point.entity';
import { illegalTransition } from '../../kit/platform/errors';
import { AidType } from '../stock/aid-type.entity';
import { RentalItem } from '../stock/rental-item.entity';
import { RentalContract } from './rental-contract.entity';

/**
 * BOOKING UNDER CONCURRENCY. Two coordinators may book the last free wheelchair of a point at the
 * same moment; exactly one contract may come out of it (issue 6).
 *
 * One statement picks a free item AND marks it lent:
 *   UPDATE rental_item SET on_loan = true WHERE id = (SELECT id ... FOR UPDATE SKIP LOCKED LIMIT 1)
 * - FOR UPDATE locks the chosen row until the booking transaction ends;
 * - SKIP LOCKED makes a concurrent booker pass over a row someone else is booking instead of
 *   waiting for it, so it finds no free item and is queued at once (no lock queue, no deadlock);
 * - a booker that reads the row only after the first one committed sees `on_loan = true` — the flag
 *   lives on the locked row itself, and PostgreSQL re-evaluates a locked row's WHERE on its newest
 *   version, which a "no active contract exists" subquery would NOT do (that subquery would still be
 *   read from the old snapshot and two contracts could be made).
 * The partial unique index `rental_contract_one_active_per_item` is the last line of defence.
 */
export async function takeFreeItem(em: EntityManager, rentalPointId: string, aidCode: string): Promise<string | null> {
  const rows = await em.execute<{ id: string }[]>(
    `update rental_item set on_loan = true
      where id = (select id from rental_item
                   where rental_point_id = ? and aid_code = ? and condition = ? and on_loan = false
                   order by mark limit 1
                   for update skip locked)
      returning id`,
    [rentalPointId, aidCode, ItemCondition.WORKING_ORDER],
  );
  return rows[0]?.id ?? null;
}

/** Queue entries in the form of rules/queue.ts: application time as a zone-free timestamp (all in UTC). */
export function asQueueEntry(application: RentalApplication) {
  return {
    id: application.id,
    appliedAt: new Date(application.appliedAt).toISOString().slice(0, 23),
    priorityCategory: application.priorityCategory,
  };
}

/** The queue of one point and aid type in serving order (seed 004 annex 1 §2.2): out of turn first, then first come. */
export async function queueOf(em: EntityManager, rentalPointId: string, aidCode: string): Promise<RentalApplication[]> {
  const waiting = await em.find(RentalApplication, {
    rentalPoint: rentalPointId,
    aidType: aidCode,
    status: ApplicationStatus.QUEUED,
  } as FilterQuery<RentalApplication>);
  const byId = new Map(waiting.map((a) => [a.id, a]));
  return orderQueue(waiting.map(asQueueEntry)).map((entry) => byId.get(entry.id)!);
}

const compactDate = (date: string) => date.replace(/-/g, '');

/**
 * Draws up the contract for an application and a locked item: signed and handed over the same day
 * (§3.4), for the days needed but never beyond a year (§3.6), priced by §4.2–4.3 with the IPRA aids
 * that came with the application.
 */
export function drawUpContract(
  em: EntityManager,
  application: RentalApplication,
  aidType: AidType,
  itemId: string,
  onDate: string,
): RentalContract {
  const signedOn = onDate;
  const issuedOn = onDate;
  assertIssuedOnContractDay(signedOn, issuedOn);
  const wanted = addDays(issuedOn, application.requestedDays - 1);
  const latest = maxInitialDueOn(issuedOn);
  const dueOn = wanted > latest ? latest : wanted;
  assertInitialTerm(issuedOn, dueOn);
  const fee = rentalFee({
    ground: application.ground,
    aidCode: aidType.code,
    aidInIpra: aidInIpra(application, aidType.code),
    tariffKopecks: aidType.tariffKopecks,
    issuedOn,
    dueOn,
  });
  const id = randomUUID();
  const suffix = `${compactDate(issuedOn)}-${id.slice(0, 8).toUpperCase()}`;
  const contract = em.create(RentalContract, {
    id,
    application,
    item: em.getReference(RentalItem, itemId),
    rentalPoint: application.rentalPoint,
    aidType,
    personId: application.personId,
    contractNumber: `ДП-${suffix}`,
    signedOn,
    issuedOn,
    dueOn,
    extensionsCount: 0,
    tariffKopecks: fee.tariffKopecks,
    feeKopecks: fee.kopecks,
    free: fee.free,
    priceReason: `${fee.reason} (${fee.rule})`,
    deliveryRequired: application.deliveryRequired,
    handOverActNumber: `АПП-${suffix}`,
    returnedOn: null,
    returnCondition: null,
    acceptanceActNumber: null,
    refundKopecks: null,
    repairChargeKopecks: 0,
    transportChargeKopecks: 0,
    compensationChargeKopecks: 0,
    settlementReason: null,
    withdrawalReason: null,
    status: ContractStatus.ACTIVE,
  });
  application.status = ApplicationStatus.ISSUED;
  return contract;
}

/**
 * PRICE DECISION (issue 6): whether the aid "is in the IPRA" is read from the IPRA presented with
 * the application — the IPRA is one of the documents of §3.3 and the applicant brings it — and
 * stored on the application (`ipraAids`). Pricing therefore never calls the health subgraph, never
 * fails or changes because another agency is down, and the contract keeps the facts it was priced on.
 */
export function aidInIpra(application: RentalApplication, aidCode: string): boolean {
  return (application.ipraAids ?? []).includes(aidCode);
}

/**
 * A freed item in working order goes to the head of its queue (§2.2) in the same transaction — as a RESERVATION, not
 * a contract: the contract is written with the citizen and the aid handed over, checked and explained, on the day they
 * come (§3.2, §3.4, §3.7; issue 15 §5.5). The head is locked with SKIP LOCKED and re-checked as still QUEUED, so two
 * items freed at once go to two different people. The item stays held (`onLoan`) for the person until the term ends.
 */
export async function reserveForQueue(em: EntityManager, item: RentalItem, onDate: string): Promise<RentalApplication | null> {
  const aidCode = item.aidType.code;
  const pointId = item.rentalPoint.id;
  for (const candidate of await queueOf(em, pointId, aidCode)) {
    const locked = await em.execute<{ id: string }[]>(
      'select id from rental_application where id = ? and status = ? for update skip locked',
      [candidate.id, ApplicationStatus.QUEUED],
    );
    if (!locked.length) continue;
    const [aidType, point] = await Promise.all([
      em.findOneOrFail(AidType, { code: aidCode }),
      em.findOneOrFail(RentalPoint, { id: pointId }),
    ]);
    const dueOn = reservationDueOn(onDate, point.reservationTermWorkingDays);
    item.onLoan = true;
    Object.assign(candidate, {
      status: ApplicationStatus.RESERVED,
      reservedItem: item,
      reservedOn: onDate,
      reservationDueOn: dueOn,
      reservationNotice: reservationNotice({
        aidName: aidType.name,
        mark: item.mark,
        pointName: point.name,
        address: point.address,
        openingHours: point.openingHours,
        dueOn,
      }),
    });
    return candidate;
  }
  return null;
}

/**
 * THE LAPSE JOB (issue 15 §5.5): reservations whose last day has passed by `onDate` lapse, and each held item goes to
 * the next person in its queue (reserved for them in turn, from `onDate`). Time is an input: nothing runs on a timer;
 * every write of the rental point that touches stock or the queue calls this first, and so can a scheduler or a test.
 * Rows are locked with SKIP LOCKED, so two writers never lapse one reservation twice.
 */
export async function lapseReservations(
  em: EntityManager,
  onDate: string,
): Promise<{ lapsed: RentalApplication[]; reserved: RentalApplication[] }> {
  const due = await em.execute<{ id: string }[]>(
    'select id from rental_application where status = ? and reservation_due_on < ? order by reservation_due_on, id for update skip locked',
    [ApplicationStatus.RESERVED, onDate],
  );
  const lapsed: RentalApplication[] = [];
  const reserved: RentalApplication[] = [];
  for (const { id } of due) {
    const application = await em.findOneOrFail(RentalApplication, { id });
    if (!isReservationLapsed(application.reservationDueOn!, onDate)) continue;
    application.status = ApplicationStatus.RESERVATION_LAPSED;
    lapsed.push(application);
    const item = application.reservedItem
      ? await em.findOneOrFail(RentalItem, { id: application.reservedItem.id }, { lockMode: LockMode.PESSIMISTIC_WRITE })
      : null;
    if (!item) continue;
    item.onLoan = false;
    await em.flush();
    const next = item.condition === ItemCondition.WORKING_ORDER ? await reserveForQueue(em, item, onDate) : null;
    if (next) reserved.push(next);
  }
  await em.flush();
  return { lapsed, reserved };
}

/** The contract for a reserved item, on the day the person comes (§3.4), while the reservation holds. */
export async function issueReserved(em: EntityManager, application: RentalApplication, onDate: string): Promise<RentalContract> {
  if (application.status === ApplicationStatus.RESERVATION_LAPSED) throw reservationLapsed(application.reservationDueOn!);
  if (application.status !== ApplicationStatus.RESERVED || !application.reservedItem) {
    throw illegalTransition(`The application is ${application.status}, not RESERVED`, { status: application.status });
  }
  assertReservationHolds({ reservedOn: application.reservedOn!, dueOn: application.reservationDueOn! }, onDate);
  const aidType = await em.findOneOrFail(AidType, { code: application.aidType.code });
  return drawUpContract(em, application, aidType, application.reservedItem.id, onDate);
}

/** Locks an active contract (and waits for a concurrent return of the same contract to finish). */
export function lockContract(em: EntityManager, id: string): Promise<RentalContract | null> {
  return em.findOne(RentalContract, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
}
