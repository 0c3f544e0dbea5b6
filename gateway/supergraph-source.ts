import type { SupergraphManager, SupergraphSdlUpdateFunction } from '@apollo/gateway';
import type { Logger } from '../subgraphs/kit/platform/logging';

/** Where the gateway follows the hub's schema registry (issue 16 §3). */
export interface RegistrySettings {
  /** The registry's base URL (its `/graphql` endpoint is accepted too): the gateway polls `<base>/supergraph`. */
  url: string;
  /** How often the gateway asks for a newer version (default 1000 ms). */
  pollIntervalMs?: number;
  /** How often the gateway reports field usage to `<base>/usage` (default 10 000 ms; also when it stops). */
  usageFlushIntervalMs?: number;
}

/** One supergraph version as the registry publishes it at `GET /supergraph`. */
export interface PublishedSupergraph {
  version: number;
  supergraphSdl: string;
  /** Every subgraph's SDL but the assembly's: the gateway builds that version's assembly from them. */
  agencySdls: Record<string, string>;
  /** Agency codes of retired partners: shown in routes as a named gap. */
  retired: string[];
}

export interface SupergraphLoading {
  /** Makes what a version needs besides its supergraph (its assembly) and returns the supergraph to load; may throw. */
  prepare(published: PublishedSupergraph): string;
  /** The version did not load: what `prepare` made for it goes. */
  discard(version: number): void;
  /** The version is now served. */
  loaded(version: number): void;
}

/** The registry's URL for a path next to its GraphQL endpoint (`/supergraph`, `/usage`). */
export function registryEndpoint(settings: RegistrySettings, path: string): string {
  const base = settings.url.replace(/\/graphql\/?$/, '').replace(/\/+$/, '');
  return `${base}/${path}`;
}

const FETCH_TIMEOUT_MS = 5000;

/**
 * Feeds ApolloGateway the supergraph the registry publishes: the first version at start (or the static supergraph
 * when the registry does not answer then), and each newer version as polling finds it. A version that cannot be
 * loaded (its assembly cannot be built, or the gateway refuses its supergraph) is logged by code and skipped: the
 * gateway keeps serving the last good one, and a bad supergraph never replaces it. The gateway swaps its schema,
 * planner and data sources in one synchronous update, so a request is planned and executed on one version.
 */
export class RegistrySupergraphSource implements SupergraphManager {
  /** The registry version being served; null while the static supergraph is. */
  version: number | null = null;
  /** The last version refused: not tried again until the registry publishes another. */
  private refused: number | null = null;
  /** The supergraph of `version`, as handed to the gateway. */
  private loadedSdl: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private inFlight: AbortController | null = null;
  private stopped = false;
  /** Whether the last poll got no answer: an outage is logged when it starts and when it ends, not every poll. */
  private unreachable = false;

  constructor(
    private readonly settings: RegistrySettings,
    private readonly staticSupergraphSdl: string,
    private readonly loading: SupergraphLoading,
    private readonly logger: Logger,
  ) {}

  async initialize({ update }: { update: SupergraphSdlUpdateFunction }) {
    let supergraphSdl = this.staticSupergraphSdl;
    const first = await this.fetchNewer();
    // The first version goes through the same guarded update as the next ones: ApolloGateway fails to start on a
    // supergraph it refuses in what initialize returns, and the hub starts on its static supergraph instead.
    if (first && this.apply(first, update)) supergraphSdl = this.loadedSdl!;
    this.schedule(update);
    return {
      supergraphSdl,
      cleanup: async () => {
        this.stopped = true;
        if (this.timer) clearTimeout(this.timer);
        this.inFlight?.abort();
      },
    };
  }

  private schedule(update: SupergraphSdlUpdateFunction) {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.poll(update).finally(() => this.schedule(update)), this.settings.pollIntervalMs ?? 1000);
    // Polling alone never keeps the process alive; the gateway's server does.
    this.timer.unref();
  }

  private async poll(update: SupergraphSdlUpdateFunction) {
    const published = await this.fetchNewer();
    if (published && !this.stopped) this.apply(published, update);
  }

  /** Loads a version unless it is the one served or the one refused last; false when it does not load. */
  private apply(published: PublishedSupergraph, update: SupergraphSdlUpdateFunction): boolean {
    if (published.version === this.version || published.version === this.refused) return false;
    let supergraphSdl: string;
    try {
      supergraphSdl = this.loading.prepare(published);
    } catch {
      this.refuse(published.version, 'SUPERGRAPH_VERSION_UNUSABLE');
      return false;
    }
    try {
      update(supergraphSdl);
    } catch {
      this.loading.discard(published.version);
      this.refuse(published.version, 'SUPERGRAPH_REFUSED');
      return false;
    }
    const previous = this.version;
    this.version = published.version;
    this.loadedSdl = supergraphSdl;
    this.loading.loaded(published.version);
    this.logger.log('info', 'supergraph version loaded', { version: published.version, previous });
    return true;
  }

  private refuse(version: number, code: string) {
    this.refused = version;
    // Codes only: the composer's or the gateway's message may quote the schema at length.
    this.logger.log('error', 'supergraph version not loaded; serving the last good one', { version, code, serving: this.version });
  }

  /** The registry's newer version, or null (it has none, it does not answer, or it answered something else). */
  private async fetchNewer(): Promise<PublishedSupergraph | null> {
    const url = new URL(registryEndpoint(this.settings, 'supergraph'));
    if (this.version !== null) url.searchParams.set('known', String(this.version));
    this.inFlight = new AbortController();
    const timeout = setTimeout(() => this.inFlight?.abort(), FETCH_TIMEOUT_MS);
    try {
      const response = await fetch(url, { signal: this.inFlight.signal });
      if (response.status !== 200 && response.status !== 204) {
        this.registryDown(response.status);
        return null;
      }
      if (this.unreachable) this.logger.log('info', 'registry answers again', { serving: this.version });
      this.unreachable = false;
      if (response.status === 204) return null;
      const body = (await response.json()) as Partial<PublishedSupergraph>;
      if (!isPublished(body)) {
        this.logger.log('warn', 'registry answered something that is not a supergraph version', { code: 'REGISTRY_BAD_ANSWER' });
        return null;
      }
      return body;
    } catch {
      if (!this.stopped) this.registryDown(null);
      return null;
    } finally {
      clearTimeout(timeout);
      this.inFlight = null;
    }
  }

  private registryDown(status: number | null) {
    if (!this.unreachable)
      this.logger.log('warn', 'registry unreachable; serving the last good supergraph', {
        code: 'REGISTRY_UNAVAILABLE',
        status,
        serving: this.version,
      });
    this.unreachable = true;
  }
}

function isPublished(body: Partial<PublishedSupergraph> | null): body is PublishedSupergraph {
  return (
    !!body &&
    Number.isInteger(body.version) &&
    typeof body.supergraphSdl === 'string' &&
    !!body.agencySdls &&
    typeof body.agencySdls === 'object' &&
    Object.values(body.agencySdls).every((sdl) => typeof sdl === 'string') &&
    (body.retired === undefined || (Array.isArray(body.retired) && body.retired.every((code) => typeof code === 'string')))
  );
}
