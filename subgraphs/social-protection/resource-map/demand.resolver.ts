import { today } from '../../kit/platform/clock';
import { Authorized, Ctx, Directive, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { CONVENTION_TAG } from '../../conventions/tags';
import type { HubContext } from '../../kit/platform/context';
import { sqlTextArray } from '../../kit/platform/database';
import { Role } from '../../kit/policy/roles';
import { suppress, suppressionThreshold } from '../../kit/policy/suppression';
import { targetCategorySql } from '../statistics/target-category.sql';
import { Territory } from '../territory/territory.entity';
import { demandByServiceKind } from './demand.rules';

// Shareable: the resource map (assembly subgraph) returns social protection's demand as it received it.
@Directive('@shareable')
@ObjectType({ description: 'A count of people or needs, suppressed as "<10" when small.' })
export class KindCount {
  @Field({ description: 'What is counted: a target category, a measure kind or a service kind (a code of the list the field names).' })
  kind!: string;

  @Field({ description: 'The count as released: a number, or "<10".' })
  value!: string;

  @Field(() => Int, { nullable: true, description: 'Null when suppressed.' })
  count!: number | null;
}

@Directive('@shareable')
@ObjectType({ description: "Social protection's demand on a territory: who needs what (aggregates only)." })
export class TerritoryDemand {
  @Field(() => [KindCount], { description: 'People in families supported here, by target category of seed 003 §3.' })
  peopleByTargetCategory!: KindCount[];

  @Field(() => [KindCount], { description: 'Open programme measures by kind.' })
  openMeasuresByKind!: KindCount[];

  @Field(() => [KindCount], { description: 'Demand per service kind, as the resource map compares it with supply.' })
  byServiceKind!: KindCount[];

  @Field(() => KindCount, { description: 'Referrals sent and not yet completed, rejected or cancelled.' })
  openReferrals!: KindCount;

  @Field(() => KindCount, { description: 'Support cases not yet concluded.' })
  openCases!: KindCount;
}

interface Row {
  territory_oktmo: string;
  dimension: string;
  kind: string;
  count: number;
}

/**
 * Demand of all territories of a request in one statement, from the counts the database keeps with every write
 * (demand-tally.entity.ts): people by target category — computed here, on the hub's today, because it depends on
 * age — and open measures, referrals and cases as counted. Only people who can fall in a category other than OTHER
 * are read (a disability group, OVZ or risk).
 */
async function loadDemand(ctx: HubContext, oktmos: readonly string[]): Promise<Row[]> {
  return (await ctx.em.getConnection().execute(
    `
    select p.territory_oktmo, 'PEOPLE' as dimension, ${targetCategorySql(today())} as kind, count(*)::int as count
      from demand_person p
     where p.territory_oktmo = any(?::text[])
       and (p.disability_group is not null or p.has_limited_health_capabilities or p.is_at_risk)
     group by 1, 3
    union all
    select territory_oktmo, dimension, kind, count from demand_tally where territory_oktmo = any(?::text[]) and count > 0`,
    Array(2).fill(sqlTextArray(oktmos)),
  )) as Row[];
}

function released(rows: { kind: string; count: number }[]): KindCount[] {
  const cells = suppress(
    rows.map((r) => ({ group: 'all', key: r.kind, count: r.count })),
    suppressionThreshold(),
  );
  return rows.map((r, i) => ({ kind: r.kind, value: cells[i].value, count: cells[i].suppressed ? null : r.count }));
}

@Resolver(() => Territory)
export class DemandResolver {
  @Authorized(Role.ANALYST, Role.COORDINATOR, Role.ADMINISTRATOR)
  @Directive(CONVENTION_TAG.demand)
  @FieldResolver(() => TerritoryDemand, {
    nullable: true,
    description: 'Demand on the territory (resource map): aggregates only, small counts suppressed.',
  })
  async demand(@Root() territory: Territory, @Ctx() ctx: HubContext): Promise<TerritoryDemand> {
    const rows = await ctx.loaders
      .get<string, Row[]>('Territory.demand', async (oktmos) => {
        const all = await loadDemand(ctx, oktmos);
        return oktmos.map((oktmo) => all.filter((r) => r.territory_oktmo === oktmo));
      })
      .load(territory.oktmo);
    const of = (dimension: string) => rows.filter((r) => r.dimension === dimension).map((r) => ({ kind: r.kind, count: r.count }));
    const people = of('PEOPLE').filter((p) => p.kind !== 'OTHER');
    const measures = of('MEASURE');
    return {
      peopleByTargetCategory: released(people),
      openMeasuresByKind: released(measures),
      byServiceKind: released(
        demandByServiceKind(
          people.map((p) => ({ category: p.kind, count: p.count })),
          measures,
        ).map((d) => ({ kind: d.serviceKind, count: d.count })),
      ),
      openReferrals: released([{ kind: 'OPEN_REFERRALS', count: of('REFERRALS')[0]?.count ?? 0 }])[0],
      openCases: released([{ kind: 'OPEN_CASES', count: of('CASES')[0]?.count ?? 0 }])[0],
    };
  }
}
