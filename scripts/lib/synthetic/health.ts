import type { Client } from 'pg';
import { sql, TERRITORIES, type Batch } from './common';

/**
 * Health: an IPRA for every disabled person the families are about, with a medical-rehabilitation measure, a
 * measure another agency executes (psychological-pedagogical for children, professional for adults, social for
 * seniors), and technical aids for a third; an MSE re-examination date for adults.
 */
export async function generateHealth(client: Client, { from, to }: Batch): Promise<void> {
  const i = 'g.i';
  const disabled = `(${i} % 20 >= 3 or ${i} % 2 = 0)`;
  const issued = `(date '2023-01-10' + (${i} * 17) % 1000)`;
  await client.query(
    `insert into ipra (id, number, person_id, person_snils, issued_on, valid_until, disability_group, disability_cause, mse_bureau_name, registered_at, registered_by)
     select md5('ipra-' || ${i})::uuid, 'ИПРА-' || ${i} || '/2025', ${sql.personId(1, i)}, pg_temp.hub_snils(100000000 + ${i} * 4 + 1), ${issued}, ${issued} + 1095,
            (case when ${i} % 20 < 11 then 'DISABLED_CHILD' else (array['I','II','III'])[1 + ${i} % 3] end)::ipra_disability_group,
            'Общее заболевание', 'Бюро МСЭ № ' || (1 + ${i} % 30) || ' по Иркутской области', now(), 'synthetic-generator'
       from generate_series($1::int, $2::int) g(i) where ${disabled}`,
    [from, to],
  );
  const measures: [string, string, string, string][] = [
    ['0', `'MEDICAL_REHABILITATION'`, `'Медицинская реабилитация'`, `'HEALTH'`],
    [
      '1',
      `(case when ${i} % 20 < 11 then 'PSYCHOLOGICAL_PEDAGOGICAL' when ${i} % 20 < 17 then 'PROFESSIONAL' else 'SOCIAL' end)`,
      `'Мероприятие другого ведомства'`,
      `(case when ${i} % 20 < 11 then 'EDUCATION' when ${i} % 20 < 17 then 'EMPLOYMENT' else 'SOCIAL_PROTECTION' end)`,
    ],
    ['2', `'TECHNICAL_AIDS'`, `'Технические средства реабилитации'`, 'null'],
  ];
  for (const [n, section, title, agency] of measures) {
    await client.query(
      `insert into ipra_measure (id, ipra_id, person_id, section, title, period_from, period_to, executor_agency, executor_organization_id,
                                 aid_code, aid_name, queued_for_own_aid, execution_status)
       select md5('ipra-measure-' || ${i} || '-${n}')::uuid, md5('ipra-' || ${i})::uuid, ${sql.personId(1, i)}, ${section}::ipra_section, ${title},
              ${issued}, ${issued} + 365, ${agency},
              case when ${n} = '0' and ${i} % 7 <> 0 then md5('provider-HEALTH-' || (${i} % ${TERRITORIES.length}))::uuid end,
              case when ${n} = '2' then 'WHEELCHAIR_MANUAL' end, case when ${n} = '2' then 'Кресло-коляска' end, case when ${n} = '2' then ${i} % 2 = 0 end,
              (array['NOT_STARTED','IN_PROGRESS','DONE'])[1 + (${i} + ${n}) % 3]::ipra_measure_execution_status
         from generate_series($1::int, $2::int) g(i) where ${disabled} ${n === '2' ? `and ${i} % 3 = 0` : ''}`,
      [from, to],
    );
  }
  await client.query(
    `insert into mse_referral (id, person_id, organization_id, referred_on, purpose, status, next_re_examination_on)
     select md5('mse-' || ${i})::uuid, ${sql.personId(1, i)}, md5('provider-HEALTH-' || (${i} % ${TERRITORIES.length}))::uuid, ${issued} - 40,
            'RE_EXAMINATION', 'EXAMINED', date '2026-06-01' + (${i} % 400)
       from generate_series($1::int, $2::int) g(i) where ${i} % 20 between 11 and 16`,
    [from, to],
  );
}
