import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { composeSupergraphFromAgencySdls, type Composition } from '../../assembly/composition';
import { committedAgencySdls } from '../../assembly/index';
import { now } from '../../kit/platform/clock';
import { upperSnake } from '../../conventions/tags';
import { composedUrl } from '../../assembly/ports';
import { GraphChangeKind, GraphVersion } from '../graph/graph-version.entity';
import { sha256 } from '../graph/graph-state';
import { RegisteredSubgraph, SubgraphStatus } from '../subgraph/registered-subgraph.entity';
import { SubgraphSchemaVersion } from '../subgraph/schema-version.entity';

/** Who founding versions and releases are recorded as changed by. */
export const HUB_RELEASE = 'hub-release';

export const SCHEMA_DIR = path.resolve(__dirname, '..', '..', '..', 'schema');

/** The committed schema of this release: the founding agencies' SDLs and what they compose to. */
export interface ReleaseSchema {
  agencySdls: Record<string, string>;
  supergraphSdl: string;
  apiSchemaSdl: string;
}

export function committedRelease(schemaDir = SCHEMA_DIR): ReleaseSchema {
  return {
    agencySdls: committedAgencySdls(schemaDir),
    supergraphSdl: fs.readFileSync(path.join(schemaDir, 'supergraph.graphql'), 'utf8'),
    apiSchemaSdl: fs.readFileSync(path.join(schemaDir, 'api.graphql'), 'utf8'),
  };
}

/**
 * Makes sure the founding agencies are registered with this release's SDLs. The first start records version 1,
 * FOUNDING, from the committed supergraph (no composition: every test hub starts the registry). A release that
 * changed a founding SDL is recorded as a RELEASE version composed with the active partners; a partner that no longer
 * composes with it is suspended, with the reason, and the graph goes on without it.
 */
export async function installRelease(em: EntityManager, release: ReleaseSchema = committedRelease()): Promise<GraphVersion | null> {
  return em.transactional(async (tx) => {
    const at = now();
    const registered = new Map((await tx.find(RegisteredSubgraph, { founding: true })).map((s) => [s.name, s]));
    const versions = await tx.find(SubgraphSchemaVersion, { subgraph: { founding: true } }, { orderBy: { revision: 'desc' } });
    const latest = new Map<string, SubgraphSchemaVersion>();
    for (const v of versions) if (!latest.has(v.subgraph.name)) latest.set(v.subgraph.name, v);
    const changed: string[] = [];
    for (const [name, sdl] of Object.entries(release.agencySdls)) {
      let subgraph = registered.get(name);
      if (!subgraph) {
        subgraph = tx.create(RegisteredSubgraph, {
          id: randomUUID(),
          name,
          url: composedUrl(name),
          agency: upperSnake(name),
          ownerOrganizationId: null,
          publicKeySet: null,
          status: SubgraphStatus.ACTIVE,
          statusReason: null,
          founding: true,
          createdAt: at,
          createdBy: HUB_RELEASE,
        });
      }
      if (latest.get(name)?.sdlSha256 === sha256(sdl)) continue;
      latest.set(
        name,
        tx.create(SubgraphSchemaVersion, {
          id: randomUUID(),
          subgraph,
          sdl,
          revision: (latest.get(name)?.revision ?? 0) + 1,
          sdlSha256: sha256(sdl),
          url: subgraph.url,
          publishedBy: HUB_RELEASE,
          publishedAt: at,
          reason: 'Installed with a hub release',
          idempotencyKey: null,
        }),
      );
      changed.push(name);
    }
    await tx.flush();
    const [head] = await tx.find(GraphVersion, {}, { orderBy: { number: 'desc' }, limit: 1 });
    const foundingMembers = Object.fromEntries(Object.keys(release.agencySdls).map((name) => [name, latest.get(name)!.id]));
    if (!head) {
      return tx.create(GraphVersion, {
        number: 1,
        kind: GraphChangeKind.FOUNDING,
        subgraphName: null,
        changedBy: HUB_RELEASE,
        changedAt: at,
        reason: 'The graph the hub was installed with',
        supergraphSdl: release.supergraphSdl,
        apiSchemaSdl: release.apiSchemaSdl,
        supergraphSha256: sha256(release.supergraphSdl),
        members: foundingMembers,
        agencySdls: release.agencySdls,
        retired: [],
        rolledBackTo: null,
      });
    }
    if (!changed.length) return null;
    const partners = await tx.find(RegisteredSubgraph, { founding: false, status: SubgraphStatus.ACTIVE }, { orderBy: { name: 'asc' } });
    const members: Record<string, string> = { ...foundingMembers };
    const agencySdls: Record<string, string> = { ...release.agencySdls };
    const urls: Record<string, string> = {};
    let composition: Composition | null = null;
    for (const partner of partners) {
      const sdl = head.agencySdls[partner.name];
      if (!sdl) continue;
      try {
        composition = await composeSupergraphFromAgencySdls(
          { ...agencySdls, [partner.name]: sdl },
          { ...urls, [partner.name]: partner.url },
        );
        agencySdls[partner.name] = sdl;
        urls[partner.name] = partner.url;
        members[partner.name] = head.members[partner.name];
      } catch (error) {
        partner.status = SubgraphStatus.SUSPENDED;
        partner.statusReason = `Does not compose with the hub release installed at ${at.toISOString()}: ${(error as Error).message}`;
      }
    }
    // With no partner left in, the committed supergraph is what the founding agencies compose to.
    const graph = Object.keys(urls).length ? composition! : { supergraphSdl: release.supergraphSdl, apiSchemaSdl: release.apiSchemaSdl };
    return tx.create(GraphVersion, {
      number: head.number + 1,
      kind: GraphChangeKind.RELEASE,
      subgraphName: null,
      changedBy: HUB_RELEASE,
      changedAt: at,
      reason: `A hub release changed ${changed.join(', ')}`,
      supergraphSdl: graph.supergraphSdl,
      apiSchemaSdl: graph.apiSchemaSdl,
      supergraphSha256: sha256(graph.supergraphSdl),
      members,
      agencySdls,
      retired: head.retired,
      rolledBackTo: null,
    });
  });
}
