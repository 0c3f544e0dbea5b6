import { OPERATOR_ORGANIZATIONS, IRKUTSK_TERRITORIES } from '../../../subgraphs/social-protection/reference/operator-organizations';
import { organizationId } from '../../../subgraphs/kit/domain/stable-id';

/**
 * A synthetic region: deterministic families spread over the real territories of the 46 Irkutsk operator
 * organizations (seed 003 annex). Every id is derived from the family number with md5, so each agency's
 * generator, running in its own database, points at the same people without asking another database.
 * No real personal data: names are drawn from common-name lists, SNILS numbers are made with a valid checksum.
 */
export const OPERATORS = OPERATOR_ORGANIZATIONS.filter((o) => o.operatorPerSection4).map((o) => ({
  id: organizationId(o.code),
  oktmo: o.oktmo,
}));
export const TERRITORIES = IRKUTSK_TERRITORIES.map((t) => t.oktmo);

const literal = (values: string[]) => `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`;

/** SQL expressions shared by all generators; `i` is the family number. */
export const sql = {
  familyId: (i = 'i') => `md5('family-' || ${i})::uuid`,
  personId: (k: number | string, i = 'i') => `md5('person-' || ${i} || '-' || ${k})::uuid`,
  operatorIndex: (i = 'i') => `(${i} % ${OPERATORS.length}) + 1`,
  operatorIds: () => `${literal(OPERATORS.map((o) => o.id))}::uuid[]`,
  operatorOktmos: () => literal(OPERATORS.map((o) => o.oktmo)),
  /**
   * Who the family is about (seed 003 §3): 15 % early help 0–3, 40 % disabled children, 30 % disabled adults of
   * working age, 15 % disabled people over 60. Seniors live alone; other families have a parent and sometimes a sibling.
   */
  category: (i = 'i') =>
    `(case when ${i} % 20 < 3 then 'EARLY' when ${i} % 20 < 11 then 'CHILD' when ${i} % 20 < 17 then 'ADULT' else 'SENIOR' end)`,
  /** Birth date of the person the family is about, by category, spread by the family number. */
  targetBirthDate: (i = 'i') => `(date '2026-11-01' - (case
      when ${i} % 20 < 3 then 30 + (${i} * 37) % 1000
      when ${i} % 20 < 11 then 1100 + (${i} * 53) % 5400
      when ${i} % 20 < 17 then 6600 + (${i} * 71) % 15000
      else 22000 + (${i} * 89) % 9000 end) * interval '1 day')::date`,
  literal,
};

export interface Batch {
  from: number;
  to: number;
}

/** A valid SNILS for a number (checksum per the Pension Fund rule), as SQL. */
export const SNILS_FUNCTION = `
create or replace function pg_temp.hub_snils(n bigint) returns text language sql immutable as $$
  with b as (select lpad(n::text, 9, '0') as body),
       s as (select body, (select sum(substr(body, k, 1)::int * (10 - k)) from generate_series(1, 9) k) as t from b)
  select body || lpad((case when t < 100 then t when t < 102 then 0 when t % 101 = 100 then 0 else t % 101 end)::text, 2, '0') from s
$$`;
