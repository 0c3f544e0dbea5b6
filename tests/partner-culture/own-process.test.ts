import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SUBGRAPH_MODULES } from '../../scripts/lib/subgraphs';
import { generateDevKeys, writePublicKeySets } from '../../gateway/dev-keys';
import { daysFromToday } from '../../subgraphs/kit/demo/dates';
import { DEMO_PEOPLE } from '../../subgraphs/kit/demo/people';
import { globalId } from '../../subgraphs/kit/platform/global-id';
import { culture } from '../../examples/partner-culture/src/subgraph';
import { SECTIONS } from '../../examples/partner-culture/src/sections/reference-data';
import { startTestHub, type TestHub } from '../support/hub';
import { startPartnerProcess, type PartnerProcess } from './partner-process';

/**
 * The example partner as a partner runs it: its own process (`npm start` in examples/partner-culture), its own
 * database (created at start), given nothing of the hub but the two public key files. The gateway reaches it over HTTP.
 */
let partner: PartnerProcess;
let partnerUrl: string;
let keyDir: string;
let hub: TestHub;

beforeAll(async () => {
  const keys = await generateDevKeys();
  keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'partner-keys-'));
  writePublicKeySets(keyDir, keys);
  // A database that does not exist yet: the partner creates it.
  partner = await startPartnerProcess({
    databaseUrl: `${process.env.HUB_TEST_POSTGRES_URL}/partner_culture_${randomBytes(4).toString('hex')}`,
    keyDir,
  });
  partnerUrl = partner.url;
  hub = await startTestHub({
    modules: [...SUBGRAPH_MODULES, culture],
    keys,
    subgraphUrl: (service, url) => (service === 'culture' ? partnerUrl : url),
  });
}, 90_000);

afterAll(async () => {
  await hub?.stop();
  await partner?.stop();
  if (keyDir) fs.rmSync(keyDir, { recursive: true, force: true });
});

test('the partner process refuses a request that does not come through the gateway', async () => {
  const response = await fetch(partnerUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ cultureSections(territoryOktmo: "25701000") { totalCount } }' }),
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
