import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { IdentitySigner } from '../../subgraphs/kit/platform/identity';
import { today } from '../../subgraphs/kit/platform/clock';
import { globalId } from '../../subgraphs/kit/platform/global-id';
import { SubgraphSchemaVersion } from '../../subgraphs/registry/subgraph/schema-version.entity';
import { startTestHub, type TestHub } from '../support/hub';
import { culturePartnerSdl } from './partner-sdl';

/** A partner's service as the registry sees it: a plain HTTP server answering `_service { sdl }` with what it is given. */
async function startPartner(sdl: string, answerAfter: Promise<unknown> = Promise.resolve()) {
  const partner = { sdl, url: '', server: http.createServer() };
  partner.server.on('request', (_req, res) => {
    void answerAfter.then(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { _service: { sdl: partner.sdl } } }));
    });
  });
  await new Promise<void>((resolve) => partner.server.listen(0, '127.0.0.1', resolve));
  partner.url = `http://127.0.0.1:${(partner.server.address() as AddressInfo).port}/graphql`;
  return partner;
}

/** A Query field of the partner's own, which later versions drop (a breaking change, used or not). */
const withEventTitles = (sdl: string) =>
  `${sdl}\n"""The partner's own queries."""\ntype Query {\n  """Titles of the inclusive events this season."""\n  cultureEventTitles: [String!]\n}\n`;

const USER_ERRORS = 'userErrors { code message field rule }';
const CHECK = `check { passed composition { subgraph type field message } breakingChanges { kind coordinate message blocking }
  conventions { rule type field message } reachability { reachable sdlMatches problem } warnings }`;
const PUBLISH = `mutation ($input: PublishSubgraphInput!) { publishSubgraph(input: $input) {
  subgraph { name url agency status founding ownerOrganizationId } graphVersion { number kind subgraphName changedBy reason }
  ${CHECK} ${USER_ERRORS} } }`;
const CHECK_QUERY = `query ($input: SubgraphSchemaInput!) { checkSubgraph(input: $input) {
  passed composition { message } breakingChanges { kind coordinate blocking } conventions { rule field } reachability { reachable problem } warnings } }`;

