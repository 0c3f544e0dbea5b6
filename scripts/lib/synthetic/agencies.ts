import type { Client } from 'pg';
import { sql, TERRITORIES, type Batch } from './common';

const provider = (agency: string, i: string) => `md5('provider-${agency}-' || (${i} % ${TERRITORIES.length}))::uuid`;

/** Education: early-help programmes for the youngest, enrolments for disabled children (seed 003 §8). */
export async function generateEducation(client: Client, { from, to }: Batch): Promise<void> {
  const i = 'g.i';
  await client.query(
    `insert into early_help_program (id, person_id, organization_id, start_date, end_date, child_birth_date, at_risk, goals, hours_per_month, natural_life_situations, status)
     select md5('ehp-' || ${i})::uuid, ${sql.personId(1, i)}, ${provider('EDUCATION', i)},
            greatest(${sql.targetBirthDate(i)} + 60, date '2025-01-01'), ${sql.targetBirthDate(i)} + 1090, ${sql.targetBirthDate(i)}, ${i} % 2 = 1,
            array['Развитие коммуникации'], 8, array['Кормление', 'Прогулка'], 'ACTIVE'
       from generate_series($1::int, $2::int) g(i) where ${i} % 20 < 3`,
    [from, to],
  );
  await client.query(
    `insert into enrolment (id, person_id, organization_id, level, form, class_name, from_date)
     select md5('enrolment-' || ${i})::uuid, ${sql.personId(1, i)}, ${provider('EDUCATION', i)},
            (case when ${sql.targetBirthDate(i)} > date '2019-09-01' then 'KINDERGARTEN' else 'SCHOOL' end)::education_level,
            (array['INCLUSIVE_CLASS','SPECIAL_CLASS','HOME_SCHOOLING','REGULAR'])[1 + ${i} % 4]::education_form, null, date '2025-09-01'
       from generate_series($1::int, $2::int) g(i) where ${i} % 20 between 3 and 10`,
    [from, to],
  );
}

/** Employment: job-seeker registrations and social employment for disabled adults of working age (seed 003 §28–29). */
export async function generateEmployment(client: Client, { from, to }: Batch): Promise<void> {
  const i = 'g.i';
  await client.query(
    `insert into job_seeker_registration (id, person_id, organization_id, registered_on, status)
     select md5('jsr-' || ${i})::uuid, ${sql.personId(1, i)}, ${provider('EMPLOYMENT', i)}, date '2025-02-01' + (${i} % 600),
            (array['ACTIVE','PLACED','DEREGISTERED'])[1 + ${i} % 3]::job_seeker_status
       from generate_series($1::int, $2::int) g(i) where ${i} % 20 between 11 and 16 and ${i} % 2 = 0`,
    [from, to],
  );
  await client.query(
    `insert into social_employment (id, person_id, organization_id, activity, start_date, end_date, work_ability_limitation_degree)
     select md5('se-' || ${i})::uuid, ${sql.personId(1, i)}, ${provider('EMPLOYMENT', i)}, 'Сборка изделий', date '2025-03-01' + (${i} % 500),
            date '2026-03-01' + (${i} % 500), 3
       from generate_series($1::int, $2::int) g(i) where ${i} % 20 between 11 and 16 and ${i} % 5 = 0`,
    [from, to],
  );
}

/**
 * Rental fund: one point per territory with stock of every aid type, contracts for some of the people the
 * families are about (each active contract on its own item), and a queue where a point ran out.
 */
export async function generateRentalStock(client: Client): Promise<void> {
  await client.query(
    `insert into rental_point (id, organization_id, name, address, territory_oktmo, latitude, longitude, opening_hours, phone)
     select md5('point-' || (t.n - 1))::uuid, md5('provider-RENTAL_FUND-' || (t.n - 1))::uuid, 'Пункт проката № ' || t.n,
            'Синтетический адрес пункта № ' || t.n, t.oktmo, 51.5 + (t.n * 0.137) % 6, 99.5 + (t.n * 0.291) % 16, 'пн–пт 9:00–17:00', null
       from unnest(${sql.literal(TERRITORIES)}::text[]) with ordinality t(oktmo, n)
     on conflict (id) do nothing`,
  );
  await client.query(
    `insert into rental_item (id, mark, aid_code, rental_point_id, condition, on_loan, acquisition_source, value_kopecks)
     select md5('stock-' || p.n || '-' || a.code || '-' || k)::uuid, 'S-' || p.n || '-' || a.code || '-' || k, a.code, md5('point-' || (p.n - 1))::uuid,
            'WORKING_ORDER', false, 'BOUGHT', 1500000
       from generate_series(1, ${TERRITORIES.length}) p(n) cross join aid_type a cross join generate_series(1, 3) k
       where (p.n + length(a.code)) % 5 <> 0
     on conflict (id) do nothing`,
  );
}

