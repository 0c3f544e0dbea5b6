import { Agent, request, errors } from 'undici';

/** The part of a fetch Response that Apollo's RemoteGraphQLDataSource reads. */
export interface SubgraphResponse {
  ok: boolean;
  status: number;
  statusText: string;
  url: string;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
}

/**
 * How the gateway calls subgraphs: undici's `request` over a keep-alive pool instead of the global
 * `fetch`. Every route request makes a fetch per agency, and WHATWG fetch (web streams, an AbortSignal
 * per call) was the largest single cost in the gateway's profile (bench/README.md). The timeout bounds
 * the wait for the answer's headers and for its body, so a slow agency cannot hold the whole request.
 */
export function subgraphFetcher(timeoutMs: number) {
  const dispatcher = new Agent({ keepAliveTimeout: 30_000, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  return async (url: string, init: { method?: string; headers?: Record<string, string>; body?: string }): Promise<SubgraphResponse> => {
    const response = await request(url, { method: (init.method ?? 'POST') as 'POST', headers: init.headers, body: init.body, dispatcher });
    const text = await response.body.text();
    const headers = response.headers;
    return {
      ok: response.statusCode >= 200 && response.statusCode < 300,
      status: response.statusCode,
      statusText: '',
      url,
      headers: {
        get(name) {
          const value = headers[name.toLowerCase()];
          return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
        },
      },
      json: async () => JSON.parse(text),
      text: async () => text,
    };
  };
}

export function isTimeout(error: unknown): boolean {
  return (
    error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError || (error as Error)?.name === 'TimeoutError'
  );
}
