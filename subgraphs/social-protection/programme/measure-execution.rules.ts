import { badInput, illegalTransition } from '../../kit/platform/errors';
import { isTerminalReferralStatus, ReferralStatus } from '../referral/referral-status';
import { MeasureStatus } from './programme.entity';

/** A measure's volume is a whole number of times, at least one (seed 003 §8.17–18). */
export function assertMeasureVolume(volume: number | null | undefined): void {
  if (volume === null || volume === undefined) return;
  if (!Number.isInteger(volume) || volume < 1)
    throw badInput(`The volume of a measure is a whole number ≥ 1, got ${volume}`, { field: 'volume' });
}

/**
 * Where a measure stands after an execution is recorded: under way (IN_PROGRESS) after the first, DONE after the one
 * that completes it. A DONE or CANCELLED measure takes no more executions: ILLEGAL_TRANSITION.
 */
export function measureStatusAfterExecution(current: MeasureStatus, completes: boolean): MeasureStatus {
  if (current === MeasureStatus.DONE || current === MeasureStatus.CANCELLED) {
    throw illegalTransition(`A ${current} measure takes no more executions`, { from: current });
  }
  return completes ? MeasureStatus.DONE : MeasureStatus.IN_PROGRESS;
}

/**
 * The coordinator records the execution of the operator's own measures and of measures done without a referral
 * (seed 003 §33.6). While a referral for the measure is open (sent and not closed), its executing organization
 * answers through it, so the record has one voice: ILLEGAL_TRANSITION.
 */
export function assertCoordinatorRecordsExecution(referrals: readonly { status: ReferralStatus }[]): void {
  const open = referrals.find((r) => r.status !== ReferralStatus.DRAFT && !isTerminalReferralStatus(r.status));
  if (open) {
    throw illegalTransition('The executing organization records this measure through its open referral', { referralStatus: open.status });
  }
}
