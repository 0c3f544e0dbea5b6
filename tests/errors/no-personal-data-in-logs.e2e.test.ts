import { DEMO_ORGANIZATIONS as ORG } from '../../subgraphs/kit/demo/organizations';
import { createLogger } from '../../subgraphs/kit/platform/logging';
import { snilsFromSequence } from '../../subgraphs/kit/domain/snils';
import { socialProtection } from '../../subgraphs/social-protection/subgraph';
import { startTestHub, type TestHub } from '../support/hub';

/**
 * Issue 12 §4: an unexpected database error used to log its message, which holds the failing SQL with every
 * parameter. Here PostgreSQL refuses a registerPerson with a known SNILS, name and birth date (a trigger raises
 * XX000, standing for any fault the hub does not expect); every line the gateway and the subgraph log is captured.
 */
let hub: TestHub;
let coordinator: string;
let familyId: string;
const logLines: string[] = [];

const SNILS = snilsFromSequence(882_000_001);
const SNILS_WRITTEN = `${SNILS.slice(0, 3)}-${SNILS.slice(3, 6)}-${SNILS.slice(6, 9)} ${SNILS.slice(9)}`;
const LAST_NAME = 'Засекреченная';
const FIRST_NAME = 'Евлампия';
const BIRTH_DATE = '2014-07-19';

beforeAll(async () => {
  hub = await startTestHub({ modules: [socialProtection], logger: createLogger({}, 'debug', (line) => logLines.push(line)) });
  coordinator = await hub.token({ role: 'COORDINATOR', organizationId: ORG.irkutskOperator.id, territoryOktmo: '25701000' });
  const family = await hub.query(coordinator, `mutation { registerFamily(input: { displayName: "Семья для журнала" }) { family { id } } }`);
  familyId = family.data!.registerFamily.family.id;
  await hub.subgraphs['social-protection'].database.orm.em.getConnection().execute(`
    create function refuse_person() returns trigger language plpgsql as $$
    begin raise exception 'simulated fault' using errcode = 'XX000'; end $$;
    create trigger refuse_person before insert on person for each row execute function refuse_person();`);
}, 120_000);
afterAll(() => hub?.stop());

const REGISTER_PERSON = `mutation RegisterPerson($input: RegisterPersonInput!) { registerPerson(input: $input) { person { id } userErrors { code message field rule } } }`;
const input = (overrides: Record<string, unknown> = {}) => ({
  familyId,
  relation: 'CHILD',
  snils: SNILS_WRITTEN,
  lastName: LAST_NAME,
  firstName: FIRST_NAME,
  bornOn: BIRTH_DATE,
  sex: 'FEMALE',
  ...overrides,
});

function expectNoPersonalData(lines: string[]) {
  const text = lines.join('\n');
  for (const secret of [SNILS, SNILS_WRITTEN, LAST_NAME, FIRST_NAME, BIRTH_DATE]) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/insert into/i);
}

test('an unexpected database error on registerPerson logs its codes, and no SNILS, name, birth date or SQL (issue 12 §4)', async () => {
  const result = await hub.query(coordinator, REGISTER_PERSON, { input: input() });
  expect(result.errors).toEqual([
    expect.objectContaining({ message: 'Internal server error', extensions: expect.objectContaining({ code: 'INTERNAL_SERVER_ERROR' }) }),
  ]);
  expect(JSON.stringify(result)).not.toContain(LAST_NAME);

  const unexpected = logLines
    .map((line) => JSON.parse(line))
    .filter((entry) => entry.message === 'unexpected error' && entry.service === 'social-protection');
  expect(unexpected).toEqual([
    expect.objectContaining({ level: 'error', code: 'INTERNAL_SERVER_ERROR', sqlState: 'XX000', path: ['registerPerson'] }),
  ]);
  expectNoPersonalData(logLines);
});

test('the NUL byte in phone that once put a person into the log is refused before the database, and logs nothing of her (issue 12 §4)', async () => {
  const before = logLines.length;
  const result = await hub.query(coordinator, REGISTER_PERSON, { input: input({ phone: '+7 914\u0000 555' }) });
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'phone' });
  expect(logLines.length).toBeGreaterThan(before);
  expectNoPersonalData(logLines);
});

test('an error handed to a logger by mistake is written as its class and code, without message or detail (issue 12 §4)', () => {
  const lines: string[] = [];
  const driverError = Object.assign(new Error(`insert into "person" values ('${SNILS}', '${LAST_NAME}') - duplicate key`), {
    code: '23505',
    detail: `Key (snils)=(${SNILS}) already exists.`,
  });
  createLogger({}, 'debug', (line) => lines.push(line)).log('error', 'write failed', { error: driverError });
  expect(JSON.parse(lines[0]).error).toEqual({ errorClass: 'Error', code: '23505' });
  expectNoPersonalData(lines);
});
