import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { DEMO_ORGANIZATIONS as ORG } from '../../subgraphs/kit/demo/organizations';
import { setClock } from '../../subgraphs/kit/platform/clock';
import { snilsFromSequence } from '../../subgraphs/kit/domain/snils';
import { socialProtection } from '../../subgraphs/social-protection/subgraph';
import { DEFAULT_TEST_CLOCK } from '../support/clock';
import { startTestHub, type TestHub } from '../support/hub';

/**
 * Issue 18 through the real gateway over HTTP on real PostgreSQL: a signal received on 25 Dec 2026, before
 * the 2027 decree exists, gets a provisional contact deadline in January 2027 (seed 003 §16) instead of an
 * error; the administrator is alerted, loads a test decree for 2027 with `npm run calendar -- load`, and the
 * deadline is recomputed and no longer provisional. The scenario runs on its own day, 28 Dec 2026.
 */
const SCENARIO_DAY = '2026-12-28T12:00:00+08:00';
const ROOT = path.resolve(__dirname, '..', '..');
const fixture = (name: string) => path.join(__dirname, 'fixtures', name);

let hub: TestHub;
let coordinator: string;
let partner: string;
let admin: string;

beforeAll(async () => {
  setClock({ at: SCENARIO_DAY });
  hub = await startTestHub({ modules: [socialProtection] });
  coordinator = await hub.token({
    role: 'COORDINATOR',
    subject: 'coordinator-irk-1',
    organizationId: ORG.irkutskOperator.id,
    territoryOktmo: '25701000',
  });
  partner = await hub.token({ role: 'PARTNER_SERVICE', subject: 'mse-bureau-gateway', agency: 'HEALTH', grants: ['submitSignal'] });
  admin = await hub.token({ role: 'ADMINISTRATOR', subject: 'calendar-admin' });
});
afterAll(async () => {
  await hub?.stop();
  setClock({ at: process.env.HUB_TEST_CLOCK || DEFAULT_TEST_CLOCK });
});

const sql = async (query: string): Promise<number> =>
  Number((await hub.subgraphs['social-protection'].database.orm.em.fork().getConnection().execute(query))[0].n);

