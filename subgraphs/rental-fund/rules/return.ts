import { badInput, ruleViolation } from '../../kit/platform/errors';
import { assertNonNegativeInteger } from './dates';

/**
 * Settling a return (seed 004 annex 1 §3.8–3.11; contract §2.1.4, §2.3.4–2.3.6).
 *
 * The renter returns the aid "в исправном состоянии с учетом естественного износа", confirmed by an
 * acceptance act signed by both parties (contract §2.3.4), so every return produces an act whose
 * condition decides who pays and where the item goes next.
 */
export const ReturnCondition = {
  /** In working order. */
  WORKING_ORDER: 'WORKING_ORDER',
  /** Working order allowing for normal wear: what contract §2.3.4 asks for. */
  NORMAL_WEAR: 'NORMAL_WEAR',
  /**
   * Broken without the renter's fault (a defect, circumstances beyond the parties): the institution
   * repairs at its own cost (§3.11) and owes a replacement (contract §2.1.4).
   */
  FAULTY_NO_FAULT_OF_RENTER: 'FAULTY_NO_FAULT_OF_RENTER',
  /** Broken because the renter broke the rules of use (§3.9, contract §2.3.5). */
  DAMAGED_BY_MISUSE: 'DAMAGED_BY_MISUSE',
  /** Not returned (lost). */
  LOST: 'LOST',
} as const;
export type ReturnCondition = (typeof ReturnCondition)[keyof typeof ReturnCondition];

/** What happens to the item after the act. */
export const ItemCondition = {
  /** Back in stock, ready to be issued again. */
  WORKING_ORDER: 'WORKING_ORDER',
  UNDER_REPAIR: 'UNDER_REPAIR',
  /** Written off under accounting rules (§5.5). */
  WRITTEN_OFF: 'WRITTEN_OFF',
} as const;
export type ItemCondition = (typeof ItemCondition)[keyof typeof ItemCondition];

export interface SettleReturnInput {
  condition: ReturnCondition;
  /** Cost of the repair; required when the renter damaged the aid by misuse. */
  repairCostKopecks?: number;
  /** Cost of taking the aid to and from the repair; the renter pays it too on misuse (§3.9). */
  transportCostKopecks?: number;
  /** Market value of the item ("рыночную стоимость оборудования", contract §2.3.6). */
  itemValueKopecks: number;
  /** Damage by misuse that cannot be repaired: treated like a loss (§3.10). */
  irreparable?: boolean;
  /** §3.10 charges a loss only when it is the renter's fault ("по вине гражданина"); default true. */
  renterAtFault?: boolean;
}

export interface RenterCharges {
  repairKopecks: number;
  transportKopecks: number;
  /** Compensation of the institution's losses (market value). */
  compensationKopecks: number;
  totalKopecks: number;
}

export interface ReturnSettlement {
  charges: RenterCharges;
  nextCondition: ItemCondition;
  /** An acceptance act signed by both parties is drawn up for every return (contract §2.3.4). */
  acceptanceActRequired: true;
  reason: string;
  rule: string;
}

const CONDITIONS = new Set<string>(Object.values(ReturnCondition));

function charges(repair = 0, transport = 0, compensation = 0): RenterCharges {
  return {
    repairKopecks: repair,
    transportKopecks: transport,
    compensationKopecks: compensation,
    totalKopecks: repair + transport + compensation,
  };
}

