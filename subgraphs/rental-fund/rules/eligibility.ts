import { badInput, ruleViolation } from '../../kit/platform/errors';

/**
 * Who may rent (seed 004 annex 1 §2.1): citizens living in the autonomous okrug who are in a
 * difficult life situation, in particular the four groups below. The ground decides the price
 * (§4.2–4.3) and which document proves the need (§3.3), so every application names exactly one.
 */
export const RentalGround = {
  /** §2.1.1 — until the permanent aid arrives. */
  QUEUED_FOR_IPRA_AID: 'QUEUED_FOR_IPRA_AID',
  /** §2.1.2 — for the period of repair or servicing. */
  OWN_AID_UNDER_REPAIR: 'OWN_AID_UNDER_REPAIR',
  /** §2.1.3 */
  NO_IPRA_MEDICAL_NEED: 'NO_IPRA_MEDICAL_NEED',
  /** §2.1.4 — for the rehabilitation period. */
  REHABILITATION_PERIOD: 'REHABILITATION_PERIOD',
} as const;
export type RentalGround = (typeof RentalGround)[keyof typeof RentalGround];

export interface RentalGroundInfo {
  ground: RentalGround;
  rule: string;
  /** Only disabled people qualify on this ground. */
  disabledOnly: boolean;
  description: string;
  descriptionRu: string;
}

export const RENTAL_GROUNDS: Readonly<Record<RentalGround, RentalGroundInfo>> = Object.freeze({
  QUEUED_FOR_IPRA_AID: {
    ground: RentalGround.QUEUED_FOR_IPRA_AID,
    rule: 'seed 004 annex 1 §2.1.1',
    disabledOnly: true,
    description:
      'A disabled person queued with the authorized body for an aid under their IPR/IPRA, until the aid is received for permanent use',
    descriptionRu:
      'Инвалид, состоящий в очереди на получение ТСР в соответствии с ИПР/ИПРА в уполномоченном органе, до момента получения необходимого ТСР в постоянное пользование',
  },
  OWN_AID_UNDER_REPAIR: {
    ground: RentalGround.OWN_AID_UNDER_REPAIR,
    rule: 'seed 004 annex 1 §2.1.2',
    disabledOnly: true,
    description:
      'A disabled person whose own aid is faulty and due for routine repair or servicing, for the period of the repair or servicing',
    descriptionRu:
      'Инвалид, имеющий в пользовании неисправное ТСР, подлежащее текущему ремонту или техническому обслуживанию, на период ремонта или обслуживания',
  },
  NO_IPRA_MEDICAL_NEED: {
    ground: RentalGround.NO_IPRA_MEDICAL_NEED,
    rule: 'seed 004 annex 1 §2.1.3',
    disabledOnly: true,
    description: 'A disabled person without an IPR/IPRA who needs an aid on medical grounds',
    descriptionRu: 'Инвалид, не имеющий ИПР/ИПРА, но нуждающийся по медицинским показаниям в ТСР',
  },
  REHABILITATION_PERIOD: {
    ground: RentalGround.REHABILITATION_PERIOD,
    rule: 'seed 004 annex 1 §2.1.4',
    disabledOnly: false,
    description: 'Any citizen who needs an aid on medical grounds (including after an injury or surgery), for the rehabilitation period',
    descriptionRu:
      'Гражданин, нуждающийся в ТСР по медицинским показаниям (в том числе перенесший травму, хирургическую операцию), на период реабилитации',
  },
});

export function isRentalGround(value: unknown): value is RentalGround {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(RENTAL_GROUNDS, value);
}

/**
 * Documents named by §3.3: an identity document showing the place of registration, and a document
 * confirming the need — "справка об установлении инвалидности (МСЭ); ИПР/ИПРА; медицинское
 * заключение лечащего врача; акт обследования социально-бытовых условий".
 */
export const DocumentKind = {
  IDENTITY_DOCUMENT: 'IDENTITY_DOCUMENT',
  MSE_DISABILITY_CERTIFICATE: 'MSE_DISABILITY_CERTIFICATE',
  IPRA: 'IPRA',
  MEDICAL_CONCLUSION: 'MEDICAL_CONCLUSION',
  LIVING_CONDITIONS_ACT: 'LIVING_CONDITIONS_ACT',
} as const;
export type DocumentKind = (typeof DocumentKind)[keyof typeof DocumentKind];

const DOCUMENT_KINDS = new Set<string>(Object.values(DocumentKind));

/**
 * §3.3 asks for one document confirming the need and lists four kinds without tying them to the
 * grounds. Which of them actually proves the need follows from how each ground is worded:
 *  - queued under the IPRA (§2.1.1): the IPRA, which also decides whether the aid is free (§4.2);
 *  - own aid under repair (§2.1.2): the ground is for disabled people, so the IPRA or the MSE
 *    disability certificate. The seed asks for no proof of the repair itself;
 *  - no IPRA (§2.1.3) and rehabilitation (§2.1.4): the need is "по медицинским показаниям", which
 *    only the attending doctor's conclusion shows.
 * The living-conditions act never proves a need for an aid on its own; it is welcome as an extra.
 */
const NEED_DOCUMENTS: Readonly<Record<RentalGround, readonly DocumentKind[]>> = {
  QUEUED_FOR_IPRA_AID: [DocumentKind.IPRA],
  OWN_AID_UNDER_REPAIR: [DocumentKind.IPRA, DocumentKind.MSE_DISABILITY_CERTIFICATE],
  NO_IPRA_MEDICAL_NEED: [DocumentKind.MEDICAL_CONCLUSION],
  REHABILITATION_PERIOD: [DocumentKind.MEDICAL_CONCLUSION],
};

