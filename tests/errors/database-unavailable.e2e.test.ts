import { DEMO_ORGANIZATIONS as ORG } from '../../subgraphs/kit/demo/organizations';
import { parseGlobalId } from '../../subgraphs/kit/platform/global-id';
import { createLogger } from '../../subgraphs/kit/platform/logging';
import { snilsFromSequence } from '../../subgraphs/kit/domain/snils';
import { socialProtection } from '../../subgraphs/social-protection/subgraph';
import { startTestHub, type GraphQLResponse, type TestHub } from '../support/hub';
import { CuttableProxy } from './cuttable-proxy';

/**
 * Issue 12 §3, last row: social protection loses its PostgreSQL in the middle of a stream of registerPerson writes.
 * Every failure tells the caller SERVICE_UNAVAILABLE with `retryable: true` (never INTERNAL_SERVER_ERROR), no
 * acknowledged write is lost, and retrying the refused ones once the database is back makes each person exist once.
 */
let hub: TestHub;
let proxy: CuttableProxy;
let coordinator: string;
/** The family's API id (`Family:<uuid>`), as registerFamily answers it; SQL takes its uuid. */
let familyId: string;
const logLines: string[] = [];

beforeAll(async () => {
  hub = await startTestHub({
    modules: [socialProtection],
    logger: createLogger({}, 'debug', (line) => logLines.push(line)),
    async databaseUrl(_service, url) {
      const proxied = await CuttableProxy.inFrontOf(url);
      proxy = proxied.proxy;
      return proxied.url;
    },
  });
  coordinator = await hub.token({ role: 'COORDINATOR', organizationId: ORG.irkutskOperator.id, territoryOktmo: '25701000' });
  const family = await hub.query(
    coordinator,
    `mutation { registerFamily(input: { displayName: "Семья в потоке записей" }) { family { id } } }`,
  );
  familyId = family.data!.registerFamily.family.id;
}, 120_000);
afterAll(async () => {
  await hub?.stop();
  await proxy?.close();
});

const REGISTER_PERSON = `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { person { id snils } userErrors { code message field rule } } }`;
const person = (seq: number) => ({
  familyId,
  relation: 'CHILD',
  snils: snilsFromSequence(seq),
  lastName: 'Потоков',
  firstName: `Запись${seq}`,
  bornOn: '2015-09-01',
  sex: 'FEMALE',
});
const register = (seq: number) => hub.query(coordinator, REGISTER_PERSON, { input: person(seq) });

/** Each answer is a registered person or a retryable refusal: nothing in between. */
function outcome(answer: GraphQLResponse): 'registered' | 'retry' {
  if (!answer.errors) {
    expect(answer.data!.registerPerson).toMatchObject({ person: { id: expect.any(String) }, userErrors: [] });
    return 'registered';
  }
  expect(answer.errors).toEqual([
    expect.objectContaining({
      extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', retryable: true, reason: 'DATABASE_UNAVAILABLE' }),
    }),
  ]);
  return 'retry';
}

test('PostgreSQL lost during a stream of writes: every failure is a retryable SERVICE_UNAVAILABLE, no write is lost, a retry is safe (issue 12 §3)', async () => {
  const sequences = Array.from({ length: 30 }, (_, i) => 881_000_000 + i);
  const answers = new Map<number, GraphQLResponse>();

  // The stream: five writes at a time; the database goes away while the second batch is in flight.
  for (let batch = 0; batch < 6; batch++) {
    const slice = sequences.slice(batch * 5, batch * 5 + 5);
    const pending = slice.map((seq) => register(seq).then((answer) => answers.set(seq, answer)));
    if (batch === 1) setTimeout(() => proxy.cutOff(), 5);
    await Promise.all(pending);
  }
  const outcomes = sequences.map((seq) => outcome(answers.get(seq)!));
  expect(outcomes.slice(0, 5)).toEqual(Array(5).fill('registered'));
  expect(outcomes.slice(10)).toEqual(Array(20).fill('retry'));

  proxy.restore();
  const acknowledged = sequences.filter((_, i) => outcomes[i] === 'registered');
  const refused = sequences.filter((_, i) => outcomes[i] === 'retry');
  // A retry either registers the person or, when the lost connection had already committed, says it exists: the
  // expected refusal CONFLICT naming the SNILS, as the payload's userError (CONVENTIONS §7.6).
  for (const seq of refused) {
    const retry = await register(seq);
    expect(retry.errors).toBeUndefined();
    const { person, userErrors } = retry.data!.registerPerson;
    if (person) expect(userErrors).toEqual([]);
    else expect(userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'snils'] })]);
  }

  const stored = await hub.subgraphs['social-protection'].database.orm.em
    .fork()
    .getConnection()
    .execute<{ snils: string }[]>(`select p.snils from person p join family_member m on m.person_id = p.id where m.family_id = ?`, [
      parseGlobalId(familyId)!.id,
    ]);
  const storedSnils = stored.map((r) => r.snils).sort();
  expect(storedSnils).toEqual(sequences.map(snilsFromSequence).sort());
  for (const seq of acknowledged) expect(storedSnils).toContain(snilsFromSequence(seq));

  // The outage is logged by its codes, without the people whose writes failed (issue 12 §4).
  expect(logLines.some((line) => line.includes('SERVICE_UNAVAILABLE'))).toBe(true);
  for (const seq of refused) expect(logLines.join('\n')).not.toContain(snilsFromSequence(seq));
  expect(logLines.join('\n')).not.toContain('Потоков');
}, 120_000);