export function settleReturn(input: SettleReturnInput): ReturnSettlement {
  if (!input || !CONDITIONS.has(input.condition)) {
    throw badInput(`Unknown return condition ${String(input?.condition)}`, { field: 'condition' });
  }
  const value = assertNonNegativeInteger(input.itemValueKopecks, 'itemValueKopecks');
  const settlement = (c: RenterCharges, nextCondition: ItemCondition, reason: string, rule: string): ReturnSettlement => ({
    charges: c,
    nextCondition,
    acceptanceActRequired: true,
    reason,
    rule,
  });

  switch (input.condition) {
    case ReturnCondition.WORKING_ORDER:
    case ReturnCondition.NORMAL_WEAR:
      return settlement(
        charges(),
        ItemCondition.WORKING_ORDER,
        'Returned in working order allowing for normal wear: nothing to pay',
        'seed 004 annex 1 contract §2.3.4',
      );

    case ReturnCondition.FAULTY_NO_FAULT_OF_RENTER:
      return settlement(
        charges(),
        ItemCondition.UNDER_REPAIR,
        "Broken through no fault of the renter: repaired at the institution's cost",
        'seed 004 annex 1 §3.11',
      );

    case ReturnCondition.DAMAGED_BY_MISUSE: {
      if (input.irreparable) {
        // §3.10 puts an aid "приведены в нерабочее состояние, не подлежат ремонту" with a loss.
        return settlement(
          charges(0, 0, value),
          ItemCondition.WRITTEN_OFF,
          'Damaged by the renter beyond repair: the renter compensates the market value',
          'seed 004 annex 1 §3.10',
        );
      }
      if (input.repairCostKopecks === undefined) {
        throw badInput('repairCostKopecks is required for damage by misuse', { field: 'repairCostKopecks' });
      }
      const repair = assertNonNegativeInteger(input.repairCostKopecks, 'repairCostKopecks');
      const transport = assertNonNegativeInteger(input.transportCostKopecks ?? 0, 'transportCostKopecks');
      return settlement(
        charges(repair, transport),
        ItemCondition.UNDER_REPAIR,
        'Broken by breaking the rules of use: the renter pays the repair and the transport',
        'seed 004 annex 1 §3.9',
      );
    }

    case ReturnCondition.LOST:
      if (input.renterAtFault === false) {
        return settlement(
          charges(),
          ItemCondition.WRITTEN_OFF,
          'Lost through no fault of the renter: written off without charge',
          'seed 004 annex 1 §3.10',
        );
      }
      return settlement(
        charges(0, 0, value),
        ItemCondition.WRITTEN_OFF,
        "Lost through the renter's fault: the renter compensates the market value",
        'seed 004 annex 1 §3.10',
      );
  }
  throw badInput('Unknown return condition');
}

/** Why the institution wants the aid back before the due date. */
export type WithdrawalReason = 'MISUSE' | 'DELIBERATE_DAMAGE' | 'NEGLIGENT_DAMAGE' | 'OTHER';

export interface WithdrawalDecision {
  allowed: boolean;
  rule: string;
}

/**
 * §3.8 allows taking the aid back early, with termination of the contract, when the citizen
 * "умышленно ухудшает его состояние и (или) использует его не по назначению". The contract (§2.2.4)
 * goes further and lets the institution demand early termination also when the quality is worsened
 * "по неосторожности", so negligent damage is a ground through the contract, not the regulation.
 */
export function earlyWithdrawalDecision(reason: WithdrawalReason | string): WithdrawalDecision {
  switch (reason) {
    case 'MISUSE':
    case 'DELIBERATE_DAMAGE':
      return { allowed: true, rule: 'seed 004 annex 1 §3.8' };
    case 'NEGLIGENT_DAMAGE':
      return { allowed: true, rule: 'seed 004 annex 1 contract §2.2.4' };
    default:
      return { allowed: false, rule: 'seed 004 annex 1 §3.8' };
  }
}

export function earlyWithdrawalAllowed(reason: WithdrawalReason | string): boolean {
  return earlyWithdrawalDecision(reason).allowed;
}

/** For the resolver that withdraws an aid: refuses a withdrawal the clauses do not allow. */
export function assertEarlyWithdrawal(reason: WithdrawalReason | string): void {
  const decision = earlyWithdrawalDecision(reason);
  if (!decision.allowed) {
    throw ruleViolation(
      'An aid is withdrawn early only for misuse or for damaging it (deliberately, or by negligence under the contract)',
      decision.rule,
      { reason },
    );
  }
}
