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

/** Demand of all territories of a request in one statement, aggregated in PostgreSQL. */
async function loadDemand(ctx: HubContext, oktmos: readonly string[]): Promise<Row[]> {
  return (await ctx.em.getConnection().execute(
    `
    select f.territory_oktmo, 'PEOPLE' as dimension, ${targetCategorySql(today())} as kind, count(distinct p.id)::int as count
      from person p join family_member m on m.person_id = p.id join family f on f.id = m.family_id
     where f.territory_oktmo = any(?::text[]) group by 1, 3
    union all
    select c.territory_oktmo, 'MEASURE', ms.kind::text, count(*)::int
      from measure ms join support_case c on c.id = ms.case_id
     where c.territory_oktmo = any(?::text[]) and ms.status in ('PLANNED', 'IN_PROGRESS') group by 1, 3
    union all
    select c.territory_oktmo, 'REFERRALS', 'OPEN', count(*)::int
      from referral r join support_case c on c.id = r.case_id
     where c.territory_oktmo = any(?::text[]) and r.status in ('REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD') group by 1
    union all
    select c.territory_oktmo, 'CASES', 'OPEN', count(*)::int
      from support_case c where c.territory_oktmo = any(?::text[]) and c.stage not in ('CONCLUDED', 'DECLINED', 'STOPPED') group by 1`,
    Array(4).fill(sqlTextArray(oktmos)),
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
