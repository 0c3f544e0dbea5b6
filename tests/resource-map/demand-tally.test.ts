import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { SUBGRAPH_MODULES } from '../../scripts/lib/subgraphs';
import { generateRegion } from '../../scripts/lib/synthetic/generate';
import { createTestDatabase } from '../support/database';

/**
 * The resource map reads demand from counts the database keeps with every write (Migration20261205010000). These
 * tests hold the counts against the question they answer, asked the long way over the records themselves, after
 * each kind of write that changes it.
 */
const urls: Record<string, string> = {};
let db: Client;

/** The demand as the map asked it before issue 19: a join over all records, recounted on each request. */
const RECOUNTED = `
  select f.territory_oktmo, 'PEOPLE' as dimension,
         concat_ws('/', p.birth_date, p.disability_group, p.has_limited_health_capabilities, p.is_at_risk) as kind,
         count(distinct p.id)::int as count
    from person p join family_member m on m.person_id = p.id join family f on f.id = m.family_id group by 1, 3
  union all
  select c.territory_oktmo, 'MEASURE', ms.kind::text, count(*)::int from measure ms join support_case c on c.id = ms.case_id
   where c.territory_oktmo is not null and ms.status in ('PLANNED', 'IN_PROGRESS') group by 1, 3
  union all
  select c.territory_oktmo, 'REFERRALS', 'OPEN', count(*)::int from referral r join support_case c on c.id = r.case_id
   where c.territory_oktmo is not null and r.status in ('REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD') group by 1
  union all
  select c.territory_oktmo, 'CASES', 'OPEN', count(*)::int from support_case c
   where c.territory_oktmo is not null and c.stage not in ('CONCLUDED', 'DECLINED', 'STOPPED') group by 1`;

/** The same, from the kept counts (people by every attribute the category is computed from, so any day's category matches). */
const KEPT = `
  select territory_oktmo, 'PEOPLE' as dimension,
         concat_ws('/', birth_date, disability_group, has_limited_health_capabilities, is_at_risk) as kind, count(*)::int as count
    from demand_person group by 1, 3
  union all
  select territory_oktmo, dimension, kind, count from demand_tally where count <> 0`;

async function expectCountsExact(): Promise<number> {
  const sorted = (rows: Record<string, unknown>[]) => rows.map((r) => `${r.territory_oktmo}|${r.dimension}|${r.kind}|${r.count}`).sort();
  const [recounted, kept] = await Promise.all([db.query(RECOUNTED), db.query(KEPT)]);
  expect(sorted(kept.rows)).toEqual(sorted(recounted.rows));
  return recounted.rows.length;
}