describe('the schema registry, through the gateway as an administrator', () => {
  let hub: TestHub;
  let admin: string;
  let registryBase: string;
  let baseSdl: string;
  let partner: Awaited<ReturnType<typeof startPartner>>;
  const ownerUuid = randomUUID();
  const owner = globalId('Organization', ownerUuid);

  const publish = async (input: Record<string, unknown>) => {
    const answer = await hub.query(admin, PUBLISH, {
      input: { name: 'culture', url: partner.url, ownerOrganizationId: owner, reason: 'test', ...input },
    });
    expect(answer.errors).toBeUndefined();
    return answer.data!.publishSubgraph;
  };
  const check = async (input: Record<string, unknown>) => {
    const answer = await hub.query(admin, CHECK_QUERY, { input: { name: 'culture', url: partner.url, ...input } });
    expect(answer.errors).toBeUndefined();
    return answer.data!.checkSubgraph;
  };
  const usage = (body: string, signed = true) => {
    const signer = new IdentitySigner(hub.keys.gateway.privateJwk);
    const identity = {
      subject: 'gateway',
      role: 'ADMINISTRATOR',
      organizationId: null,
      territoryOktmo: null,
      agency: null,
      grants: [],
      requestId: randomUUID(),
    };
    return fetch(`${registryBase}/usage`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(signed ? { 'x-hub-identity': signer.sign(identity as never, 'registry', body) } : {}),
      },
      body,
    });
  };

  beforeAll(async () => {
    hub = await startTestHub({ demoData: false });
    admin = await hub.token({ role: 'ADMINISTRATOR' });
    registryBase = hub.subgraphs.registry.url.replace(/\/graphql$/, '');
    baseSdl = withEventTitles(await culturePartnerSdl());
    partner = await startPartner(baseSdl);
  }, 120_000);
  afterAll(async () => {
    await new Promise((resolve) => partner?.server.close(resolve));
    await hub?.stop();
  });

  it('knows the founding subgraphs and the founding graph from the start, and is closed to every other role', async () => {
    const listed = await hub.query(
      admin,
      '{ registeredSubgraphs(first: 20) { totalCount edges { node { name agency founding status } } } }',
    );
    expect(listed.data!.registeredSubgraphs.edges.map((e: any) => e.node.name)).toEqual([
      'education',
      'employment',
      'health',
      'registry',
      'rental-fund',
      'social-protection',
    ]);
    expect(listed.data!.registeredSubgraphs.edges.every((e: any) => e.node.founding && e.node.status === 'ACTIVE')).toBe(true);
    const history = await hub.query(admin, '{ graphHistory { edges { node { number kind changedBy } } } }');
    expect(history.data!.graphHistory.edges.map((e: any) => e.node)).toEqual([{ number: 1, kind: 'FOUNDING', changedBy: 'hub-release' }]);

    const coordinator = await hub.token({ role: 'COORDINATOR' });
    const refused = await hub.query(coordinator, '{ registeredSubgraphs { totalCount } }');
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('checks and publishes a partner that follows the conventions, then answers a repeat with the same version', async () => {
    const report = await check({});
    expect(report).toMatchObject({
      passed: true,
      composition: [],
      conventions: [],
      breakingChanges: [],
      reachability: { reachable: true, problem: null },
    });

    const published = await publish({ reason: 'Culture joins the hub' });
    expect(published.userErrors).toEqual([]);
    expect(published.subgraph).toEqual({
      name: 'culture',
      url: partner.url,
      agency: 'CULTURE',
      status: 'ACTIVE',
      founding: false,
      ownerOrganizationId: owner,
    });
    expect(published.graphVersion).toEqual({
      number: 2,
      kind: 'PUBLISH',
      subgraphName: 'culture',
      changedBy: 'test-administrator',
      reason: 'Culture joins the hub',
    });

    const again = await publish({ sdl: baseSdl, reason: 'again' });
    expect(again.graphVersion.number).toBe(2);
    const supergraph = await fetch(`${registryBase}/supergraph`).then((r) => r.json());
    expect(supergraph).toMatchObject({ version: 2, retired: [] });
    expect(Object.keys(supergraph.agencySdls).sort()).toContain('culture');
    expect(supergraph.supergraphSdl).toContain(partner.url);
    expect((await fetch(`${registryBase}/supergraph?known=2`)).status).toBe(204);
  }, 60_000);

  it('refuses bad input, unknown subgraphs, taken names and founding agencies with coded userErrors', async () => {
    expect((await publish({ sdl: 'type Query {' })).userErrors).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'sdl'] }),
    ]);
    expect((await publish({ ownerOrganizationId: globalId('Organization', randomUUID()) })).userErrors).toEqual([
      expect.objectContaining({ code: 'CONFLICT', field: ['input', 'name'] }),
    ]);
    expect((await publish({ name: 'Culture!' })).userErrors).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'name'] }),
    ]);
    expect((await publish({ name: 'health' })).userErrors).toEqual([
      expect.objectContaining({ code: 'CONFLICT', field: ['input', 'name'] }),
    ]);
    const retire = await hub.query(
      admin,
      `mutation { retireSubgraph(input: { name: "theatre", reason: "x" }) { subgraph { name } ${USER_ERRORS} } }`,
    );
    expect(retire.data!.retireSubgraph.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    const founding = await hub.query(admin, `mutation { retireSubgraph(input: { name: "health", reason: "x" }) { ${USER_ERRORS} } }`);
    expect(founding.data!.retireSubgraph.userErrors).toEqual([expect.objectContaining({ code: 'RULE_VIOLATION' })]);
  });

  it('refuses what the checks refuse with CHECK_FAILED naming the check, and writes nothing', async () => {
    const unreachable = await publish({ url: 'http://127.0.0.1:9/graphql', sdl: baseSdl });
    expect(unreachable.userErrors).toEqual([expect.objectContaining({ code: 'CHECK_FAILED', rule: 'reachability' })]);
    expect(unreachable.check.reachability).toMatchObject({ reachable: false, problem: expect.stringMatching(/does not answer/) });

    const differs = await publish({ sdl: baseSdl.replace('Titles of the inclusive events', 'Titles') });
    expect(differs.userErrors[0]).toMatchObject({ code: 'CHECK_FAILED', rule: 'reachability' });

    const unguarded = baseSdl.replace(/(type Person\n {2}@key\(fields: "id"\)\n\{)/, '$1\n  """A diagnosis."""\n  diagnosis: String\n');
    partner.sdl = unguarded;
    const conventions = await publish({});
    expect(conventions.userErrors[0]).toMatchObject({ code: 'CHECK_FAILED', rule: 'conventions' });
    expect(conventions.check.conventions).toEqual([expect.objectContaining({ rule: 'CONVENTIONS §3', field: 'diagnosis' })]);

    const clash = baseSdl.replace(
      /(type Person\n {2}@key\(fields: "id"\)\n\{)/,
      '$1\n  """Clash."""\n  firstName: Int @requires(fields: "agencyAccess { inScope consentedAgencies grant }")\n',
    );
    partner.sdl = clash;
    const composition = await check({});
    expect(composition.passed).toBe(false);
    expect(composition.composition.length).toBeGreaterThan(0);
    partner.sdl = baseSdl;

    const history = await hub.query(admin, '{ graphHistory { totalCount } }');
    expect(history.data!.graphHistory.totalCount).toBe(2);
  }, 60_000);

  it('allows a breaking change nobody used, with a warning, and refuses it once operations used the field', async () => {
    const dropped = await culturePartnerSdl();
    partner.sdl = dropped;
    const unused = await check({});
    expect(unused.passed).toBe(true);
    expect(unused.breakingChanges).toEqual(
      expect.arrayContaining([{ kind: 'FIELD_REMOVED', coordinate: 'Query.cultureEventTitles', blocking: false }]),
    );
    expect(unused.warnings.join('\n')).toMatch(/Query.cultureEventTitles/);

    expect((await usage(JSON.stringify({ day: today(), fields: { 'Query.cultureEventTitles': 2 } }), false)).status).toBe(401);
    expect((await usage(JSON.stringify({ day: 'yesterday', fields: {} }))).status).toBe(400);
    const recorded = await usage(JSON.stringify({ day: today(), fields: { 'Query.cultureEventTitles': 2 } }));
    expect(recorded.status).toBe(200);

    const used = await publish({});
    expect(used.userErrors[0]).toMatchObject({ code: 'CHECK_FAILED', rule: 'breakingChanges' });
    expect(used.check.breakingChanges).toEqual(
      expect.arrayContaining([expect.objectContaining({ coordinate: 'Query.cultureEventTitles', blocking: true })]),
    );
    partner.sdl = baseSdl;
  }, 60_000);

  it('lets one of two racing publishes win; the other gets CONFLICT and leaves nothing behind', async () => {
    // Each partner answers once both were asked: both publishes have read the same head by then.
    const asked: (() => void)[] = [];
    const bothAsked = Promise.all([0, 1].map((i) => new Promise<void>((resolve) => (asked[i] = resolve))));
    const one = await startPartner(baseSdl.replace('Titles of the inclusive events', 'Titles (one)'), bothAsked);
    const two = await startPartner(baseSdl.replace('Titles of the inclusive events', 'Titles (two)'), bothAsked);
    one.server.prependListener('request', () => asked[0]());
    two.server.prependListener('request', () => asked[1]());
    try {
      const em = hub.subgraphs.registry.database.orm.em.fork();
      const before = await em.count(SubgraphSchemaVersion, { subgraph: { name: 'culture' } });
      const answers = await Promise.all([publish({ url: one.url, reason: 'one' }), publish({ url: two.url, reason: 'two' })]);
      const codes = answers.map((a) => a.userErrors[0]?.code ?? 'OK').sort();
      expect(codes).toEqual(['CONFLICT', 'OK']);
      expect(await em.count(SubgraphSchemaVersion, { subgraph: { name: 'culture' } })).toBe(before + 1);
      const history = await hub.query(admin, '{ graphHistory(first: 1) { edges { node { number kind } } } }');
      expect(history.data!.graphHistory.edges[0].node).toEqual({ number: 3, kind: 'PUBLISH' });
    } finally {
      await new Promise((resolve) => one.server.close(resolve));
      await new Promise((resolve) => two.server.close(resolve));
    }
  }, 60_000);

  it('retires a partner, rolls the graph back, and tells who changed the graph, when and why', async () => {
    const retired = await hub.query(
      admin,
      `mutation { retireSubgraph(input: { name: "culture", reason: "Agreement ended" }) { subgraph { name status statusReason } graphVersion { number kind } ${USER_ERRORS} } }`,
    );
    expect(retired.data!.retireSubgraph).toEqual({
      subgraph: { name: 'culture', status: 'RETIRED', statusReason: 'Agreement ended' },
      graphVersion: { number: 4, kind: 'RETIRE' },
      userErrors: [],
    });
    const supergraph = await fetch(`${registryBase}/supergraph?known=3`).then((r) => r.json());
    expect(supergraph).toMatchObject({ version: 4, retired: ['CULTURE'] });
    expect(supergraph.agencySdls.culture).toBeUndefined();
    expect((await publish({})).userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'name'] })]);

    const rollback = await hub.query(
      admin,
      `mutation { rollbackGraph(input: { reason: "Retired by mistake" }) { graphVersion { number kind rolledBackTo } ${USER_ERRORS} } }`,
    );
    expect(rollback.data!.rollbackGraph).toEqual({ graphVersion: { number: 5, kind: 'ROLLBACK', rolledBackTo: 3 }, userErrors: [] });
    const culture = await hub.query(admin, '{ registeredSubgraph(name: "culture") { status latestSchema { publishedBy reason } } }');
    expect(culture.data!.registeredSubgraph).toEqual({
      status: 'ACTIVE',
      latestSchema: { publishedBy: 'test-administrator', reason: expect.stringMatching(/^(one|two)$/) },
    });
    const members = await hub.query(
      admin,
      '{ graphHistory(first: 1) { edges { node { members { name schemaVersion { sdlSha256 } } } } } }',
    );
    expect(members.data!.graphHistory.edges[0].node.members.map((m: any) => m.name)).toEqual([
      'culture',
      'education',
      'employment',
      'health',
      'registry',
      'rental-fund',
      'social-protection',
    ]);
    const missing = await hub.query(admin, `mutation { rollbackGraph(input: { toVersion: 99, reason: "x" }) { ${USER_ERRORS} } }`);
    expect(missing.data!.rollbackGraph.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);

    const history = await hub.query(
      admin,
      '{ graphHistory(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { number kind changedBy reason changedAt } } } }',
    );
    const page = history.data!.graphHistory;
    expect(page.totalCount).toBe(5);
    expect(page.edges.map((e: any) => [e.node.number, e.node.kind, e.node.changedBy, e.node.reason])).toEqual([
      [5, 'ROLLBACK', 'test-administrator', 'Retired by mistake'],
      [4, 'RETIRE', 'test-administrator', 'Agreement ended'],
    ]);
    const next = await hub.query(
      admin,
      '{ graphHistory(first: 5, after: "' + page.pageInfo.endCursor + '") { edges { node { number } } } }',
    );
    expect(next.data!.graphHistory.edges.map((e: any) => e.node.number)).toEqual([3, 2, 1]);
  }, 60_000);
});
