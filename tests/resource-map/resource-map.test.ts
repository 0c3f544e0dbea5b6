import { today } from '../../subgraphs/kit/platform/clock';
import { daysFromToday, monthOf } from '../../subgraphs/kit/demo/dates';
import { DEMO_FAMILIES, DEMO_PEOPLE } from '../../subgraphs/kit/demo/people';
import { globalId } from '../../subgraphs/kit/platform/global-id';
import { startTestHub, type TestHub } from '../support/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

const analyst = () => hub.token({ role: 'ANALYST' });

test('an analyst gets the region resource map: supply of every agency, demand and coverage gaps (seed 003 §34.2)', async () => {
  const result = await hub.query(
    await analyst(),
    `{ territories { oktmo resourceMap { agencies supply { agency serviceKind capacityTotal capacityAvailable queueLength }
        demand { peopleByTargetCategory { kind value } byServiceKind { kind value } }
        coverage { serviceKind demand providers gap } } } }`,
  );
  expect(result.errors).toBeUndefined();
  const irkutsk = result.data?.territories.find((t: any) => t.oktmo === '25701000').resourceMap;
  expect(irkutsk.agencies).toEqual(expect.arrayContaining(['SOCIAL_PROTECTION', 'RENTAL_FUND', 'EDUCATION', 'EMPLOYMENT']));
  expect(irkutsk.supply).toContainEqual(expect.objectContaining({ agency: 'RENTAL_FUND', serviceKind: 'TECHNICAL_AID_RENTAL' }));
  expect(irkutsk.supply).toContainEqual(expect.objectContaining({ agency: 'SOCIAL_PROTECTION', serviceKind: 'SOCIAL_SUPPORT' }));
  // The demo family's disabled child counts, but as a suppressed small cell.
  expect(irkutsk.demand.peopleByTargetCategory).toContainEqual({ kind: 'DISABLED_CHILD', value: '<10' });
  const bratsk = result.data?.territories.find((t: any) => t.oktmo === '25714000').resourceMap;
  // Bratsk: the early-help child meets the early-help service (1 free place), and quota jobs are mapped from employment.
  expect(bratsk.coverage).toContainEqual({ serviceKind: 'EARLY_HELP', demand: '<10', providers: 1, gap: 'NONE' });
  expect(bratsk.supply).toContainEqual(
    expect.objectContaining({ agency: 'EMPLOYMENT', serviceKind: 'QUOTA_JOBS', capacityTotal: 3, capacityAvailable: 2 }),
  );
  // Angarsk has a rental point but no early-help provider: a territory where that demand would have nowhere to go.
  const angarsk = result.data?.territories.find((t: any) => t.oktmo === '25703000').resourceMap;
  expect(angarsk.supply.some((s: any) => s.serviceKind === 'EARLY_HELP')).toBe(false);
});

test('an analyst gets monthly statistics with small counts suppressed as "<10"', async () => {
  // The last three years up to this month: the demo's rentals and cases fall in it on any day.
  const result = await hub.query(
    await analyst(),
    `query($from: String!, $to: String!) { statistics(fromMonth: $from, toMonth: $to) { missingAgencies cells { month territoryOktmo agency indicator targetCategory value count suppressed } } }`,
    {
      from: monthOf(daysFromToday(-3 * 365)),
      to: monthOf(today()),
    },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data?.statistics.missingAgencies).toEqual([]);
  const cells = result.data?.statistics.cells as any[];
  expect(cells.length).toBeGreaterThan(0);
  expect(
    cells.every((c) =>
      c.suppressed ? c.count === null && c.value.startsWith('<') : String(c.count) === c.value || c.indicator.endsWith('PERCENT'),
    ),
  ).toBe(true);
  expect(cells.some((c) => c.suppressed)).toBe(true);
  expect(new Set(cells.map((c) => c.agency))).toEqual(new Set(['SOCIAL_PROTECTION', 'RENTAL_FUND']));
  expect(cells.some((c) => c.indicator === 'RENTALS_ISSUED')).toBe(true);
});

test('no field that identifies a person is reachable with an analyst token', async () => {
  const token = await analyst();
  const attempts = [
    `{ family(id: "${globalId('Family', DEMO_FAMILIES.ivanov)}") { displayName } }`,
    `{ person(id: "${globalId('Person', DEMO_PEOPLE.artyomIvanov.id)}") { lastName } }`,
    `{ node(id: "${globalId('Person', DEMO_PEOPLE.artyomIvanov.id)}") { ... on Person { lastName } } }`,
    `{ personBySnils(snils: "${DEMO_PEOPLE.artyomIvanov.snils}") { firstName } }`,
    `{ families(first: 5) { edges { node { displayName } } } }`,
    `{ worklist(first: 5) { edges { node { id } } } }`,
    `{ person(id: "${globalId('Person', DEMO_PEOPLE.artyomIvanov.id)}") { accessLog { edges { node { subject } } } } }`,
  ];
  for (const query of attempts) {
    const result = await hub.query(token, query);
    const text = JSON.stringify(result.data ?? null);
    expect([query, /Иван|Артём|Елена|12345678964/.test(text)]).toEqual([query, false]);
    expect([query, (result.errors ?? []).length > 0]).toEqual([query, true]);
  }
});

test('a malformed statistics period is a coded BAD_USER_INPUT error', async () => {
  const result = await hub.query(await analyst(), `{ statistics(fromMonth: "2026-13", toMonth: "2026-01") { cells { value } } }`);
  // Checked once, where the report is opened, before any agency is asked.
  expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
});