export interface MissingDocument {
  requirement: 'IDENTITY' | 'NEED';
  /** Any one of these satisfies the requirement. */
  anyOf: DocumentKind[];
  rule: string;
}

export interface RentalApplicationInput {
  ground: RentalGround;
  /** Kinds of documents the applicant presented. */
  documents: DocumentKind[];
  /** §2.1: the service is for residents of the autonomous okrug. Unknown is not a refusal. */
  residesInAutonomousOkrug?: boolean;
  /** Whether the applicant has a disability established by MSE. */
  isDisabled?: boolean;
  /** Whether the applicant has an IPR/IPRA. */
  hasIpra?: boolean;
  /** Contract §2.2.3: a second ground for refusal, noted by the specialist at the counter. */
  intoxicated?: boolean;
}

export interface ApplicationCheck {
  ground: RentalGround;
  complete: boolean;
  missingDocuments: MissingDocument[];
}

const REFUSAL_RULE = 'seed 004 annex 1 contract §2.2.3';

function checkShape(input: RentalApplicationInput): void {
  if (!input || typeof input !== 'object') throw badInput('An application is required');
  if (!isRentalGround(input.ground)) {
    throw badInput(`Unknown rental ground ${String(input.ground)}`, { field: 'ground', value: input.ground });
  }
  if (!Array.isArray(input.documents)) throw badInput('documents must be a list', { field: 'documents' });
  for (const kind of input.documents) {
    if (!DOCUMENT_KINDS.has(kind)) throw badInput(`Unknown document kind ${String(kind)}`, { field: 'documents', value: kind });
  }
}

/** What the applicant still has to bring (§3.3); empty when the set is complete. */
export function missingDocuments(input: RentalApplicationInput): MissingDocument[] {
  checkShape(input);
  const presented = new Set(input.documents);
  const missing: MissingDocument[] = [];
  if (!presented.has(DocumentKind.IDENTITY_DOCUMENT)) {
    missing.push({ requirement: 'IDENTITY', anyOf: [DocumentKind.IDENTITY_DOCUMENT], rule: 'seed 004 annex 1 §3.3' });
  }
  const need = NEED_DOCUMENTS[input.ground];
  if (!need.some((kind) => presented.has(kind))) {
    missing.push({ requirement: 'NEED', anyOf: [...need], rule: 'seed 004 annex 1 §3.3' });
  }
  return missing;
}

/**
 * Checks an application before a contract is drawn up. Throws when the application must be refused
 * outright — data that contradicts the chosen ground is "недостоверные данные" (contract §2.2.3),
 * and a person outside §2.1 is not a recipient at all. Returns the missing documents, so the
 * specialist can ask for them; use `assertApplicationComplete` at the moment of signing.
 */
export function validateApplication(input: RentalApplicationInput): ApplicationCheck {
  checkShape(input);
  const info = RENTAL_GROUNDS[input.ground];

  if (input.intoxicated === true) {
    throw ruleViolation('The rental point refuses service to a person in a state of intoxication', REFUSAL_RULE, {
      reason: 'INTOXICATION',
    });
  }
  if (input.residesInAutonomousOkrug === false) {
    throw ruleViolation('The rental point serves residents of the autonomous okrug only', 'seed 004 annex 1 §2.1', {
      reason: 'NOT_A_RESIDENT',
    });
  }
  if (info.disabledOnly && input.isDisabled === false) {
    throw ruleViolation(`Ground ${input.ground} is for disabled people only (${info.rule})`, REFUSAL_RULE, {
      reason: 'FALSE_DATA',
      ground: input.ground,
      groundRule: info.rule,
    });
  }
  // §2.1.3 exists precisely for disabled people who have no IPR/IPRA; with an IPRA the person
  // belongs under §2.1.1 or §2.1.2, where the price also differs (§4.2 vs §4.3).
  if (input.ground === RentalGround.NO_IPRA_MEDICAL_NEED && (input.hasIpra === true || input.documents.includes(DocumentKind.IPRA))) {
    throw ruleViolation('Ground NO_IPRA_MEDICAL_NEED is for people without an IPR/IPRA', REFUSAL_RULE, {
      reason: 'FALSE_DATA',
      ground: input.ground,
      groundRule: info.rule,
    });
  }
  // §2.1.1 is a queue kept "в соответствии с ИПР/ИПРА": without an IPRA there is no such queue.
  if (input.ground === RentalGround.QUEUED_FOR_IPRA_AID && input.hasIpra === false) {
    throw ruleViolation('Ground QUEUED_FOR_IPRA_AID requires an IPR/IPRA', REFUSAL_RULE, {
      reason: 'FALSE_DATA',
      ground: input.ground,
      groundRule: info.rule,
    });
  }

  const missing = missingDocuments(input);
  return { ground: input.ground, complete: missing.length === 0, missingDocuments: missing };
}

/** At signing: an incomplete set of documents is a ground for refusal (contract §2.2.3). */
export function assertApplicationComplete(input: RentalApplicationInput): void {
  const check = validateApplication(input);
  if (!check.complete) {
    throw ruleViolation('The application is incomplete: documents required by §3.3 are missing', REFUSAL_RULE, {
      reason: 'INCOMPLETE_DATA',
      missingDocuments: check.missingDocuments,
    });
  }
}