async function insert(table: string, row: Record<string, unknown>): Promise<void> {
  const columns = Object.keys(row);
  await db.query(
    `insert into ${table} (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
    Object.values(row),
  );
}

const one = async <T = Record<string, string>>(sql: string, params: unknown[] = []): Promise<T> =>
  (await db.query(sql, params)).rows[0] as T;

beforeAll(async () => {
  for (const m of SUBGRAPH_MODULES) urls[m.name] = await createTestDatabase(`demand_${m.name}`);
  await generateRegion({ families: 300, urls, batchSize: 120 });
  db = new Client({ connectionString: urls['social-protection'] });
  await db.connect();
}, 120_000);
afterAll(() => db?.end());

test('counts kept while a region is loaded equal the counts recomputed from its records', async () => {
  expect(await expectCountsExact()).toBeGreaterThan(50);
});

test('a family moving to another territory takes its members with it (the ORM may update any column with it)', async () => {
  const family = await one(
    `select f.id, f.territory_oktmo, (select t.oktmo from territory t where t.oktmo <> f.territory_oktmo limit 1) as other
       from family f join family_member m on m.family_id = f.id group by f.id having count(*) > 1 limit 1`,
  );
  await db.query('update family set territory_oktmo = $2 where id = $1', [family.id, family.other]);
  await expectCountsExact();
  await db.query('update family set territory_oktmo = $2, display_name = display_name where id = $1', [family.id, family.territory_oktmo]);
  await expectCountsExact();
});

test('a person in two families is counted once per territory, and once on each of two territories', async () => {
  const [a, b] = (
    await db.query(
      `select id, territory_oktmo from family where territory_oktmo = (select territory_oktmo from family group by 1 order by count(*) desc limit 1) limit 2`,
    )
  ).rows;
  const elsewhere = await one(`select id from family where territory_oktmo <> $1 limit 1`, [a.territory_oktmo]);
  const person = await one(`select person_id from family_member where family_id = $1 limit 1`, [a.id]);
  const join = (familyId: string) =>
    db.query(`insert into family_member (id, family_id, person_id, relation) values (gen_random_uuid(), $1, $2, 'OTHER')`, [
      familyId,
      person.person_id,
    ]);
  await join(b.id);
  await join(elsewhere.id);
  await expectCountsExact();
  const kept = await db.query(`select territory_oktmo, memberships from demand_person where person_id = $1 order by memberships`, [
    person.person_id,
  ]);
  expect(kept.rows.map((r) => r.memberships)).toEqual([1, 2]);
  // Leaving one of the two families on a territory keeps the person counted there; leaving both removes them.
  await db.query(`delete from family_member where person_id = $1 and family_id = any($2::uuid[])`, [
    person.person_id,
    [b.id, elsewhere.id],
  ]);
  await expectCountsExact();
});

test("a change to a person's birth date, disability group, OVZ or risk changes the category they are counted in", async () => {
  const person = await one(`select person_id from family_member limit 1 offset 7`);
  await db.query(
    `update person set birth_date = birth_date - 400, disability_group = null, has_limited_health_capabilities = not has_limited_health_capabilities,
            is_at_risk = not is_at_risk where id = $1`,
    [person.person_id],
  );
  await expectCountsExact();
});

test('a new family with members joins the counts, and leaves them when it is deleted with its members', async () => {
  const template = (await db.query(`select * from family limit 1`)).rows[0];
  const family = { ...template, id: '00000000-0000-4000-8000-00000000f001' };
  await insert('family', family);
  for (const member of (await db.query(`select person_id from family_member limit 2 offset 11`)).rows)
    await insert('family_member', { id: randomUUID(), family_id: family.id, person_id: member.person_id, relation: 'OTHER' });
  await expectCountsExact();
  // The members go by the foreign key's cascade, after the family row is gone.
  await db.query('delete from family where id = $1', [family.id]);
  await expectCountsExact();
});

test('open measures, referrals and cases follow every change of status, kind, case and territory', async () => {
  const measure = await one(`select id, case_id from measure where status = 'PLANNED' limit 1`);
  await db.query(`update measure set status = 'DONE' where id = $1`, [measure.id]);
  await expectCountsExact();
  await db.query(`update measure set status = 'IN_PROGRESS', kind = 'LEGAL' where id = $1`, [measure.id]);
  await expectCountsExact();
  const referral = await one(`select id from referral where status = 'REQUESTED' limit 1`);
  await db.query(`update referral set status = 'REJECTED' where id = $1`, [referral.id]);
  await expectCountsExact();

  const moved = await one(
    `select c.id, (select t.oktmo from territory t where t.oktmo <> c.territory_oktmo limit 1) as other from support_case c
      where exists (select 1 from measure m where m.case_id = c.id and m.status in ('PLANNED', 'IN_PROGRESS')) limit 1`,
  );
  await db.query(`update support_case set territory_oktmo = $2 where id = $1`, [moved.id, moved.other]);
  await expectCountsExact();
  await db.query(`update support_case set territory_oktmo = null where id = $1`, [moved.id]);
  await expectCountsExact();
  await db.query(`update support_case set stage = 'CONCLUDED', territory_oktmo = $2 where id = $1`, [moved.id, moved.other]);
  await expectCountsExact();

  // The case id is not a foreign key: a case deleted before its measures takes their counts with it, and a measure
  // recorded before its case is counted when the case arrives.
  const gone = await one(
    `select c.id from support_case c where c.stage not in ('CONCLUDED', 'DECLINED', 'STOPPED') and c.territory_oktmo is not null
        and exists (select 1 from measure m where m.case_id = c.id and m.status in ('PLANNED', 'IN_PROGRESS')) limit 1 offset 3`,
  );
  await db.query('begin');
  const saved = await db.query(`select * from measure where case_id = $1`, [gone.id]);
  const caseRow = await db.query(`select * from support_case where id = $1`, [gone.id]);
  await db.query(`delete from support_case where id = $1`, [gone.id]);
  await db.query('commit');
  await expectCountsExact();
  await db.query(`delete from measure where case_id = $1`, [gone.id]);
  await expectCountsExact();
  expect(saved.rows.length).toBeGreaterThan(0);
  for (const m of saved.rows) await insert('measure', m);
  await expectCountsExact();
  await insert('support_case', caseRow.rows[0]);
  await expectCountsExact();
});
