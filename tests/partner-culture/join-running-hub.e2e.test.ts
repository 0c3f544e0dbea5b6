import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDevKeys, writePublicKeySets } from '../../gateway/dev-keys';
import { daysFromToday } from '../../subgraphs/kit/demo/dates';
import { DEMO_FAMILIES, DEMO_PEOPLE } from '../../subgraphs/kit/demo/people';
import { DEMO_ORGANIZATIONS } from '../../subgraphs/kit/demo/organizations';
import { globalId } from '../../subgraphs/kit/platform/global-id';
import { Consent } from '../../subgraphs/social-protection/consent/consent.entity';
import { SECTIONS } from '../../examples/partner-culture/src/sections/reference-data';
import { startTestHub, type TestHub } from '../support/hub';
import { startPartnerProcess, type PartnerProcess } from './partner-process';

/**
 * Issue 16, "done when": the example partner, started as its own process, is checked, published, shown in the demo
 * family's route, updated (a new deployment at another address) and retired through the registry and the CLI while
 * the hub serves a continuous load of family routes — and not one of those requests fails.
 */
const ROOT = path.join(__dirname, '../..');
const ROUTE = `query { family(id: "${globalId('Family', DEMO_FAMILIES.ivanov)}") { route { agencies steps { agency kind } gaps { agency code } } } }`;

let hub: TestHub;
let keyDir: string;
const partners: PartnerProcess[] = [];
let databaseUrl: string;

beforeAll(async () => {
  const keys = await generateDevKeys();
  keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'partner-keys-'));
  writePublicKeySets(keyDir, keys);
  databaseUrl = `${process.env.HUB_TEST_POSTGRES_URL}/partner_culture_${randomBytes(4).toString('hex')}`;
  partners.push(await startPartnerProcess({ databaseUrl, keyDir }));
  hub = await startTestHub({ keys, followOwnRegistry: { pollIntervalMs: 200 } });
  // Artyom's mother extends the family's consent to the partner agency (the consent screen's mutation is tested elsewhere).
  await hub.subgraphs['social-protection'].database.orm.em.fork().insert(Consent, {
    id: randomUUID(),
    person: DEMO_PEOPLE.artyomIvanov.id,
    agencies: ['CULTURE'],
    givenOn: daysFromToday(-30),
    expiresOn: null,
    revokedOn: null,
    signedByPersonId: DEMO_PEOPLE.elenaIvanova.id,
  });
}, 120_000);

afterAll(async () => {
  await hub?.stop();
  for (const partner of partners) await partner.stop();
  if (keyDir) fs.rmSync(keyDir, { recursive: true, force: true });
});

/** `npm run hub -- subgraph …` as an administrator runs it: its own process, talking to the gateway. */
function hubCli(token: string, ...args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', 'scripts/hub.ts', 'subgraph', ...args, '--gateway', hub.gatewayUrl],
      {
        cwd: ROOT,
        env: { ...process.env, HUB_TOKEN: token },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stdout }));
  });
}

