/**
 * The target category of seed 003 §3 as SQL over a `person` row aliased `p`, evaluated on `day` — the same
 * bands as person/target-category.ts (a boundary age goes to the older band), so aggregates stay in the database.
 */
export const targetCategorySql = (day = 'current_date') => `
  case
    when extract(year from age(${day}, p.birth_date)) < 3
      and (p.disability_group is not null or p.has_limited_health_capabilities or p.is_at_risk) then 'EARLY_HELP_CHILD'
    when p.disability_group is null then 'OTHER'
    when extract(year from age(${day}, p.birth_date)) < 18 then 'DISABLED_CHILD'
    when extract(year from age(${day}, p.birth_date)) < 60 then 'DISABLED_ADULT_WORKING_AGE'
    else 'DISABLED_SENIOR'
  end`;
