import type { IsoDate } from '../../kit/platform/dates';
import { currentAttachment } from '../attachment/clinic-attachment.entity';
import { SECTION_TITLE, type IpraSection } from '../ipra/ipra-sections';

/** The contract of social protection's `submitSignal` (issue 4), as health fills it for an IPRA extract. */
export interface SubmitSignalInput {
  idempotencyKey: string;
  source: 'IPRA_EXTRACT';
  personSnils: string;
  receivedOn: IsoDate;
  summary: string;
  ipraNumber: string;
  /** OKTMO of the territory health knows the person by (their clinic's); left out when it knows none. */
  territoryOktmo?: string;
}

/** One IPRA is announced once, whoever registers it and however often: the key is its number. */
export const ipraSignalKey = (ipraNumber: string) => `ipra:${ipraNumber}`;

/**
 * The signal an IPRA extract becomes (seed 003 §15.1: operator organizations identify citizens by
 * processing IPRA extracts; §16: five working days from its arrival to contact the citizen). The
 * person travels by SNILS only — the identifier the extract itself carries and every agency shares —
 * so social protection matches it against its own register (a person it does not know yet leaves an
 * unassigned signal instead of a refusal that would block the outbox forever). The summary names
 * the sections so the curator sees what the person needs; it carries no diagnosis (152-FZ, seed 004 §1.4).
 */
export function ipraSignalInput(
  ipra: { number: string; personSnils: string; issuedOn: IsoDate },
  sections: IpraSection[],
  territoryOktmo: string | null = null,
): SubmitSignalInput {
  const named = [...new Set(sections)].map((s) => SECTION_TITLE[s].toLowerCase());
  return {
    idempotencyKey: ipraSignalKey(ipra.number),
    source: 'IPRA_EXTRACT',
    personSnils: ipra.personSnils,
    receivedOn: ipra.issuedOn,
    summary: `Выписка из ИПРА № ${ipra.number}: ${named.join(', ')}`,
    ipraNumber: ipra.number,
    ...(territoryOktmo ? { territoryOktmo } : {}),
  };
}

/**
 * The territory health knows a person by: that of the clinic the person is attached to on `today` (the clinic serves
 * where the person lives), placed by health's resource map as the statistics place it (PROVIDER_TERRITORY_SQL: an
 * organization mapped on several territories counts on the first by OKTMO). Null when the person is attached to no
 * clinic or the clinic is not on the map. Social protection routes a signal about a person it does not know yet by
 * this territory (seed 003 §20): without it the extract would wait unrouted, seen by every operator.
 */
export function territoryOfPerson(
  attachments: { organizationId: string; fromDate: IsoDate; toDate: IsoDate | null }[],
  mapped: { organizationId: string | null; territoryOktmo: string }[],
  today: IsoDate,
): string | null {
  const clinic = currentAttachment(attachments, today);
  if (!clinic) return null;
  const territories = mapped.filter((m) => m.organizationId === clinic.organizationId).map((m) => m.territoryOktmo);
  return territories.sort()[0] ?? null;
}
