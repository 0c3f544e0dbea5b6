import { today } from '../../subgraphs/kit/platform/clock';
import { daysFromToday, monthOf } from '../../subgraphs/kit/demo/dates';
import { DEMO_ORGANIZATIONS } from '../../subgraphs/kit/demo/organizations';
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
  // Statistics come from all five agencies (seed 003 §33.8, §34.8), each suppressing its own small cells.
  expect(new Set(cells.map((c) => c.agency))).toEqual(new Set(['SOCIAL_PROTECTION', 'RENTAL_FUND', 'EDUCATION', 'EMPLOYMENT', 'HEALTH']));
  for (const agency of ['EDUCATION', 'EMPLOYMENT', 'HEALTH']) {
    const own = cells.filter((c) => c.agency === agency);
    expect([
      agency,
      own.every((c) => c.targetCategory === 'ALL' && (c.suppressed ? c.count === null && c.value === '<10' : c.count >= 10)),
    ]).toEqual([agency, true]);
  }
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

test("the region's statistics count education, employment and health in SQL, releasing large counts and suppressing small ones (seed 003 §34.8)", async () => {
  const month = monthOf(today());
  // Twelve enrolments at the Irkutsk demo school and three job seekers at the Bratsk employment centre, this month.
  await hub.subgraphs.education.database.orm.em.getConnection().execute(
    `insert into enrolment (id, person_id, organization_id, level, form, from_date)
     select gen_random_uuid(), gen_random_uuid(), ?::uuid, 'SCHOOL', 'INCLUSIVE_CLASS', ?::date from generate_series(1, 12)`,
    [DEMO_ORGANIZATIONS.irkutskSchool.id, today()],
  );
  await hub.subgraphs.education.database.orm.em.getConnection().execute(
    `insert into enrolment (id, person_id, organization_id, level, form, from_date)
     values (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'SCHOOL', 'REGULAR', ?::date)`,
    [today()],
  );
  await hub.subgraphs.employment.database.orm.em.getConnection().execute(
    `insert into job_seeker_registration (id, person_id, organization_id, registered_on, status)
     select gen_random_uuid(), gen_random_uuid(), ?::uuid, ?::date, 'ACTIVE' from generate_series(1, 3)`,
    [DEMO_ORGANIZATIONS.bratskEmploymentCentre.id, today()],
  );
  const STATS = `query($from: String!, $to: String!, $territory: ID) { statistics(fromMonth: $from, toMonth: $to, territoryOktmo: $territory) {
    missingAgencies cells { month territoryOktmo agency indicator targetCategory value count suppressed } } }`;
  const region = await hub.query(await analyst(), STATS, { from: month, to: month });
  expect(region.errors).toBeUndefined();
  expect(region.data?.statistics.missingAgencies).toEqual([]);
  const cells = region.data?.statistics.cells as any[];
  const enrolments = cells.find((c) => c.agency === 'EDUCATION' && c.indicator === 'ENROLMENTS_STARTED' && c.territoryOktmo === '25701000');
  expect(enrolments).toMatchObject({ month, targetCategory: 'ALL', suppressed: false });
  // The demo's one enrolment began long before this month; the enrolment at an organization the agency has not
  // mapped has no territory and is not counted.
  expect(enrolments.count).toBe(12);
  expect(enrolments.value).toBe(String(enrolments.count));
  // Three people are few enough to be recognized: released as "<10", without the count.
  const seekers = cells.find(
    (c) => c.agency === 'EMPLOYMENT' && c.indicator === 'JOB_SEEKERS_REGISTERED' && c.territoryOktmo === '25714000',
  );
  expect(seekers).toMatchObject({ value: '<10', count: null, suppressed: true });
  // One territory asked: only its cells, from every agency that has some.
  const bratsk = await hub.query(await analyst(), STATS, { from: month, to: month, territory: '25714000' });
  expect((bratsk.data?.statistics.cells as any[]).every((c) => c.territoryOktmo === '25714000')).toBe(true);
  expect((bratsk.data?.statistics.cells as any[]).some((c) => c.agency === 'EMPLOYMENT')).toBe(true);
  // A coordinator gets no statistics from the new agencies either (aggregates are for analysts, seed 003 §34).
  const refused = await hub.query(await hub.token({ role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id }), STATS, {
    from: month,
    to: month,
  });
  expect(refused.data?.statistics?.cells ?? []).not.toContainEqual(expect.objectContaining({ agency: 'EDUCATION' }));
});

test('the directory places resource centres and co-executors of the seed 003 annex as §4.2–4.4 say', async () => {
  const result = await hub.query(await analyst(), `{ territories { oktmo resourceMap { supply { agency serviceKind name } } } }`);
  expect(result.errors).toBeUndefined();
  const supply = (oktmo: string) =>
    (result.data?.territories.find((t: any) => t.oktmo === oktmo).resourceMap.supply as any[]).filter(
      (s) => s.agency === 'SOCIAL_PROTECTION',
    );
  const irkutsk = supply('25701000');
  // The two resource centres §4.3 names outside the annex are in the directory, in the regional capital.
  expect(irkutsk).toContainEqual(
    expect.objectContaining({ serviceKind: 'REHABILITATION_CENTRE', name: expect.stringContaining('"Сосновая горка"') }),
  );
  expect(irkutsk).toContainEqual(
    expect.objectContaining({ serviceKind: 'REHABILITATION_CENTRE', name: expect.stringContaining('ранней помощи') }),
  );
  // «РОСТ» (item 39) is a resource centre, not an operator's social support; item 40 stays on the map as a co-executor.
  expect(irkutsk).toContainEqual(
    expect.objectContaining({ serviceKind: 'REHABILITATION_CENTRE', name: expect.stringContaining('"РОСТ"') }),
  );
  expect(irkutsk).not.toContainEqual(expect.objectContaining({ serviceKind: 'SOCIAL_SUPPORT', name: expect.stringContaining('"РОСТ"') }));
  expect(irkutsk).toContainEqual(
    expect.objectContaining({ name: expect.stringContaining('"Региональный семейный многофункциональный центр"') }),
  );
  // «Веста» (item 38) in Angarsk is a resource centre too.
  expect(supply('25703000')).toContainEqual(
    expect.objectContaining({ serviceKind: 'REHABILITATION_CENTRE', name: expect.stringContaining('"Веста"') }),
  );
});
