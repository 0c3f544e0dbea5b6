import { DomainError, ErrorCode, badInput } from '../platform/errors';

/**
 * SNILS — the 11-digit personal insurance number, the one person identifier every Russian
 * agency shares (DOMAIN.md glossary). The last two digits are a checksum over the first nine.
 *
 * Error messages never repeat the number: a SNILS is personal data (152-FZ, seed 004 §1.4)
 * and error texts end up in logs and partner-agency clients.
 */

/** Numbers up to 001-001-998 were issued before the checksum rule existed, so they carry none. */
const LAST_NUMBER_WITHOUT_CHECKSUM = 1_001_998;
const BODY_MAX = 999_999_999;

const invalid = (message: string) => new DomainError(ErrorCode.INVALID_SNILS, message);

/** Checksum of the 9-digit body: weights 9..1, then reduced modulo 101 with 100 and 101 read as 00. */
export function snilsChecksum(body: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(body[i]) * (9 - i);
  if (sum < 100) return sum;
  if (sum === 100 || sum === 101) return 0;
  const rest = sum % 101;
  return rest === 100 ? 0 : rest;
}

/**
 * Accepts the printed form ('112-233-445 95') or bare digits and returns the 11 digits.
 * Only spaces and hyphens may separate digit groups; anything else is a typo worth reporting.
 */
export function normalizeSnils(input: string): string {
  if (typeof input !== 'string') throw invalid('SNILS must be a string of 11 digits');
  const trimmed = input.trim();
  if (!/^[0-9][0-9 -]*[0-9]$/.test(trimmed)) {
    throw invalid('SNILS may contain only digits, spaces and hyphens, e.g. 112-233-445 95');
  }
  const digits = trimmed.replace(/[ -]/g, '');
  if (digits.length !== 11) {
    throw invalid(`SNILS must have 11 digits, got ${digits.length}`);
  }
  const body = digits.slice(0, 9);
  if (Number(body) > LAST_NUMBER_WITHOUT_CHECKSUM) {
    const expected = snilsChecksum(body);
    if (Number(digits.slice(9)) !== expected) {
      throw invalid('SNILS checksum does not match; check the number for a typo');
    }
  }
  return digits;
}

export function isValidSnils(input: string): boolean {
  try {
    normalizeSnils(input);
    return true;
  } catch (e) {
    if (e instanceof DomainError) return false;
    throw e;
  }
}

/** The printed form used on the insurance certificate: 'XXX-XXX-XXX YY'. */
export function formatSnils(digits: string): string {
  const d = normalizeSnils(digits);
  return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6, 9)} ${d.slice(9)}`;
}

/**
 * A valid SNILS for synthetic data: body = n, checksum computed. Deterministic so seeds and
 * tests are repeatable; n starts above 001-001-998 so every generated number carries a real checksum.
 */
export function snilsFromSequence(n: number): string {
  if (!Number.isInteger(n) || n <= LAST_NUMBER_WITHOUT_CHECKSUM || n > BODY_MAX) {
    throw badInput(`snilsFromSequence needs an integer from ${LAST_NUMBER_WITHOUT_CHECKSUM + 1} to ${BODY_MAX}`, { n });
  }
  const body = String(n).padStart(9, '0');
  return body + String(snilsChecksum(body)).padStart(2, '0');
}
