import { Client } from 'pg';
import { isValidSnils } from '../../subgraphs/kit/domain/snils';
import { SUBGRAPH_MODULES } from '../../scripts/lib/subgraphs';
import { generateRegion } from '../../scripts/lib/synthetic/generate';
import { createTestDatabase } from '../support/database';

const FAMILIES = 2000;
const urls: Record<string, string> = {};
const query = async <T>(subgraph: string, sql: string): Promise<T[]> => {
  const client = new Client({ connectionString: urls[subgraph] });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
};

beforeAll(async () => {
  for (const m of SUBGRAPH_MODULES) urls[m.name] = await createTestDatabase(`synthetic_${m.name}`);
  await generateRegion({ families: FAMILIES, urls, batchSize: 700 });
}, 120_000);

test('every generated family has members, and every person a valid, unique SNILS', async () => {
  const [counts] = await query<{ families: number; members: number; persons: number; snils: number }>(
    'social-protection',
    `select (select count(*) from family)::int as families, (select count(distinct family_id) from family_member)::int as members,
            (select count(*) from person)::int as persons, (select count(distinct snils) from person)::int as snils`,
  );
  expect(counts.families).toBe(FAMILIES);
  expect(counts.members).toBe(FAMILIES);
  expect(counts.snils).toBe(counts.persons);
  const sample = await query<{ snils: string }>('social-protection', 'select snils from person order by random() limit 200');
  expect(sample.every((p) => isValidSnils(p.snils))).toBe(true);
});

test('people spread over the target categories and the real territories of the operator organizations', async () => {
  const rows = await query<{ territories: number; children: number; adults: number; seniors: number }>(
    'social-protection',
    `select count(distinct f.territory_oktmo)::int as territories,
            count(*) filter (where p.disability_group = 'DISABLED_CHILD')::int as children,
            count(*) filter (where p.disability_group in ('I','II','III') and age(p.birth_date) < interval '60 years')::int as adults,
            count(*) filter (where p.disability_group is not null and age(p.birth_date) >= interval '60 years')::int as seniors
       from family f join family_member m on m.family_id = f.id join person p on p.id = m.person_id`,
  );
  expect(rows[0].territories).toBeGreaterThan(20);
  expect(rows[0].children).toBeGreaterThan(FAMILIES * 0.3);
  expect(rows[0].adults).toBeGreaterThan(FAMILIES * 0.2);
  expect(rows[0].seniors).toBeGreaterThan(FAMILIES * 0.1);
});

test('agency records point at people who exist in social protection (one region across five databases)', async () => {
  const people = new Set((await query<{ id: string }>('social-protection', 'select id from person')).map((r) => r.id));
  for (const [subgraph, table] of [
    ['education', 'enrolment'],
    ['employment', 'job_seeker_registration'],
    ['rental-fund', 'rental_contract'],
  ]) {
    const rows = await query<{ person_id: string }>(subgraph, `select person_id from ${table}`);
    expect([table, rows.length > 0]).toEqual([table, true]);
    expect([table, rows.every((r) => people.has(r.person_id))]).toEqual([table, true]);
  }
});
