import { Directive, Field, FieldResolver, ID, Int, ObjectType, type ClassType } from 'type-graphql';
import { CONVENTION_TAG } from '../tags';
import { badInput } from '../../kit/platform/errors';
import { suppress, suppressionThreshold } from '../../kit/policy/suppression';

/**
 * THE STATISTICS CONVENTION: each agency adds one field of type `[StatisticCell!]` to the `StatisticsReport` entity
 * (`<agencyCamel>Statistics`, tagged hub-statistics), answering for the period and territory the report's key names;
 * the assembly subgraph `@requires` them all for `statistics(...) { cells }`. Each agency suppresses its own small
 * cells before they leave its database.
 */
@Directive('@shareable')
@ObjectType({ description: 'One released count: month × territory × indicator × target category (seed 003 §34.8).' })
export class StatisticCell {
  @Field({ description: 'The month counted, YYYY-MM.' })
  month!: string;

  @Field({ description: 'OKTMO code of the territory counted.' })
  territoryOktmo!: string;

  @Field({ description: 'Agency code of the agency that counted and released the cell.' })
  agency!: string;

  @Field({
    description:
      'What is counted (partners may add indicators): SIGNALS_RECEIVED, CASES_OPENED, CASES_CONCLUDED, DEADLINES_MET, DEADLINES_MISSED, REFERRALS_<STATUS>, RENTALS_ISSUED, RENTALS_RETURNED, DEADLINE_COMPLIANCE_PERCENT, ...',
  })
  indicator!: string;

  @Field({
    description:
      'A `TargetCategory` value of seed 003 §3 (EARLY_HELP_CHILD, DISABLED_CHILD, CHILD_WITH_LIMITED_HEALTH_CAPABILITIES, ' +
      'DISABLED_ADULT_WORKING_AGE, DISABLED_SENIOR), ' +
      'OTHER for people outside the target group, or ALL when the agency does not break the count down by category. ' +
      'A String, not the TargetCategory enum: OTHER and ALL are no target categories, and agencies that count no ' +
      'categories (the rental fund) declare no TargetCategory.',
  })
  targetCategory!: string;

  @Field({ description: 'The count as released: a number, or "<10" when suppressed.' })
  value!: string;

  @Field(() => Int, { nullable: true, description: 'The count, or null when suppressed.' })
  count!: number | null;

  @Field({ description: 'True when the count is small enough to identify people and is released as "<10" (seed 003 §34.8).' })
  suppressed!: boolean;
}

export interface RawCount {
  month: string;
  territoryOktmo: string;
  indicator: string;
  targetCategory: string;
  count: number;
}

/** Applies primary and secondary suppression within each month × territory × indicator table. */
export function releaseCells(agency: string, rows: RawCount[], threshold = suppressionThreshold()): StatisticCell[] {
  const released = suppress(
    rows.map((r) => ({ group: `${r.month}|${r.territoryOktmo}|${r.indicator}`, key: r.targetCategory, count: r.count })),
    threshold,
  );
  return rows.map((row, i) => ({
    ...row,
    agency,
    value: released[i].value,
    count: released[i].suppressed ? null : row.count,
    suppressed: released[i].suppressed,
  }));
}

/** Months `from`..`to` inclusive as YYYY-MM; at most 36 so a query stays an aggregate of a period. */
export function monthRange(fromMonth: string, toMonth: string): { from: string; toExclusive: string } {
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/;
  if (!valid.test(fromMonth) || !valid.test(toMonth) || toMonth < fromMonth) {
    throw badInput('fromMonth and toMonth must be YYYY-MM with fromMonth <= toMonth', { fromMonth, toMonth });
  }
  const [y, m] = toMonth.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: `${fromMonth}-01`, toExclusive: `${next}-01` };
}

/**
 * The question a statistics report answers, as an entity: its key carries the query's arguments, so each agency's
 * contribution is an ordinary entity field that a router can fetch and the assembly subgraph can `@requires`.
 */
export interface StatisticsReport {
  fromMonth: string;
  toMonth: string;
  territoryOktmo: string | null;
}

/**
 * The question a statistics report answers, as an entity: its key carries the query's arguments, so each agency's
 * contribution is an ordinary entity field that a router can fetch and the assembly subgraph can `@requires`.
 * A class per subgraph (type-graphql attaches field resolvers to the class, and each agency adds its own field).
 */
export function statisticsReportType(): ClassType<StatisticsReport> {
  @Directive('@key(fields: "fromMonth toMonth territoryOktmo")')
  @ObjectType('StatisticsReport', { description: 'Monthly statistics of every agency for a period and, optionally, one territory.' })
  class Report {
    @Field({ description: 'First month, YYYY-MM.' })
    fromMonth!: string;

    @Field({ description: 'Last month, YYYY-MM (inclusive).' })
    toMonth!: string;

    @Field(() => ID, { nullable: true, description: 'OKTMO of the territory, or null for the whole region.' })
    territoryOktmo!: string | null;
  }
  return Report;
}

/** Declares an agency's statistics field on `StatisticsReport` (nullable: an agency that refuses or fails leaves the others). */
export function StatisticsContribution(options: { name?: string; description: string }): MethodDecorator {
  return (target, key, descriptor) => {
    Directive(CONVENTION_TAG.statistics)(target, key, descriptor);
    FieldResolver(() => [StatisticCell], { ...options, nullable: true })(target, key, descriptor);
  };
}

/** The report as the agency receives it: its key fields. */
export const statisticsReportReference = { __resolveReference: (report: StatisticsReport) => report };