export async function generateRentals(client: Client, { from, to }: Batch): Promise<void> {
  const i = 'g.i';
  const aid = `(array['WHEELCHAIR_MANUAL','WALKER_FOLDING','CRUTCHES','BED_MULTIFUNCTION_ELECTRIC'])[1 + ${i} % 4]`;
  const rents = `${i} % 20 in (3, 8, 14, 17, 18, 19) and ${i} % 3 = 0`;
  const queued = `${i} % 20 in (12, 18) and ${i} % 3 = 1`;
  await client.query(
    `insert into rental_application (id, idempotency_key, person_id, snils, aid_code, rental_point_id, ground, documents, ipra_aids,
                                     applied_at, applied_on, requested_days, delivery_required, delivery_reason, status)
     select md5('application-' || ${i})::uuid, 'synthetic:' || ${i}, ${sql.personId(1, i)}, pg_temp.hub_snils(100000000 + ${i} * 4 + 1), ${aid},
            md5('point-' || (${i} % ${TERRITORIES.length}))::uuid,
            (case when ${i} % 2 = 0 then 'QUEUED_FOR_IPRA_AID' else 'REHABILITATION_PERIOD' end)::rental_ground,
            array['IDENTITY_DOCUMENT', 'IPRA'], case when ${i} % 2 = 0 then array[${aid}] end,
            timestamp '2025-03-01' + (${i} % 600) * interval '1 day', date '2025-03-01' + (${i} % 600), 180, ${i} % 4 = 0, 'Синтетические данные',
            (case when ${rents} then 'ISSUED' else 'QUEUED' end)::rental_application_status
       from generate_series($1::int, $2::int) g(i) where ${rents} or ${queued}`,
    [from, to],
  );
  await client.query(
    `insert into rental_item (id, mark, aid_code, rental_point_id, condition, on_loan, acquisition_source, value_kopecks)
     select md5('item-' || ${i})::uuid, 'R-' || ${i}, ${aid}, md5('point-' || (${i} % ${TERRITORIES.length}))::uuid, 'WORKING_ORDER',
            ${i} % 9 <> 0, 'BOUGHT', 1500000
       from generate_series($1::int, $2::int) g(i) where ${rents}`,
    [from, to],
  );
  await client.query(
    `insert into rental_contract (id, application_id, item_id, rental_point_id, aid_code, person_id, contract_number, signed_on, issued_on, due_on,
                                  tariff_kopecks, fee_kopecks, free, price_reason, delivery_required, hand_over_act_number, returned_on, status)
     select md5('contract-' || ${i})::uuid, md5('application-' || ${i})::uuid, md5('item-' || ${i})::uuid,
            md5('point-' || (${i} % ${TERRITORIES.length}))::uuid, ${aid}, ${sql.personId(1, i)}, 'Д-' || ${i},
            date '2025-03-01' + (${i} % 600), date '2025-03-01' + (${i} % 600), date '2025-03-01' + (${i} % 600) + 180,
            3241, case when ${i} % 2 = 0 then 0 else 3241 * 181 end, ${i} % 2 = 0, 'Синтетические данные', ${i} % 4 = 0, 'А-' || ${i},
            case when ${i} % 9 = 0 then date '2025-03-01' + (${i} % 600) + 170 end,
            (case when ${i} % 9 = 0 then 'RETURNED' else 'ACTIVE' end)::rental_contract_status
       from generate_series($1::int, $2::int) g(i) where ${rents}`,
    [from, to],
  );
}

/**
 * Fixed-capacity services for the resource map, per territory: some territories lack a service on purpose,
 * so the map shows real coverage gaps.
 */
export async function generateProvidedServices(
  client: Client,
  agency: string,
  kinds: { kind: string; name: string; places: number; skipEvery: number }[],
): Promise<void> {
  for (const k of kinds) {
    await client.query(
      `insert into provided_service (id, territory_oktmo, service_kind, name, organization_id, address, capacity_total, capacity_used, unit)
       select md5('service-${agency}-${k.kind}-' || (t.n - 1))::uuid, t.oktmo, '${k.kind}', '${k.name}', md5('provider-${agency}-' || (t.n - 1))::uuid,
              'Синтетический адрес', ${k.places} + (t.n * 7) % ${k.places}, (t.n * 5) % ${k.places}, 'places'
         from unnest(${sql.literal(TERRITORIES)}::text[]) with ordinality t(oktmo, n)
        where t.n % ${k.skipEvery} <> 0
       on conflict (id) do nothing`,
    );
  }
}