async function servedVersion(): Promise<number | null> {
  const health = (await fetch(hub.gatewayUrl.replace(/\/graphql$/, '/health')).then((r) => r.json())) as {
    supergraphVersion: number | null;
  };
  return health.supergraphVersion;
}

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 8000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('a partner process is checked, published, seen in the route, updated and retired under load with zero failed requests', async () => {
  const admin = await hub.token({ role: 'ADMINISTRATOR' });
  const coordinator = await hub.token({ role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id });
  const owner = globalId('Organization', DEMO_ORGANIZATIONS.irkutskOperator.id);

  // A continuous load of family routes through the gateway for the whole scenario.
  const failures: string[] = [];
  let answered = 0;
  let loading = true;
  const cultureSteps = { seen: 0 };
  const loop = async () => {
    while (loading) {
      const result = await hub.query(coordinator, ROUTE).catch((e: Error) => ({ status: 0, errors: [{ message: e.message }], data: null }));
      answered += 1;
      if (result.status !== 200 || result.errors) failures.push(`${result.status} ${JSON.stringify(result.errors)}`);
      else cultureSteps.seen = result.data?.family.route.steps.filter((s: { agency: string }) => s.agency === 'CULTURE').length ?? 0;
    }
  };
  const load = [loop(), loop(), loop(), loop()];
  try {
    const before = await servedVersion();

    const checked = await hubCli(admin, 'check', '--name', 'culture', '--url', partners[0].url);
    expect([checked.code, checked.stdout]).toEqual([0, expect.any(String)]);

    const published = await hubCli(
      admin,
      'publish',
      '--name',
      'culture',
      '--url',
      partners[0].url,
      '--owner',
      owner,
      '--reason',
      'Договор о сотрудничестве',
    );
    expect([published.code, published.stdout]).toEqual([0, expect.any(String)]);
    await until('the gateway to load the published graph', async () => ((await servedVersion()) ?? 0) > (before ?? 0));

    // The partner's specialist enrols the demo child; the steps appear in the family route.
    const enrolled = await hub.query(
      await hub.token({ role: 'SPECIALIST', agency: 'CULTURE' }),
      `mutation($input: EnrolInSectionInput!) { enrolInSection(input: $input) { userErrors { code } } }`,
      {
        input: {
          personId: globalId('Person', DEMO_PEOPLE.artyomIvanov.id),
          sectionId: SECTIONS[0].id,
          enrolledOn: daysFromToday(-3),
          idempotencyKey: 'join-running-hub-1',
        },
      },
    );
    expect(enrolled.errors).toBeUndefined();
    expect(enrolled.data?.enrolInSection.userErrors).toEqual([]);
    await until('culture steps in the family route', async () => cultureSteps.seen > 0);

    // An update: the partner deploys a new instance elsewhere and publishes its address; the old one is stopped after.
    partners.push(await startPartnerProcess({ databaseUrl, keyDir }));
    const published1 = await servedVersion();
    const updated = await hubCli(admin, 'publish', '--name', 'culture', '--url', partners[1].url, '--reason', 'Новый сервер');
    expect([updated.code, updated.stdout]).toEqual([0, expect.any(String)]);
    await until('the gateway to load the update', async () => ((await servedVersion()) ?? 0) > (published1 ?? 0));
    // Requests planned on the previous version may still be on their way to the old instance: it is stopped once they are done.
    await new Promise((r) => setTimeout(r, 2000));
    await partners[0].stop();
    const afterUpdate = await hub.query(coordinator, ROUTE);
    expect(afterUpdate.data?.family.route.steps.some((s: { agency: string }) => s.agency === 'CULTURE')).toBe(true);

    // Retired: the partner is still running and answering, but the hub no longer asks it; routes name the gap.
    const updatedVersion = await servedVersion();
    const retired = await hubCli(admin, 'retire', '--name', 'culture', '--reason', 'Договор расторгнут');
    expect([retired.code, retired.stdout]).toEqual([0, expect.any(String)]);
    await until('the gateway to load the retirement', async () => ((await servedVersion()) ?? 0) > (updatedVersion ?? 0));
    const afterRetire = await hub.query(coordinator, ROUTE);
    expect(afterRetire.errors).toBeUndefined();
    expect(afterRetire.data?.family.route.steps.some((s: { agency: string }) => s.agency === 'CULTURE')).toBe(false);
    expect(afterRetire.data?.family.route.gaps).toContainEqual({ agency: 'CULTURE', code: 'SUBGRAPH_RETIRED' });

    // The registry's history answers who changed the graph, when and why.
    const history = await hubCli(admin, 'history', '--json');
    expect([history.code, history.stdout]).toEqual([0, expect.any(String)]);
    for (const reason of ['Договор о сотрудничестве', 'Новый сервер', 'Договор расторгнут']) expect(history.stdout).toContain(reason);
  } finally {
    loading = false;
    await Promise.all(load);
  }
  expect(answered).toBeGreaterThan(20);
  expect(failures).toEqual([]);
}, 180_000);
