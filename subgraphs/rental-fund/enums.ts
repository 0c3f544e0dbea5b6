import { registerEnumType } from 'type-graphql';
import { DocumentKind, RentalGround } from './rules/eligibility';
import { PriorityCategory } from './rules/queue';
import { ItemCondition, ReturnCondition } from './rules/return';

/**
 * The GraphQL and database enums of the rental fund are the rules' own value sets, registered
 * once here: a value added to a rule is a value of the API, with no second list to keep in sync.
 */
registerEnumType(RentalGround, {
  name: 'RentalGround',
  description: 'The ground of a rental, one of the four categories of seed 004 annex 1 §2.1 (it decides the price, §4.2–4.3).',
});
registerEnumType(DocumentKind, {
  name: 'RentalDocumentKind',
  description: 'Documents presented with a rental application (seed 004 annex 1 §3.3).',
});
registerEnumType(PriorityCategory, {
  name: 'RentalPriorityCategory',
  description: 'Categories served out of turn (seed 004 annex 1 §2.2): invalids, participants and veterans of the Great Patriotic War.',
});
registerEnumType(ReturnCondition, {
  name: 'ReturnCondition',
  description: 'Condition of an aid recorded in the acceptance act (contract §2.3.4, §3.9–3.11).',
});
registerEnumType(ItemCondition, {
  name: 'ItemCondition',
  description: 'Condition of a stock item: in working order, under repair, written off.',
});

export const AcquisitionSource = {
  /** Bought for the fund. */
  BOUGHT: 'BOUGHT',
  /** Handed over unused after an issue under an IPRA (seed 004 annex 1 §1.3). */
  RETURNED_UNUSED_FROM_IPRA: 'RETURNED_UNUSED_FROM_IPRA',
} as const;
export type AcquisitionSource = (typeof AcquisitionSource)[keyof typeof AcquisitionSource];
registerEnumType(AcquisitionSource, {
  name: 'AcquisitionSource',
  description: 'How the item came into the rental fund (seed 004 annex 1 §1.3).',
});

export const ApplicationStatus = {
  /** Waiting for a free item (no unit free when applied, §3.3). */
  QUEUED: 'QUEUED',
  /** A contract was made. */
  ISSUED: 'ISSUED',
  REFUSED: 'REFUSED',
  /** The applicant no longer waits. */
  WITHDRAWN: 'WITHDRAWN',
} as const;
export type ApplicationStatus = (typeof ApplicationStatus)[keyof typeof ApplicationStatus];
registerEnumType(ApplicationStatus, { name: 'RentalApplicationStatus' });

export const ContractStatus = {
  ACTIVE: 'ACTIVE',
  RETURNED: 'RETURNED',
  /** Taken back early for misuse or damage (§3.8, contract §2.2.4). */
  WITHDRAWN: 'WITHDRAWN',
  /** Not returned: the item is written off (§3.10). */
  LOST: 'LOST',
} as const;
export type ContractStatus = (typeof ContractStatus)[keyof typeof ContractStatus];
registerEnumType(ContractStatus, { name: 'RentalContractStatus' });

export const WithdrawalReason = {
  MISUSE: 'MISUSE',
  DELIBERATE_DAMAGE: 'DELIBERATE_DAMAGE',
  NEGLIGENT_DAMAGE: 'NEGLIGENT_DAMAGE',
  OTHER: 'OTHER',
} as const;
export type WithdrawalReason = (typeof WithdrawalReason)[keyof typeof WithdrawalReason];
registerEnumType(WithdrawalReason, {
  name: 'RentalWithdrawalReason',
  description: 'Why an aid is taken back before its due date (seed 004 annex 1 §3.8).',
});

export const RentalOutcome = {
  ISSUED: 'ISSUED',
  QUEUED: 'QUEUED',
} as const;
export type RentalOutcome = (typeof RentalOutcome)[keyof typeof RentalOutcome];
registerEnumType(RentalOutcome, {
  name: 'RentalOutcome',
  description: 'What happened to an application: a contract was made, or the applicant waits in the queue.',
});

export { DocumentKind, ItemCondition, PriorityCategory, RentalGround, ReturnCondition };
