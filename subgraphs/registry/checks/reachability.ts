import { parse, print } from 'graphql';

/** What the registry found at a subgraph's URL. */
export interface Reachability {
  reachable: boolean;
  /** The SDL the subgraph answered to `_service { sdl }`; null when it did not answer one. */
  sdl: string | null;
  /** Whether that SDL is the one being published; null when no SDL was given or none was fetched. */
  sdlMatches: boolean | null;
  /** Why the check failed; null when it passed. */
  problem: string | null;
}

/** The same schema whatever the printer's layout: compared as parsed and printed again. */
export function sameSdl(a: string, b: string): boolean {
  try {
    return print(parse(a)) === print(parse(b));
  } catch {
    return a.trim() === b.trim();
  }
}

/**
 * Asks the URL for `_service { sdl }` the way a federation router does (issue 16 §2 reachability): unreachable, not a
 * subgraph, or serving another schema than the one given are each a problem with a clear message.
 */
export async function checkReachability(url: string, expectedSdl: string | null, timeoutMs = 3000): Promise<Reachability> {
  const refused = (problem: string, reachable = false): Reachability => ({ reachable, sdl: null, sdlMatches: null, problem });
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    return refused(`${url} does not answer${timedOut ? ` within ${timeoutMs} ms` : ` (${(error as Error).message})`}`);
  }
  let sdl: unknown = undefined;
  try {
    const body = (await response.json()) as { data?: { _service?: { sdl?: unknown } } } | null;
    sdl = body?.data?._service?.sdl;
  } catch {
    // falls through: not a GraphQL answer
  }
  if (typeof sdl !== 'string')
    return refused(`${url} answered HTTP ${response.status} without \`_service { sdl }\`: it is not a federation subgraph`, true);
  if (expectedSdl === null) return { reachable: true, sdl, sdlMatches: null, problem: null };
  const matches = sameSdl(sdl, expectedSdl);
  return {
    reachable: true,
    sdl,
    sdlMatches: matches,
    problem: matches ? null : `${url} serves another schema than the one being published: deploy it first, or publish what it serves`,
  };
}