async function ok<T = any>(token: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await hub.query(token, query, variables);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

/** The administrator's CLI, as a child process against the test gateway (async: the hub runs in this process). */
async function calendarCli(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', 'scripts/calendar.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, HUB_URL: `${hub.gatewayUrl}`, HUB_TOKEN: admin },
    });
    return { code: 0, out: stdout };
  } catch (e: any) {
    return { code: e.code ?? 1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

const STATUS = `{ productionCalendarStatus { judgedOn years { year decreed } alerts { code year } } }`;
const CASE = `query($id: ID!) { supportCase(id: $id) { dueOn stageDeadline { dueOn provisional source } } }`;
const LOAD = `mutation($input: LoadCalendarDecreeInput!) { loadCalendarDecree(input: $input) { load { year } userErrors { code message } } }`;

describe('working days for 2027 before and after its decree (issue 18; seed 003 §16)', () => {
  let caseId: string;
  let familyId: string;

  test('before the decree the administrator sees next year is provisional (from 1 September); the coordinator may not ask', async () => {
    expect((await ok(admin, STATUS)).productionCalendarStatus).toEqual({
      judgedOn: '2026-12-28',
      years: [
        { year: 2026, decreed: true },
        { year: 2027, decreed: false },
      ],
      alerts: [{ code: 'CALENDAR_PROVISIONAL', year: 2027 }],
    });
    expect((await hub.query(coordinator, STATUS)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('a signal received on 25 Dec 2026 gets a provisional contact deadline in January 2027, not an error', async () => {
    const family = await ok(coordinator, `mutation($input: RegisterFamilyInput!) { registerFamily(input: $input) { family { id } } }`, {
      input: { displayName: 'Новогодние', address: 'г. Иркутск, ул. Тестовая, 25' },
    });
    familyId = family.registerFamily.family.id;
    const person = await ok(coordinator, `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { person { id } } }`, {
      input: {
        familyId,
        relation: 'CHILD',
        snils: snilsFromSequence(200_001_225),
        lastName: 'Новогодний',
        firstName: 'Тест',
        bornOn: '2016-03-04',
        sex: 'MALE',
        disabilityGroup: 'DISABLED_CHILD',
      },
    });
    const signal = await ok(partner, `mutation($input: SubmitSignalInput!) { submitSignal(input: $input) { signal { supportCaseId } } }`, {
      input: {
        idempotencyKey: 'mse-2026-12-25-1',
        source: 'IPRA_EXTRACT',
        personId: person.registerPerson.person.id,
        receivedOn: '2026-12-25',
        summary: 'Выписка из ИПРА',
      },
    });
    caseId = signal.submitSignal.signal.supportCaseId;
    // 28, 29, 30 Dec; 31 Dec off (decree No. 1466); 1–8 Jan 2027 off (art. 112, provisional); 11, 12 Jan
    expect((await ok(coordinator, CASE, { id: caseId })).supportCase).toEqual({
      dueOn: '2027-01-12',
      stageDeadline: { dueOn: '2027-01-12', provisional: true, source: 'seed 003 §16' },
    });
  });

  test('the route and the worklist show the quiet provisional mark on the contact step', async () => {
    const route = await ok(
      coordinator,
      `query($id: ID!) { family(id: $id) { route { steps { kind dueOn provisional } alerts { code } } } }`,
      { id: familyId },
    );
    expect(route.family.route.steps).toContainEqual({ kind: 'CONTACT', dueOn: '2027-01-12', provisional: true });
    expect(route.family.route.steps.filter((s: any) => s.kind === 'SIGNAL').map((s: any) => s.provisional)).toEqual([false]);
    expect(route.family.route.alerts).toEqual([]);
    const worklist = await ok(coordinator, `{ worklist(first: 50) { edges { node { id stageDeadline { provisional } } } } }`);
    expect(worklist.worklist.edges.map((e: any) => e.node)).toContainEqual({ id: caseId, stageDeadline: { provisional: true } });
  });

  test('bad decrees are refused with a coded error and nothing is loaded: a duplicate date, a working Sunday without its transfer, an unknown kind', async () => {
    const before = await sql(`select count(*)::int as n from calendar_day`);
    const day = { on: '2027-01-11', kind: 'DAY_OFF', reference: 'Test decree', movedFromOn: '2027-01-02' };
    const duplicate = await hub.query(admin, LOAD, { input: { year: 2027, days: [day, { ...day, movedFromOn: '2027-01-03' }] } });
    expect(duplicate.data?.loadCalendarDecree).toMatchObject({ load: null, userErrors: [{ code: 'BAD_USER_INPUT' }] });
    const sunday = await hub.query(admin, LOAD, {
      input: { year: 2027, days: [day, { on: '2027-11-07', kind: 'WORKING_DAY', reference: 'Test decree' }] },
    });
    expect(sunday.data?.loadCalendarDecree).toMatchObject({ load: null, userErrors: [{ code: 'BAD_USER_INPUT' }] });
    const unknown = await hub.query(admin, LOAD, { input: { year: 2027, days: [{ ...day, kind: 'HOLIDAY_MOVED' }] } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.days[0].kind' });
    const cli = await calendarCli('load', fixture('decree-2027-unmatched-sunday.csv'));
    expect(cli.code).toBe(1);
    expect(cli.out).toContain('DECREE_WORKING_DAY_WITHOUT_TRANSFER');
    expect(await sql(`select count(*)::int as n from calendar_day`)).toBe(before);
    expect(await sql(`select count(*)::int as n from audit_record where operation = 'loadCalendarDecree'`)).toBe(0);
    expect((await hub.query(coordinator, LOAD, { input: { year: 2027, days: [day] } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('after loading a test decree for 2027 (npm run calendar -- load) the deadline is recomputed, listed, and no longer provisional', async () => {
    const cli = await calendarCli('load', fixture('decree-2027-test.csv'));
    expect(cli).toMatchObject({ code: 0 });
    expect(cli.out).toContain('2027: decree loaded');
    // Mon 11 Jan is off by the test decree (moved from Sat 2 Jan): 12, 13 Jan
    expect(cli.out).toContain(`${caseId} IDENTIFIED: 2027-01-12 (provisional) -> 2027-01-13`);
    expect((await ok(coordinator, CASE, { id: caseId })).supportCase.stageDeadline).toEqual({
      dueOn: '2027-01-13',
      provisional: false,
      source: 'seed 003 §16',
    });
    const route = await ok(coordinator, `query($id: ID!) { family(id: $id) { route { steps { kind dueOn provisional } } } }`, {
      id: familyId,
    });
    expect(route.family.route.steps).toContainEqual({ kind: 'CONTACT', dueOn: '2027-01-13', provisional: false });
    expect(
      await sql(
        `select count(*)::int as n from audit_record where operation = 'loadCalendarDecree' and action = 'WRITE' and subject = 'calendar-admin'`,
      ),
    ).toBe(1);
    expect((await ok(admin, STATUS)).productionCalendarStatus.alerts).toEqual([]);
    const days = await ok(admin, `{ calendarDays(year: 2027) { on kind } }`);
    expect(days.calendarDays).toContainEqual({ on: '2027-01-11', kind: 'HOLIDAY' });
    expect(days.calendarDays).toContainEqual({ on: '2027-05-03', kind: 'HOLIDAY' }); // art. 112: Sat 1 May → Mon 3 May
  });

  test('a decree loaded for a shipped year (a correction of 2026) is kept when the hub reloads its reference data on start', async () => {
    const reference = 'Corrected test decree for 2026';
    const days = [
      { on: '2026-01-09', kind: 'DAY_OFF', reference, movedFromOn: '2026-01-03' },
      { on: '2026-12-30', kind: 'DAY_OFF', reference, movedFromOn: '2026-01-04' },
    ];
    const loaded = await ok(
      admin,
      `mutation($input: LoadCalendarDecreeInput!) { loadCalendarDecree(input: $input) { load { workingDays } } }`,
      {
        input: { year: 2026, days },
      },
    );
    expect(loaded.loadCalendarDecree.load.workingDays).toBe(247);
    await socialProtection.loadReferenceData!(hub.subgraphs['social-protection'].database.orm.em.fork());
    const stored = (await ok(admin, `{ calendarDays(year: 2026) { on } }`)).calendarDays.map((d: { on: string }) => d.on);
    expect(stored).toContain('2026-12-30');
    expect(stored).not.toContain('2026-12-31');
  });
});
