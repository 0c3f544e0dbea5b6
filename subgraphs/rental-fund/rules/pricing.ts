import { badInput } from '../../kit/platform/errors';
import { findAid } from './aid-catalogue';
import { assertNonNegativeInteger, daysBetween, addDays, IsoDate } from './dates';
import { RentalGround, isRentalGround } from './eligibility';

/**
 * The fee of a rental (seed 004 annex 1 §4.1–4.3, contract §3.3).
 *
 * Free or paid: grounds §2.1.1 and §2.1.2 get free "технические средства реабилитации, указанные в
 * ИПР/ИПРА инвалида"; an aid that is not in their IPRA is paid (§4.2, second paragraph). Grounds
 * §2.1.3 and §2.1.4 always pay (§4.3).
 *
 * How much: the tariff is per item per day (see aid-catalogue.ts for why) and the contract period
 * "с ___ по ___" (contract §5.1) counts both ends, the issue day included. The whole fee is paid once,
 * up front (contract §3.3, "единовременно"):  fee = tariff × (dueOn − issuedOn + 1) days.
 * This also makes the refund rule exact: the return day is a paid day and the refund runs "со дня,
 * следующего за днем фактического возврата".
 */
export interface RentalFeeInput {
  ground: RentalGround;
  aidCode: string;
  /** Whether this aid is listed in the renter's IPR/IPRA. */
  aidInIpra: boolean;
  /** The tariff fixed in the contract; defaults to the catalogue tariff of `aidCode`. */
  tariffKopecks?: number;
  issuedOn: IsoDate;
  dueOn: IsoDate;
}

export interface RentalFee {
  kopecks: number;
  free: boolean;
  /** Days paid for (the whole contract period, both ends included). */
  days: number;
  tariffKopecks: number;
  reason: string;
  rule: string;
}

function resolveTariff(aidCode: string, tariffKopecks: number | undefined): number {
  if (typeof aidCode !== 'string' || aidCode === '') throw badInput('aidCode is required', { field: 'aidCode' });
  if (tariffKopecks !== undefined) return assertNonNegativeInteger(tariffKopecks, 'tariffKopecks');
  // The fund may hold aids beyond annex 3 (§1.3–1.4): they need their tariff passed in.
  const aid = findAid(aidCode);
  if (!aid) throw badInput(`No catalogue tariff for aid ${aidCode}; pass tariffKopecks`, { field: 'tariffKopecks', aidCode });
  return aid.tariffKopecks;
}

/** Days of a period with both ends included; refuses a period that ends before it starts. */
export function rentalDays(issuedOn: IsoDate, dueOn: IsoDate): number {
  const span = daysBetween(issuedOn, dueOn, 'issuedOn', 'dueOn');
  if (span < 0) throw badInput('dueOn must not be earlier than issuedOn', { issuedOn, dueOn });
  return span + 1;
}

export function rentalFee(input: RentalFeeInput): RentalFee {
  if (!input || !isRentalGround(input.ground)) throw badInput(`Unknown rental ground ${String(input?.ground)}`, { field: 'ground' });
  if (typeof input.aidInIpra !== 'boolean') throw badInput('aidInIpra must be true or false', { field: 'aidInIpra' });
  const tariffKopecks = resolveTariff(input.aidCode, input.tariffKopecks);
  const days = rentalDays(input.issuedOn, input.dueOn);
  const paid = (reason: string, rule: string): RentalFee => ({
    kopecks: tariffKopecks * days,
    free: false,
    days,
    tariffKopecks,
    reason,
    rule,
  });

  switch (input.ground) {
    case RentalGround.QUEUED_FOR_IPRA_AID:
    case RentalGround.OWN_AID_UNDER_REPAIR:
      if (input.aidInIpra) {
        return {
          kopecks: 0,
          free: true,
          days,
          tariffKopecks,
          reason: "Ground 2.1.1/2.1.2 and the aid is listed in the renter's IPR/IPRA: free of charge",
          rule: 'seed 004 annex 1 §4.2',
        };
      }
      return paid("The aid is not listed in the renter's IPR/IPRA: paid at the tariff", 'seed 004 annex 1 §4.2');
    case RentalGround.NO_IPRA_MEDICAL_NEED:
      // The ground itself means "no IPRA"; an aid "in the IPRA" here is contradictory data.
      if (input.aidInIpra)
        throw badInput('Ground NO_IPRA_MEDICAL_NEED has no IPRA, so the aid cannot be listed in one', { field: 'aidInIpra' });
      return paid('Ground 2.1.3 (no IPR/IPRA, medical need): paid at the tariff', 'seed 004 annex 1 §4.3');
    case RentalGround.REHABILITATION_PERIOD:
      return paid('Ground 2.1.4 (rehabilitation period): paid at the tariff, IPRA or not', 'seed 004 annex 1 §4.3');
  }
}

/**
 * The fee for an extension (§3.6) agreed by an additional agreement (contract §7.2): the same
 * pricing rule for the added days only, from the day after the current due date.
 */
export function extensionFee(input: Omit<RentalFeeInput, 'issuedOn' | 'dueOn'> & { currentDueOn: IsoDate; newDueOn: IsoDate }): RentalFee {
  const { currentDueOn, newDueOn, ...rest } = input;
  if (daysBetween(currentDueOn, newDueOn, 'currentDueOn', 'newDueOn') <= 0) {
    throw badInput('newDueOn must be later than currentDueOn', { currentDueOn, newDueOn });
  }
  return rentalFee({ ...rest, issuedOn: addDays(currentDueOn, 1, 'currentDueOn'), dueOn: newDueOn });
}

export interface EarlyReturnRefundInput {
  /** What the renter actually paid for the period (0 for a free rental). */
  feeKopecks: number;
  tariffKopecks: number;
  issuedOn: IsoDate;
  dueOn: IsoDate;
  returnedOn: IsoDate;
}

export interface EarlyReturnRefund {
  kopecks: number;
  /** Days from the day after the return through the due date. */
  unusedDays: number;
  rule: string;
}

/**
 * Contract §3.3 (the second clause so numbered): on early return the institution pays back "the
 * corresponding part of the fee", counted from the day after the actual return; the return day
 * itself stays paid. Refund = tariff × unused days, never more than was paid. The same sum settles
 * an early end under contract §2.1.4, where only the time of actual use is paid.
 */
export function earlyReturnRefund(input: EarlyReturnRefundInput): EarlyReturnRefund {
  const fee = assertNonNegativeInteger(input.feeKopecks, 'feeKopecks');
  const tariff = assertNonNegativeInteger(input.tariffKopecks, 'tariffKopecks');
  rentalDays(input.issuedOn, input.dueOn);
  if (daysBetween(input.issuedOn, input.returnedOn, 'issuedOn', 'returnedOn') < 0) {
    throw badInput('returnedOn must not be earlier than issuedOn', { issuedOn: input.issuedOn, returnedOn: input.returnedOn });
  }
  const unusedDays = Math.max(0, daysBetween(input.returnedOn, input.dueOn, 'returnedOn', 'dueOn'));
  return {
    kopecks: Math.min(fee, tariff * unusedDays),
    unusedDays,
    rule: 'seed 004 annex 1 contract §3.3',
  };
}
