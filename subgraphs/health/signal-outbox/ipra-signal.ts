import type { IsoDate } from '../../kit/platform/dates';
import { SECTION_TITLE, type IpraSection } from '../ipra/ipra-sections';

/** The contract of social protection's `submitSignal` (issue 4), as health fills it for an IPRA extract. */
export interface SubmitSignalInput {
  idempotencyKey: string;
  source: 'IPRA_EXTRACT';
  personSnils: string;
  receivedOn: IsoDate;
  summary: string;
  ipraNumber: string;
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
): SubmitSignalInput {
  const named = [...new Set(sections)].map((s) => SECTION_TITLE[s].toLowerCase());
  return {
    idempotencyKey: ipraSignalKey(ipra.number),
    source: 'IPRA_EXTRACT',
    personSnils: ipra.personSnils,
    receivedOn: ipra.issuedOn,
    summary: `Выписка из ИПРА № ${ipra.number}: ${named.join(', ')}`,
    ipraNumber: ipra.number,
  };
}
