import { badInput, DomainError, ErrorCode } from '../../kit/platform/errors';

const NAME = /^[a-z][a-z0-9-]{1,39}$/;
/** Names the hub's own services use outside the registry. */
const RESERVED = new Set(['assembly', 'gateway']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string) => UUID.test(value);

/** A service name: lower case letters, digits and dashes, 2–40 characters, starting with a letter. */
export function checkSubgraphName(name: string): string {
  if (!NAME.test(name))
    throw badInput('A subgraph name is 2–40 lower case letters, digits and dashes, starting with a letter (e.g. `culture`)', {
      field: 'name',
    });
  if (RESERVED.has(name))
    throw new DomainError(ErrorCode.CONFLICT, `${name} is the name of one of the hub's own services`, { field: 'name' });
  return name;
}

/** An http(s) URL the gateways can call. */
export function checkSubgraphUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badInput('url is not a URL', { field: 'url' });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw badInput('url must be http or https', { field: 'url' });
  return url;
}
