import type { Client } from 'pg';
import { sql, TERRITORIES, type Batch } from './common';

const SURNAMES_M = [
  'Иванов',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Петров',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Алексеев',
  'Лебедев',
  'Семёнов',
  'Егоров',
  'Павлов',
  'Козлов',
  'Степанов',
  'Николаев',
];
const FIRST_F = ['Анна', 'Мария', 'Елена', 'Ольга', 'Татьяна', 'Наталья', 'Ирина', 'Светлана', 'Екатерина', 'Юлия'];
const FIRST_M = ['Александр', 'Сергей', 'Дмитрий', 'Андрей', 'Алексей', 'Максим', 'Иван', 'Артём', 'Михаил', 'Никита'];
const PATRONYMIC_M = ['Александрович', 'Сергеевич', 'Дмитриевич', 'Андреевич', 'Иванович', 'Петрович', 'Николаевич', 'Викторович'];
const PATRONYMIC_F = ['Александровна', 'Сергеевна', 'Дмитриевна', 'Андреевна', 'Ивановна', 'Петровна', 'Николаевна', 'Викторовна'];

/** The register and the support process for families `from`..`to`, generated inside the database. */
export async function generateSocialProtection(client: Client, { from, to }: Batch): Promise<void> {
  const i = 'g.i';
  await client.query(
    `insert into family (id, display_name, territory_oktmo, social_district, address, operator_organization_id)
     select ${sql.familyId(i)}, (${sql.literal(SURNAMES_M)})[1 + ${i} % 20] || 'ы',
            (${sql.operatorOktmos()})[${sql.operatorIndex(i)}], 'Участок ' || (1 + ${i} % 12), 'Синтетический адрес № ' || ${i},
            (${sql.operatorIds()})[${sql.operatorIndex(i)}]
       from generate_series($1::int, $2::int) g(i)`,
    [from, to],
  );
  // k = 0 parent (not for seniors), k = 1 the person the family is about, k = 2 a sibling in every third family.
  await client.query(
    `insert into person (id, snils, last_name, first_name, patronymic, birth_date, sex, phone, contact_preference,
                         disability_group, disability_since, has_limited_health_capabilities, is_at_risk)
     select ${sql.personId('m.k', i)}, pg_temp.hub_snils(100000000 + ${i} * 4 + m.k),
            (${sql.literal(SURNAMES_M)})[1 + ${i} % 20] || case when (${i} + m.k) % 2 = 0 then 'а' else '' end,
            case when (${i} + m.k) % 2 = 0 then (${sql.literal(FIRST_F)})[1 + (${i} + m.k) % 10] else (${sql.literal(FIRST_M)})[1 + (${i} + m.k) % 10] end,
            case when (${i} + m.k) % 2 = 0 then (${sql.literal(PATRONYMIC_F)})[1 + ${i} % 8] else (${sql.literal(PATRONYMIC_M)})[1 + ${i} % 8] end,
            case m.k when 1 then ${sql.targetBirthDate(i)} when 0 then date '1975-01-01' + (${i} % 6000) else date '2012-01-01' + (${i} % 4000) end,
            case when (${i} + m.k) % 2 = 0 then 'FEMALE'::sex else 'MALE'::sex end,
            case when m.k <> 1 or ${sql.category(i)} in ('ADULT', 'SENIOR') then '+7 9' || lpad((${i} * 7 + m.k)::text, 9, '0') end,
            (array['PHONE','HOME_VISIT','POST','EMAIL'])[1 + ${i} % 4]::contact_preference,
            case when m.k <> 1 then null when ${sql.category(i)} = 'EARLY' then case when ${i} % 2 = 0 then 'DISABLED_CHILD'::disability_group end
                 when ${sql.category(i)} = 'CHILD' then 'DISABLED_CHILD'::disability_group
                 else (array['I','II','III'])[1 + ${i} % 3]::disability_group end,
            case when m.k = 1 then date '2020-01-01' + (${i} % 2000) end,
            m.k = 1 and ${sql.category(i)} in ('EARLY', 'CHILD') and ${i} % 3 = 0,
            m.k = 1 and ${sql.category(i)} = 'EARLY' and ${i} % 2 = 1
       from generate_series($1::int, $2::int) g(i)
       join lateral (select k from generate_series(0, 2) k) m(k)
         on (m.k = 1) or (m.k = 0 and ${sql.category(i)} <> 'SENIOR') or (m.k = 2 and ${i} % 3 = 0 and ${sql.category(i)} <> 'SENIOR')`,
    [from, to],
  );
  await client.query(
    `insert into family_member (id, family_id, person_id, relation, is_legal_representative)
     select md5('member-' || p.i || '-' || p.k)::uuid, ${sql.familyId('p.i')}, ${sql.personId('p.k', 'p.i')},
            case p.k when 0 then 'PARENT' when 1 then case when ${sql.category('p.i')} = 'SENIOR' then 'SELF' else 'CHILD' end else 'SIBLING' end::family_relation,
            p.k = 0
       from (select g.i, m.k from generate_series($1::int, $2::int) g(i) cross join generate_series(0, 2) m(k)) p
      where p.k = 1 or (p.k = 0 and ${sql.category('p.i')} <> 'SENIOR') or (p.k = 2 and p.i % 3 = 0 and ${sql.category('p.i')} <> 'SENIOR')`,
    [from, to],
  );
  // 85 % of the people the families are about consent to exchange with all agencies.
  await client.query(
    `insert into consent (id, person_id, agencies, given_on, signed_by_person_id)
     select md5('consent-' || ${i})::uuid, ${sql.personId(1, i)}, array['HEALTH','EDUCATION','EMPLOYMENT','RENTAL_FUND'],
            date '2025-01-01' + (${i} % 600), case when ${sql.category(i)} <> 'SENIOR' then ${sql.personId(0, i)} end
       from generate_series($1::int, $2::int) g(i) where ${i} % 20 <> 7 and ${i} % 20 <> 13 and ${i} % 20 <> 19`,
    [from, to],
  );
  // One support case per family, at a stage drawn from the family number; opened over 2025–2026.
  const stage = `(array['IDENTIFIED','CONTACTED','NEEDS_ASSESSED','PROGRAMME_AGREED','IN_IMPLEMENTATION','IN_IMPLEMENTATION','CONCLUDED','DECLINED'])[1 + ${i} % 8]`;
  const opened = `(date '2025-01-09' + (${i} * 13) % 680)`;
  await client.query(
    `insert into signal (id, idempotency_key, submitted_by, source, person_id, person_snils, received_on, summary, support_case_id, created_at)
     select md5('signal-' || ${i})::uuid, 'synthetic:' || ${i}, 'synthetic-generator',
            (array['IPRA_EXTRACT','ORGANIZATION_APPEAL','PERSONAL_APPEAL','HEALTH_INSTITUTION','HELPLINE'])[1 + ${i} % 5]::signal_source,
            ${sql.personId(1, i)}, pg_temp.hub_snils(100000000 + ${i} * 4 + 1), ${opened}, 'Синтетический сигнал', md5('case-' || ${i})::uuid, now()
       from generate_series($1::int, $2::int) g(i)`,
    [from, to],
  );
  await client.query(
    `insert into support_case (id, family_id, person_id, stage, operator_organization_id, territory_oktmo, coordinator_subject, coordinator_post,
                               opened_on, stage_entered_on, appealed_on, signal_id, opening_source, conclusion, closed_on)
     select md5('case-' || ${i})::uuid, ${sql.familyId(i)}, ${sql.personId(1, i)}, ${stage}::support_stage,
            (${sql.operatorIds()})[${sql.operatorIndex(i)}], (${sql.operatorOktmos()})[${sql.operatorIndex(i)}],
            'coordinator-' || (${i} % 300), 'Специалист по социальной работе',
            ${opened}, ${opened} + (1 + ${i} % 8) * (array_position(array['IDENTIFIED','CONTACTED','NEEDS_ASSESSED','PROGRAMME_AGREED','IN_IMPLEMENTATION','IN_IMPLEMENTATION','CONCLUDED','DECLINED'], ${stage}) - 1),
            ${opened}, md5('signal-' || ${i})::uuid,
            (array['IPRA_EXTRACT','ORGANIZATION_APPEAL','PERSONAL_APPEAL','HEALTH_INSTITUTION','HELPLINE'])[1 + ${i} % 5]::signal_source,
            case when ${stage} = 'CONCLUDED' then 'Программа исполнена' end,
            case when ${stage} in ('CONCLUDED', 'DECLINED') then ${opened} + 60 + ${i} % 40 end
       from generate_series($1::int, $2::int) g(i)`,
    [from, to],
  );
  // Stage history: one transition per stage reached (a declined case declines after contact).
  await client.query(
    `insert into stage_transition (id, case_id, person_id, from_stage, to_stage, by_subject, by_role, "on", recorded_at, contact_method)
     select md5('transition-' || c.i || '-' || s.n)::uuid, md5('case-' || c.i)::uuid, ${sql.personId(1, 'c.i')},
            case when s.n > 0 then (array['IDENTIFIED','CONTACTED','NEEDS_ASSESSED','PROGRAMME_AGREED','IN_IMPLEMENTATION','CONCLUDED'])[s.n]::support_stage end,
            (case when c.declined and s.n = 2 then 'DECLINED' else (array['IDENTIFIED','CONTACTED','NEEDS_ASSESSED','PROGRAMME_AGREED','IN_IMPLEMENTATION','CONCLUDED'])[s.n + 1] end)::support_stage,
            'coordinator-' || (c.i % 300), 'COORDINATOR', c.opened + s.n * (1 + c.i % 8), c.opened + s.n * (1 + c.i % 8) + interval '10 hours',
            case when s.n = 1 then (array['PHONE','HOME_VISIT','POST'])[1 + c.i % 3]::contact_method end
       from (select ${i} as i, ${opened} as opened, ${i} % 8 = 7 as declined,
                    case ${i} % 8 when 0 then 0 when 1 then 1 when 2 then 2 when 3 then 3 when 4 then 4 when 5 then 4 when 6 then 5 else 2 end as last
               from generate_series($1::int, $2::int) g(i)) c
       join lateral generate_series(0, c.last) s(n) on true`,
    [from, to],
  );
  // Programmes with two measures and referrals for cases that reached the programme.
  const reached = `${i} % 8 in (3, 4, 5, 6)`;
  await client.query(
    `insert into programme (id, case_id, person_id, kind, agreed_on, approved_on, valid_from, valid_until)
     select md5('programme-' || ${i})::uuid, md5('case-' || ${i})::uuid, ${sql.personId(1, i)},
            (case when ${i} % 2 = 0 then 'SERVICE_PROGRAMME' else 'SUPPORT_PROGRAMME' end)::programme_kind,
            ${opened} + 20, case when ${i} % 2 = 0 then ${opened} + 20 end, ${opened} + 20, ${opened} + 385
       from generate_series($1::int, $2::int) g(i) where ${reached}`,
    [from, to],
  );
  // An IPPSU's approval day is kept on its case: the start term counts from it (seed 004 §3.2.8).
  await client.query(
    `update support_case c set service_programme_approved_on = p.approved_on
       from programme p where p.case_id = c.id and p.approved_on is not null
        and c.id in (select md5('case-' || g.i)::uuid from generate_series($1::int, $2::int) g(i))`,
    [from, to],
  );
  const executor = (n: number) =>
    n === 0
      ? `(case when ${sql.category(i)} in ('EARLY','CHILD') then 'EDUCATION' when ${sql.category(i)} = 'ADULT' then 'EMPLOYMENT' else 'HEALTH' end)`
      : `'RENTAL_FUND'`;
  for (const n of [0, 1]) {
    await client.query(
      `insert into measure (id, programme_id, case_id, person_id, kind, title, executing_organization_id, executor_agency, planned_from, planned_to, status)
       select md5('measure-' || ${i} || '-${n}')::uuid, md5('programme-' || ${i})::uuid, md5('case-' || ${i})::uuid, ${sql.personId(1, i)},
              ${n === 0 ? `(case when ${sql.category(i)} in ('EARLY','CHILD') then 'PEDAGOGICAL' when ${sql.category(i)} = 'ADULT' then 'EMPLOYMENT' else 'MEDICAL' end)` : `'TECHNICAL_AID'`}::measure_kind,
              ${n === 0 ? `'Содействие в получении услуг'` : `'Обеспечение ТСР через пункт проката'`},
              md5('provider-' || ${executor(n)} || '-' || (${i} % ${TERRITORIES.length}))::uuid, ${executor(n)},
              ${opened} + 25, ${opened} + 200,
              (case when ${i} % 8 = 6 then 'DONE' when ${i} % 8 in (4, 5) then 'IN_PROGRESS' else 'PLANNED' end)::measure_status
         from generate_series($1::int, $2::int) g(i) where ${reached}`,
      [from, to],
    );
    await client.query(
      `insert into referral (id, measure_id, case_id, person_id, requester_organization_id, executor_organization_id, executor_agency,
                             status, requested_on, answered_on, status_changed_on)
       select md5('referral-' || ${i} || '-${n}')::uuid, md5('measure-' || ${i} || '-${n}')::uuid, md5('case-' || ${i})::uuid, ${sql.personId(1, i)},
              (${sql.operatorIds()})[${sql.operatorIndex(i)}], md5('provider-' || ${executor(n)} || '-' || (${i} % ${TERRITORIES.length}))::uuid, ${executor(n)},
              (array['REQUESTED','ACCEPTED','IN_PROGRESS','DONE','REJECTED'])[1 + (${i} + ${n}) % 5]::referral_status,
              ${opened} + 26, case when (${i} + ${n}) % 5 <> 0 then ${opened} + 28 end, ${opened} + 28 + (${i} % 30)
         from generate_series($1::int, $2::int) g(i) where ${reached}`,
      [from, to],
    );
  }
}

/** Synthetic providers of each agency on every territory, in the regional organization directory. */
export async function generateProviders(client: Client): Promise<void> {
  await client.query(
    `insert into organization (id, code, name, agency, kind, territory_oktmo)
     select md5('provider-' || a.agency || '-' || (t.n - 1))::uuid, 'syn-' || lower(a.agency) || '-' || (t.n - 1),
            a.title || ' (синтетическая), ' || tr.name, a.agency, 'CO_EXECUTOR', t.oktmo
       from unnest(${sql.literal(TERRITORIES)}::text[]) with ordinality t(oktmo, n)
       join territory tr on tr.oktmo = t.oktmo
       cross join (values ('HEALTH', 'Поликлиника'), ('EDUCATION', 'Школа'), ('EMPLOYMENT', 'Центр занятости'), ('RENTAL_FUND', 'Пункт проката ТСР')) a(agency, title)
     on conflict (id) do nothing`,
  );
}
