import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parseGlobalId } from '../../kit/platform/global-id';
import { SignalOutbox } from './signal-outbox.entity';

export const SUBMIT_SIGNAL_MUTATION = `mutation SubmitSignal($input: SubmitSignalInput!) {
  submitSignal(input: $input) { created signal { id } }
}`;

export interface SignalDispatcherOptions {
  /** The health database (the ORM's root EntityManager; the dispatcher forks its own). */
  em: EntityManager;
  /** The hub gateway's GraphQL endpoint. */
  gatewayUrl: string;
  /** A bearer token of a PARTNER_SERVICE with the `submitSignal` grant, fetched fresh for each run. */
  token: () => Promise<string>;
  /** Defaults to the global fetch; tests pass their own. */
  fetch?: typeof globalThis.fetch;
  /** Rows per run; the rest wait for the next run. */
  batchSize?: number;
  /** Per-request timeout, so a hung gateway does not hold the row locks forever. */
  timeoutMs?: number;
}

export interface DispatchResult {
  sent: number;
  failed: number;
}

/**
 * Delivers the signal outbox to the gateway's `submitSignal`. At least once, never twice in effect:
 * - rows are claimed with FOR UPDATE SKIP LOCKED, so two dispatchers running at once never take the
 *   same row;
 * - a row is marked sent only when the gateway answered with a signal; any failure (HTTP error,
 *   GraphQL error, network) leaves it pending with the attempt counted, for the next run;
 * - if the process dies after the gateway accepted but before the mark is committed, the next run
 *   re-sends the same idempotency key and social protection returns the signal it already made.
 */
export class SignalDispatcher {
  private readonly batchSize: number;
  private readonly timeoutMs: number;
  private readonly fetch: typeof globalThis.fetch;

  constructor(private readonly options: SignalDispatcherOptions) {
    this.batchSize = options.batchSize ?? 50;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async dispatchPending(): Promise<DispatchResult> {
    const result: DispatchResult = { sent: 0, failed: 0 };
    await this.options.em.fork().transactional(async (em) => {
      const rows = await em.find(
        SignalOutbox,
        { sentAt: null },
        { orderBy: { createdAt: 'asc', id: 'asc' }, limit: this.batchSize, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
      );
      if (!rows.length) return;
      const token = await this.options.token();
      for (const row of rows) {
        row.attempts += 1;
        row.lastAttemptAt = new Date();
        const outcome = await this.send(row, token);
        if ('signalId' in outcome) {
          row.sentAt = new Date();
          row.signalId = outcome.signalId;
          row.lastError = null;
          result.sent += 1;
        } else {
          row.lastError = outcome.error;
          result.failed += 1;
        }
      }
    });
    return result;
  }

  private async send(row: SignalOutbox, token: string): Promise<{ signalId: string } | { error: string }> {
    try {
      const response = await this.fetch(this.options.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: SUBMIT_SIGNAL_MUTATION, variables: { input: row.payload } }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await response.text();
      let body: { data?: { submitSignal?: { signal?: { id?: string } } } | null; errors?: { extensions?: { code?: string } }[] } = {};
      try {
        body = JSON.parse(text);
      } catch {
        return { error: `HTTP ${response.status}: not a GraphQL response` };
      }
      const apiId = body.data?.submitSignal?.signal?.id;
      // The API answers a global id (`Signal:<uuid>`, CONVENTIONS §7.4); the row keeps social protection's uuid.
      const signalId = apiId ? (parseGlobalId(apiId)?.id ?? apiId) : null;
      if (response.ok && !body.errors?.length && signalId) return { signalId };
      const codes = (body.errors ?? []).map((e) => e.extensions?.code ?? 'UNKNOWN');
      return { error: `HTTP ${response.status}${codes.length ? `: ${[...new Set(codes)].join(', ')}` : ''}` };
    } catch (error) {
      return { error: `network: ${(error as Error).name}: ${(error as Error).message}`.slice(0, 500) };
    }
  }
}
