import { LocalGraphQLDataSource, type GraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { parse, validate, type GraphQLSchema } from 'graphql';
import { ASSEMBLY, buildAssembly } from '../subgraphs/assembly/assembly-schema';
import { assemblySchema } from '../subgraphs/assembly/service';

/** Where the supergraph of version N says the assembly runs: inside the gateway, one address per version. */
const VERSIONED_URL = /^gateway-local:\/\/assembly\/v(\d+)$/;
export const assemblyUrlOf = (version: number) => `gateway-local://assembly/v${version}`;

/** Versions kept after a switch: requests planned on the previous graph may still be running. */
const KEPT = 3;

/**
 * The assembly subgraph of each supergraph version the gateway loads from the registry, run in the gateway's process.
 *
 * Why a URL per version: ApolloGateway keeps one data source per (name, url) and swaps its service map in place when a
 * supergraph loads. Had every version the same assembly URL, the first version's data source would serve them all (the
 * gateway would never ask for a new one), and a swapped-in-place holder would serve a plan of version N with the
 * assembly of N+1. With the assembly's URL rewritten to `gateway-local://assembly/vN` in the supergraph handed to the
 * gateway, each version gets its own data source, created with that version's assembly schema, and the gateway
 * changes its planner and its service map in the same synchronous update. A request reads the service map once, right
 * after it is planned, so it executes on the data sources of the version it was planned on — except a request planned
 * just before a switch whose service map is read just after it (the gateway awaits its plan cache in between). Such a
 * fetch may select what the new assembly no longer has: the new data source then hands a fetch its own schema cannot
 * validate to the previous version's, which planned it.
 */
export class AssemblyVersions {
  private readonly versions = new Map<number, VersionedAssembly>();

  /**
   * Builds the assembly of a registry version from its agencies' SDLs and returns the supergraph to load, with the
   * assembly's URL pointing at it. Throws when the agencies' SDLs cannot make an assembly: the version is not loaded.
   */
  prepare(version: number, supergraphSdl: string, agencySdls: Record<string, string>, retiredAgencies: string[] = []): string {
    const schema = assemblySchema(buildAssembly(agencySdls, { retiredAgencies }));
    const previous = this.latestBefore(version);
    this.versions.set(version, new VersionedAssembly(schema, previous));
    return withAssemblyUrl(supergraphSdl, assemblyUrlOf(version));
  }

  /** The version's assembly is not needed: its supergraph did not load. */
  discard(version: number): void {
    this.versions.delete(version);
  }

  /** The version is now served: older ones beyond the last few are let go (in-flight requests keep their references). */
  loaded(version: number): void {
    const older = [...this.versions.keys()].filter((v) => v < version).sort((a, b) => b - a);
    for (const v of older.slice(KEPT - 1)) this.versions.delete(v);
    this.versions.get(version)?.forgetPreviousBeyond(KEPT);
  }

  /** The data source for a versioned assembly URL; null for any other service. */
  dataSourceFor(name: string, url: string | undefined): GraphQLDataSource | null {
    const match = name === ASSEMBLY ? VERSIONED_URL.exec(url ?? '') : null;
    return match ? (this.versions.get(Number(match[1])) ?? null) : null;
  }

  private latestBefore(version: number): VersionedAssembly | null {
    const before = [...this.versions.keys()].filter((v) => v < version).sort((a, b) => b - a)[0];
    return before === undefined ? null : this.versions.get(before)!;
  }
}

/** The supergraph with the assembly's `@join__graph` URL replaced. */
export function withAssemblyUrl(supergraphSdl: string, url: string): string {
  return supergraphSdl.replace(/(@join__graph\(name: "assembly", url: )"[^"]*"/, `$1${JSON.stringify(url)}`);
}

class VersionedAssembly extends LocalGraphQLDataSource {
  /** Whether each fetch text seen fits this version's schema (the planner emits few distinct fetches). */
  private readonly fits = new Map<string, boolean>();

  constructor(
    schema: GraphQLSchema,
    private previous: VersionedAssembly | null,
  ) {
    super(schema);
  }

  override process(options: GraphQLDataSourceProcessOptions): ReturnType<LocalGraphQLDataSource['process']> {
    const query = options.request.query ?? '';
    if (this.previous && !this.fit(query)) return this.previous.process(options);
    return super.process(options);
  }

  /** Keeps `depth` versions in this chain (this one included): older ones can go. */
  forgetPreviousBeyond(depth: number): void {
    if (depth <= 1) this.previous = null;
    else this.previous?.forgetPreviousBeyond(depth - 1);
  }

  private fit(query: string): boolean {
    let fits = this.fits.get(query);
    if (fits === undefined) {
      try {
        fits = validate(this.schema, parse(query)).length === 0;
      } catch {
        fits = false;
      }
      if (this.fits.size < 1000) this.fits.set(query, fits);
    }
    return fits;
  }
}
