/**
 * The target category of seed 003 §3 as SQL over a `person` row aliased `p`, evaluated on `day` — the same
 * bands as person/target-category.ts (a boundary age goes to the older band), so aggregates stay in the database.
 */
export const targetCategorySql = (day: string): string => {
  // The region's date from the hub clock, never the database server's current_date (its own zone and clock).
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`targetCategorySql needs a YYYY-MM-DD date, got ${day}`);
  return categoryCase(`'${day}'::date`);
};

const categoryCase = (day: string) => `
  case
    when extract(year from age(${day}, p.birth_date)) < 3
      and (p.disability_group is not null or p.has_limited_health_capabilities or p.is_at_risk) then 'EARLY_HELP_CHILD'
    when p.disability_group is null and p.has_limited_health_capabilities
      and extract(year from age(${day}, p.birth_date)) < 18 then 'CHILD_WITH_LIMITED_HEALTH_CAPABILITIES'
    when p.disability_group is null then 'OTHER'
    when extract(year from age(${day}, p.birth_date)) < 18 then 'DISABLED_CHILD'
    when extract(year from age(${day}, p.birth_date)) < 60 then 'DISABLED_ADULT_WORKING_AGE'
    else 'DISABLED_SENIOR'
  end`;
