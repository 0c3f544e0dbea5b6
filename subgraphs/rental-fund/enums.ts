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
  valuesConfig: {
    QUEUED_FOR_IPRA_AID: {
      description: 'A disabled person waiting for the permanent aid the IPRA gives, until it arrives (seed 004 annex 1 §2.1.1).',
    },
    OWN_AID_UNDER_REPAIR: {
      description: 'A disabled person whose own aid is being repaired or serviced, for that period (seed 004 annex 1 §2.1.2).',
    },
    NO_IPRA_MEDICAL_NEED: {
      description: 'A disabled person without the aid in an IPRA who needs it on a doctor’s conclusion (seed 004 annex 1 §2.1.3).',
    },
    REHABILITATION_PERIOD: {
      description: 'Anyone who needs the aid for a rehabilitation period, e.g. after surgery; always paid (seed 004 annex 1 §2.1.4, §4.3).',
    },
  },
});
registerEnumType(DocumentKind, {
  name: 'RentalDocumentKind',
  description: 'Documents presented with a rental application (seed 004 annex 1 §3.3).',
  valuesConfig: {
    IDENTITY_DOCUMENT: { description: 'A passport or another identity document; always required (seed 004 annex 1 §3.3).' },
    MSE_DISABILITY_CERTIFICATE: {
      description: 'The certificate of disability issued by medical and social expertise (seed 004 annex 1 §3.3).',
    },
    IPRA: {
      description: 'The individual rehabilitation programme; its aids decide whether the rental is free (seed 004 annex 1 §3.3, §4.2).',
    },
    MEDICAL_CONCLUSION: { description: 'The attending doctor’s conclusion that the aid is needed (seed 004 annex 1 §3.3).' },
    LIVING_CONDITIONS_ACT: { description: 'The act of inspection of living conditions (seed 004 annex 1 §3.3).' },
  },
});
registerEnumType(PriorityCategory, {
  name: 'RentalPriorityCategory',
  description: 'Categories served out of turn (seed 004 annex 1 §2.2): invalids, participants and veterans of the Great Patriotic War.',
  valuesConfig: {
    GPW_INVALID: { description: 'An invalid of the Great Patriotic War: served out of turn (seed 004 annex 1 §2.2).' },
    GPW_PARTICIPANT: { description: 'A participant of the Great Patriotic War: served out of turn (seed 004 annex 1 §2.2).' },
    GPW_VETERAN: { description: 'A veteran of the Great Patriotic War: served out of turn (seed 004 annex 1 §2.2).' },
  },
});
registerEnumType(ReturnCondition, {
  name: 'ReturnCondition',
  description: 'Condition of an aid recorded in the acceptance act (contract §2.3.4, §3.9–3.11).',
  valuesConfig: {
    WORKING_ORDER: { description: 'In working order: nothing to pay, the item goes back into stock.' },
    NORMAL_WEAR: { description: 'In working order allowing for normal wear, as the contract asks (seed 004 annex 1 contract §2.3.4).' },
    FAULTY_NO_FAULT_OF_RENTER: {
      description:
        'Broken without the renter’s fault: the institution repairs it at its own cost (seed 004 annex 1 §3.11, contract §2.1.4).',
    },
    DAMAGED_BY_MISUSE: {
      description: 'Broken because the renter broke the rules of use: the renter pays repair and transport (seed 004 annex 1 §3.9).',
    },
    LOST: { description: 'Not returned: the item is written off and the renter at fault pays its value (seed 004 annex 1 §3.10).' },
  },
});
registerEnumType(ItemCondition, {
  name: 'ItemCondition',
  description: 'Condition of a stock item: in working order, under repair, written off.',
  valuesConfig: {
    WORKING_ORDER: { description: 'In stock and fit to be issued (or lent out now, see `onLoan`).' },
    UNDER_REPAIR: { description: 'Being repaired; it cannot be issued until it is back in working order (seed 004 annex 1 §3.9, §3.11).' },
    WRITTEN_OFF: { description: 'Written off under accounting rules; no longer part of the stock (seed 004 annex 1 §5.5).' },
  },
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
  valuesConfig: {
    BOUGHT: { description: 'Bought for the fund (seed 004 annex 1 §1.3).' },
    RETURNED_UNUSED_FROM_IPRA: { description: 'Handed over unused by a person who received it under an IPRA (seed 004 annex 1 §1.3).' },
  },
});

