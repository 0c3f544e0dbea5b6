import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { composeSupergraphFromAgencySdls } from '../../subgraphs/assembly/composition';
import { openDatabase, type Database } from '../../subgraphs/kit/platform/database';
import { moduleEntities } from '../../subgraphs/kit/platform/subgraph';
import { committedRelease, installRelease, type ReleaseSchema } from '../../subgraphs/registry/founding/founding-graph';
import { GraphChangeKind, GraphVersion } from '../../subgraphs/registry/graph/graph-version.entity';
import { sha256 } from '../../subgraphs/registry/graph/graph-state';
import { RegisteredSubgraph, SubgraphStatus } from '../../subgraphs/registry/subgraph/registered-subgraph.entity';
import { SubgraphSchemaVersion } from '../../subgraphs/registry/subgraph/schema-version.entity';
import { registry } from '../../subgraphs/registry/subgraph';
import { createTestDatabase } from '../support/database';
import { culturePartnerSdl } from './partner-sdl';

let database: Database;
const em = () => database.orm.em.fork() as EntityManager;
const release = committedRelease();

beforeAll(async () => {
  database = await openDatabase({
    url: await createTestDatabase('registry_release'),
    entities: moduleEntities(registry),
    migrations: registry.migrations,
  });
  await database.migrate();
});
afterAll(() => database?.close());

/** A partner published on the founding graph, written as publishSubgraph would have. */
async function publishCulture(sdl: string) {
  const tx = em();
  const head = (await tx.findOne(GraphVersion, { number: 1 }))!;
  const culture = tx.create(RegisteredSubgraph, {
    id: randomUUID(),
    name: 'culture',
    url: 'http://culture.example/graphql',
    agency: 'CULTURE',
    ownerOrganizationId: randomUUID(),
    publicKeySet: null,
    status: SubgraphStatus.ACTIVE,
    statusReason: null,
    founding: false,
    createdAt: new Date(),
    createdBy: 'admin',
  });
  const version = tx.create(SubgraphSchemaVersion, {
    id: randomUUID(),
    subgraph: culture,
    sdl,
    revision: 1,
    sdlSha256: sha256(sdl),
    url: culture.url,
    publishedBy: 'admin',
    publishedAt: new Date(),
    reason: 'joins',
    idempotencyKey: null,
  });
  const agencySdls = { ...head.agencySdls, culture: sdl };
  const composed = await composeSupergraphFromAgencySdls(agencySdls, { culture: culture.url });
  tx.create(GraphVersion, {
    ...composed,
    number: 2,
    kind: GraphChangeKind.PUBLISH,
    subgraphName: 'culture',
    changedBy: 'admin',
    changedAt: new Date(),
    reason: 'joins',
    supergraphSha256: sha256(composed.supergraphSdl),
    members: { ...head.members, culture: version.id },
    agencySdls,
    retired: [],
    rolledBackTo: null,
  });
  await tx.flush();
}

const withHealth = (health: string): ReleaseSchema => ({ ...release, agencySdls: { ...release.agencySdls, health } });

test('the first start records the founding graph from the committed schema; a start with the same release records nothing', async () => {
  const founding = await installRelease(em(), release);
  expect(founding).toMatchObject({ number: 1, kind: 'FOUNDING', changedBy: 'hub-release', supergraphSdl: release.supergraphSdl });
  expect(Object.keys(founding!.members).sort()).toEqual(Object.keys(release.agencySdls).sort());
  expect(await installRelease(em(), release)).toBeNull();
  expect(await em().count(RegisteredSubgraph, { founding: true })).toBe(Object.keys(release.agencySdls).length);
});

test('a release that changes a founding schema is recorded with the partners that still compose, and suspends one that does not', async () => {
  await publishCulture(await culturePartnerSdl());
  const health = release.agencySdls.health.replace('"""The id of the person in the hub."""', '"""The hub id of the person."""');
  const kept = await installRelease(em(), withHealth(health));
  expect(kept).toMatchObject({ number: 3, kind: 'RELEASE', reason: 'A hub release changed health' });
  expect(Object.keys(kept!.agencySdls)).toContain('culture');
  expect(kept!.supergraphSdl).toContain('http://culture.example/graphql');

  // The next release declares a field the partner already contributes: the partner no longer composes with it.
  const clash = health.replace(/(type Person\n {2}@key\(fields: "id"\)\n\{)/, '$1\n  """Taken."""\n  cultureRoute: Int\n');
  const suspended = await installRelease(em(), withHealth(clash));
  expect(suspended).toMatchObject({ number: 4, kind: 'RELEASE' });
  expect(suspended!.agencySdls.culture).toBeUndefined();
  const culture = await em().findOneOrFail(RegisteredSubgraph, { name: 'culture' });
  expect(culture.status).toBe(SubgraphStatus.SUSPENDED);
  expect(culture.statusReason).toMatch(/Does not compose with the hub release/);
}, 120_000);
