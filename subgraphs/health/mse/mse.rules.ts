import type { IsoDate } from '../../kit/platform/dates';
import { daysBetween } from '../../kit/platform/dates';
import { MseReferralStatus } from './mse-referral.entity';

/** The medical organization prepares the re-examination referral this many days ahead. */
export const MSE_REEXAMINATION_WARNING_DAYS = 30;

export interface ReferralFacts {
  id: string;
  referredOn: IsoDate;
  status: MseReferralStatus;
  dueOn: IsoDate | null;
  examinedOn: IsoDate | null;
  nextReExaminationOn: IsoDate | null;
}

/**
 * The re-examination still ahead of a person, if any: either a referral under way with its due date,
 * or — when the latest referral was examined — the next date the bureau set, which nobody has acted on
 * yet. A later referral supersedes the dates of the earlier ones.
 */
export function pendingReExamination(referrals: ReferralFacts[]): { referralId: string; dueOn: IsoDate; underWay: boolean } | null {
  const live = referrals.filter((r) => r.status !== MseReferralStatus.CANCELLED);
  const latest = [...live].sort((a, b) => b.referredOn.localeCompare(a.referredOn) || b.id.localeCompare(a.id))[0];
  if (!latest) return null;
  if (latest.status === MseReferralStatus.EXAMINED) {
    return latest.nextReExaminationOn ? { referralId: latest.id, dueOn: latest.nextReExaminationOn, underWay: false } : null;
  }
  return latest.dueOn ? { referralId: latest.id, dueOn: latest.dueOn, underWay: true } : null;
}

/** Days left to a re-examination date; an alert is due within the warning window or once it passed. */
export function reExaminationAlertDue(dueOn: IsoDate, today: IsoDate): { due: boolean; daysLeft: number } {
  const daysLeft = daysBetween(today, dueOn);
  return { due: daysLeft <= MSE_REEXAMINATION_WARNING_DAYS, daysLeft };
}
