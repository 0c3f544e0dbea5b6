import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SUBGRAPH_MODULES } from '../../scripts/lib/subgraphs';
import { generateDevKeys, writePublicKeySets } from '../../gateway/dev-keys';
import { clockEnvironment } from '../../subgraphs/kit/platform/clock';
import { daysFromToday } from '../../subgraphs/kit/demo/dates';
import { DEMO_PEOPLE } from '../../subgraphs/kit/demo/people';
import { globalId } from '../../subgraphs/kit/platform/global-id';
import { culture } from '../../examples/partner-culture/src/subgraph';
import { SECTIONS } from '../../examples/partner-culture/src/sections/reference-data';
import { startTestHub, type TestHub } from '../support/hub';

/**
 * The example partner as a partner runs it: its own process (`npm start` in examples/partner-culture), its own
 * database (created at start), given nothing of the hub but the two public key files. The gateway reaches it over HTTP.
 */
const PARTNER = path.join(__dirname, '../../examples/partner-culture');
let partner: ChildProcess;
let partnerUrl: string;
let keyDir: string;
let hub: TestHub;

function listening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the partner did not start:\n${output}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the partner exited with ${code}:\n${output}`));
    });
  });
}

beforeAll(async () => {
  const keys = await generateDevKeys();
  keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'partner-keys-'));
  writePublicKeySets(keyDir, keys);
  partner = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: PARTNER,
    env: {
      ...process.env,
      ...clockEnvironment(),
      PORT: '0',
      // A database that does not exist yet: the partner creates it.
      DATABASE_URL: `${process.env.HUB_TEST_POSTGRES_URL}/partner_culture_${randomBytes(4).toString('hex')}`,
      HUB_GATEWAY_JWKS_FILE: path.join(keyDir, 'gateway.jwks.json'),
      HUB_CONSENT_JWKS_FILE: path.join(keyDir, 'consent.jwks.json'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  partnerUrl = await listening(partner);
  hub = await startTestHub({
    modules: [...SUBGRAPH_MODULES, culture],
    keys,
    subgraphUrl: (service, url) => (service === 'culture' ? partnerUrl : url),
  });
}, 90_000);

afterAll(async () => {
  await hub?.stop();
  if (partner && partner.exitCode === null) {
    const exited = new Promise((resolve) => partner.once('exit', resolve));
    partner.kill('SIGTERM');
    await exited;
  }
  if (keyDir) fs.rmSync(keyDir, { recursive: true, force: true });
});

test('the partner process refuses a request that does not come through the gateway', async () => {
  const response = await fetch(partnerUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
  expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
});

test('through the gateway, the partner process serves its sections and its specialists enrol a child', async () => {
  const sections = await hub.query(
    await hub.token({ role: 'ANALYST' }),
    `{ cultureSections(territoryOktmo: "25701000") { totalCount edges { node { name } } } }`,
  );
  expect(sections.errors).toBeUndefined();
  expect(sections.data?.cultureSections.totalCount).toBe(SECTIONS.filter((s) => s.territoryOktmo === '25701000').length);

  const enrolled = await hub.query(
    await hub.token({ role: 'SPECIALIST', agency: 'CULTURE' }),
    `mutation($input: EnrolInSectionInput!) { enrolInSection(input: $input) { enrolment { enrolledOn } userErrors { code } } }`,
    {
      input: {
        personId: globalId('Person', DEMO_PEOPLE.mashaPetrova.id),
        sectionId: SECTIONS[2].id,
        enrolledOn: daysFromToday(-3),
        idempotencyKey: 'own-process-enrol-1',
      },
    },
  );
  expect(enrolled.errors).toBeUndefined();
  expect(enrolled.data?.enrolInSection).toEqual({ enrolment: { enrolledOn: daysFromToday(-3) }, userErrors: [] });
});
