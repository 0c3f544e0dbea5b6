import { generateSigningKeyPair } from '../../subgraphs/kit/platform/signing-keys';
import { IdentitySigner, type Identity } from '../../subgraphs/kit/platform/identity';
import { ConsentGrantIssuer } from '../../subgraphs/kit/policy/consent-grant';
import { sendToSubgraph } from '../support/capture-proxy';
import { startTestHub, type TestHub } from '../support/hub';

/** Issue 13 §1: no party but the gateway can make an identity a subgraph accepts. */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ demoData: false });
});
afterAll(() => hub?.stop());

const identity: Identity = {
  subject: 'intruder',
  role: 'COORDINATOR',
  organizationId: null,
  territoryOktmo: null,
  agency: null,
  grants: [],
  requestId: '00000000-0000-4000-8000-000000000001',
};
// Not the one public document (`{ _service { sdl } }`, served unsigned): this one needs the gateway's signature.
const body = JSON.stringify({ query: '{ _service { sdl } __typename }' });

async function refusals(sign: (service: string) => string | undefined) {
  const answers: [string, number, string | undefined][] = [];
  for (const subgraph of Object.values(hub.subgraphs)) {
    const { status, reason } = await sendToSubgraph(subgraph.url, sign(subgraph.name), body);
    answers.push([subgraph.name, status, reason]);
  }
  return answers;
}
const every = (status: number, reason: string | undefined) => Object.keys(hub.subgraphs).map((name) => [name, status, reason]);

test('a direct call to any subgraph without the gateway signature reads nothing', async () => {
  expect(await refusals(() => undefined)).toEqual(every(401, 'missing'));
});

test("an identity signed with a key of the subgraphs' own making is refused by every subgraph (the gateway's private key is the gateway's alone)", async () => {
  const minted = new IdentitySigner(generateSigningKeyPair().privateJwk);
  expect(await refusals((service) => minted.sign(identity, service, body))).toEqual(every(401, 'unknown-key'));
});

test("an identity signed with another key under the gateway's key id is refused: the signature, not the id, is checked", async () => {
  const impostor = { ...generateSigningKeyPair().privateJwk, kid: hub.keys.gateway.privateJwk.kid };
  const minted = new IdentitySigner(impostor);
  expect(await refusals((service) => minted.sign(identity, service, body))).toEqual(every(401, 'bad-signature'));
});

test("social protection's consent key cannot sign an identity, nor pass a grant off as one", async () => {
  const asIdentity = new IdentitySigner(hub.keys.consent.privateJwk);
  expect(await refusals((service) => asIdentity.sign(identity, service, body))).toEqual(every(401, 'unknown-key'));
  const grant = new ConsentGrantIssuer(hub.keys.consent.privateJwk).issue({
    personId: identity.subject,
    caller: identity.subject,
    requestId: identity.requestId,
    agencies: ['HEALTH'],
  });
  expect(await refusals(() => grant)).toEqual(every(401, 'malformed'));
});

test('the gateway signature is good for a short time only', async () => {
  const gateway = new IdentitySigner(hub.keys.gateway.privateJwk);
  expect(await refusals((service) => gateway.sign(identity, service, body))).toEqual(every(200, undefined));
  expect(await refusals((service) => gateway.sign(identity, service, body, Date.now() - 2 * 60_000))).toEqual(every(401, 'expired'));
});

test('a caller whose subject is not Latin-1 (a Cyrillic login) is forwarded signed like any other', async () => {
  const token = await hub.token({ role: 'ANALYST', subject: 'аналитик-иркутск' });
  const answer = await hub.query(token, '{ territories { oktmo } }');
  expect([answer.errors, answer.data?.territories.length > 0]).toEqual([undefined, true]);
});
