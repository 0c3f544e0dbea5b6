import { badInput } from '../../kit/platform/errors';

const AGENCY_CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

/**
 * A consent names the agencies it covers (152-FZ art. 9: consent is specific) and may end on a
 * date; it cannot end before it starts.
 */
export function validateConsent(input: { agencies: string[]; givenOn: string; expiresOn?: string | null }): string[] {
  const agencies = [...new Set(input.agencies.map((a) => a.trim().toUpperCase()))];
  if (agencies.length === 0) throw badInput('A consent must name at least one agency');
  const wrong = agencies.filter((a) => !AGENCY_CODE.test(a));
  if (wrong.length) throw badInput(`Unknown agency code format: ${wrong.join(', ')}`);
  if (input.expiresOn && input.expiresOn < input.givenOn) throw badInput('A consent cannot expire before it is given');
  return agencies.sort();
}
