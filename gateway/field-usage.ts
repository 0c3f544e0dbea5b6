import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { randomUUID } from 'node:crypto';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { today } from '../subgraphs/kit/platform/clock';
import { IDENTITY_HEADER, type Identity, type IdentitySigner } from '../subgraphs/kit/platform/identity';
import type { Logger } from '../subgraphs/kit/platform/logging';
import { schemaCoordinates } from './schema-coordinates';
import { registryEndpoint, type RegistrySettings } from './supergraph-source';

/** The registry's service name: the audience of the gateway's signature on a usage report. */
export const REGISTRY_AUDIENCE = 'registry';
/** Days of counts kept while the registry does not take them; older days are dropped first. */
const KEPT_DAYS = 7;
/** Distinct documents whose coordinates are remembered per schema. */
const CACHED_DOCUMENTS = 2000;

/** The gateway itself, reporting usage: a system identity with the one grant the registry asks for. */
export const usageReporter = (): Identity => ({
  subject: 'hub-gateway',
  role: 'PARTNER_SERVICE',
  organizationId: null,
  territoryOktmo: null,
  agency: null,
  grants: ['recordUsage'],
  requestId: randomUUID(),
});

/**
 * Which fields real operations use, per day, for the registry's breaking-change check (issue 16 §2): a removed or
 * changed field is refused when operations touched it in the last days. Only schema coordinates are counted, never
 * documents, variables or answers, so the counts hold no personal data. Counts stay in memory and go to the registry
 * every `flushIntervalMs` and when the gateway stops; a report the registry does not take is sent again next time.
 */
export class FieldUsage {
  /** day (the region's calendar day) → coordinate → operations that touched it. */
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly coordinates = new WeakMap<GraphQLSchema, Map<string, string[]>>();
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly registry: RegistrySettings,
    private readonly signer: IdentitySigner,
    private readonly logger: Logger,
  ) {}

  /** Counts one executed operation on the day it ran. */
  record(schema: GraphQLSchema, source: string, document: DocumentNode, operationName: string | null | undefined, day = today()): void {
    let cache = this.coordinates.get(schema);
    if (!cache) this.coordinates.set(schema, (cache = new Map()));
    const key = `${operationName ?? ''}\n${source}`;
    let touched = cache.get(key);
    if (!touched) {
      touched = schemaCoordinates(schema, document, operationName);
      if (cache.size >= CACHED_DOCUMENTS) cache.clear();
      cache.set(key, touched);
    }
    this.add(
      day,
      touched.map((c) => [c, 1]),
    );
  }

  /** What has not reached the registry yet, by day. */
  pending(): Record<string, Record<string, number>> {
    return Object.fromEntries([...this.counts].map(([day, fields]) => [day, Object.fromEntries(fields)]));
  }

  /** Sends every day's counts to the registry, one signed report per day; what it does not take is kept. */
  flush(): Promise<void> {
    // One flush at a time: a timer tick during a slow flush waits for it instead of sending the same counts twice.
    return (this.flushing ??= this.send().finally(() => (this.flushing = null)));
  }

  private async send(): Promise<void> {
    const days = [...this.counts.entries()];
    this.counts.clear();
    for (const [day, fields] of days) {
      const body = JSON.stringify({ day, fields: Object.fromEntries(fields) });
      try {
        const response = await fetch(registryEndpoint(this.registry, 'usage'), {
          method: 'POST',
          headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: this.signer.sign(usageReporter(), REGISTRY_AUDIENCE, body) },
          body,
          signal: AbortSignal.timeout(5000),
        });
        if (!response.ok) throw new Error(String(response.status));
      } catch {
        this.add(day, [...fields]);
        this.logger.log('warn', 'field usage not reported; kept for the next report', { code: 'USAGE_NOT_REPORTED', day });
      }
    }
  }

  private add(day: string, fields: Iterable<[string, number]>) {
    let counts = this.counts.get(day);
    if (!counts) {
      this.counts.set(day, (counts = new Map()));
      const days = [...this.counts.keys()].sort();
      for (const old of days.slice(0, Math.max(0, days.length - KEPT_DAYS))) this.counts.delete(old);
    }
    for (const [coordinate, n] of fields) counts.set(coordinate, (counts.get(coordinate) ?? 0) + n);
  }
}

/** Counts every executed operation's fields, reports them every `flushIntervalMs` (default 10 s) and on stop. */
export function fieldUsagePlugin<TContext extends BaseContext>(usage: FieldUsage, flushIntervalMs = 10_000): ApolloServerPlugin<TContext> {
  return {
    async serverWillStart() {
      const timer = setInterval(() => void usage.flush(), flushIntervalMs);
      timer.unref();
      return {
        async serverWillStop() {
          clearInterval(timer);
          await usage.flush();
        },
      };
    },
    async requestDidStart() {
      return {
        async executionDidStart({ schema, source, document, operationName }) {
          usage.record(schema, source, document, operationName);
        },
      };
    },
  };
}