export const ApplicationStatus = {
  /** Waiting for a free item (no unit free when applied, §3.3). */
  QUEUED: 'QUEUED',
  /**
   * A freed item is held for this applicant, who was notified, until the point's reservation term ends (issue 15 §5.5):
   * the contract is made on the day they come.
   */
  RESERVED: 'RESERVED',
  /** The applicant did not come within the reservation term: the item went to the next in the queue. */
  RESERVATION_LAPSED: 'RESERVATION_LAPSED',
  /** A contract was made. */
  ISSUED: 'ISSUED',
  REFUSED: 'REFUSED',
  /** The applicant no longer waits. */
  WITHDRAWN: 'WITHDRAWN',
} as const;
export type ApplicationStatus = (typeof ApplicationStatus)[keyof typeof ApplicationStatus];
registerEnumType(ApplicationStatus, {
  name: 'RentalApplicationStatus',
  description: 'Where a rental application stands (seed 004 annex 1 §2.2, §3.3–3.4).',
  valuesConfig: {
    QUEUED: {
      description: 'No item was free when applying: the application waits in the queue of its point and aid (seed 004 annex 1 §2.2, §3.3).',
    },
    RESERVED: {
      description:
        'An item freed for the queue is held for the applicant, who is notified (`reservation`); the contract is made on the day they come ' +
        '(seed 004 annex 1 §3.2, §3.4, §3.7), within the rental point’s reservation term.',
    },
    RESERVATION_LAPSED: {
      description: 'The applicant did not come within the reservation term: the item went to the next person in the queue.',
    },
    ISSUED: { description: 'A contract was made and the aid handed over (seed 004 annex 1 §3.4).' },
    REFUSED: { description: 'The application was refused (incomplete or false data, seed 004 annex 1 contract §2.2.3).' },
    WITHDRAWN: { description: 'The applicant no longer waits: the application left the queue.' },
  },
});

export const ContractStatus = {
  ACTIVE: 'ACTIVE',
  RETURNED: 'RETURNED',
  /** Taken back early for misuse or damage (§3.8, contract §2.2.4). */
  WITHDRAWN: 'WITHDRAWN',
  /** Not returned: the item is written off (§3.10). */
  LOST: 'LOST',
} as const;
export type ContractStatus = (typeof ContractStatus)[keyof typeof ContractStatus];
registerEnumType(ContractStatus, {
  name: 'RentalContractStatus',
  description: 'Where a rental contract stands (seed 004 annex 1 §3.4–3.11).',
  valuesConfig: {
    ACTIVE: { description: 'The aid is with the renter; overdue after `dueOn` (seed 004 annex 1 §3.6).' },
    RETURNED: { description: 'The aid was returned with an acceptance act (seed 004 annex 1 contract §2.3.4).' },
    WITHDRAWN: { description: 'Taken back early for misuse or damage (seed 004 annex 1 §3.8, contract §2.2.4).' },
    LOST: { description: 'Not returned: the item is written off (seed 004 annex 1 §3.10).' },
  },
});

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
  valuesConfig: {
    MISUSE: { description: 'The aid is used against its purpose (seed 004 annex 1 §3.8).' },
    DELIBERATE_DAMAGE: { description: 'The renter damages the aid on purpose (seed 004 annex 1 §3.8).' },
    NEGLIGENT_DAMAGE: { description: 'The renter damages the aid by careless handling (seed 004 annex 1 §3.8).' },
    OTHER: { description: 'Any other reason; not a ground for early withdrawal, refused with RULE_VIOLATION (seed 004 annex 1 §3.8).' },
  },
});

export const RentalOutcome = {
  ISSUED: 'ISSUED',
  QUEUED: 'QUEUED',
} as const;
export type RentalOutcome = (typeof RentalOutcome)[keyof typeof RentalOutcome];
registerEnumType(RentalOutcome, {
  name: 'RentalOutcome',
  description: 'What happened to an application: a contract was made, or the applicant waits in the queue.',
  valuesConfig: {
    ISSUED: { description: 'An item was free: a contract was made and the aid handed over the same day (seed 004 annex 1 §3.4).' },
    QUEUED: { description: 'No item was free: the application waits in the queue (seed 004 annex 1 §2.2, §3.3).' },
  },
});

/**
 * Disability groups as MSE establishes them; the same enum as social protection's `DisabilityGroup` (one enum per
 * set of values across the hub, CONVENTIONS §7.8), declared here so the rental fund does not import another agency's code.
 */
export const DisabilityGroup = {
  I: 'I',
  II: 'II',
  III: 'III',
  DISABLED_CHILD: 'DISABLED_CHILD',
} as const;
export type DisabilityGroup = (typeof DisabilityGroup)[keyof typeof DisabilityGroup];
registerEnumType(DisabilityGroup, {
  name: 'DisabilityGroup',
  description: 'Disability group I, II, III or "disabled child".',
  valuesConfig: {
    I: { description: 'Disability group I, established by MSE.' },
    II: { description: 'Disability group II, established by MSE.' },
    III: { description: 'Disability group III, established by MSE.' },
    DISABLED_CHILD: { description: 'A disabled child: the status MSE gives children, without a group.' },
  },
});

/** The group number the delivery rule counts with (seed 004 annex 1 §3.5 names groups I and II); null for a child or none. */
export function groupNumber(group: DisabilityGroup | null | undefined): 1 | 2 | 3 | null {
  return group === 'I' ? 1 : group === 'II' ? 2 : group === 'III' ? 3 : null;
}

export { DocumentKind, ItemCondition, PriorityCategory, RentalGround, ReturnCondition };
