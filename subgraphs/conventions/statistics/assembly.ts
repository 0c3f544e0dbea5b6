import { monthRange, type StatisticCell, type StatisticsReport } from './contract';
import type { Contribution } from '../../assembly/contributions';

/** The report a `statistics(...)` query opens: its arguments, checked once here, become the entity's key. */
export function openReport(args: { fromMonth: string; toMonth: string; territoryOktmo?: string | null }): StatisticsReport {
  monthRange(args.fromMonth, args.toMonth);
  return { fromMonth: args.fromMonth, toMonth: args.toMonth, territoryOktmo: args.territoryOktmo ?? null };
}

/** Every agency's released cells (statistics convention); each agency suppressed its own small counts. */
export function reportCells(report: Record<string, unknown>, statistics: Contribution[]): StatisticCell[] {
  return statistics.flatMap((c) => (report[c.field] as StatisticCell[] | null | undefined) ?? []);
}

/** Agencies whose cells are missing (they refused the caller or did not answer). */
export function missingAgencies(report: Record<string, unknown>, statistics: Contribution[]): string[] {
  return statistics.filter((c) => !Array.isArray(report[c.field])).map((c) => c.agency);
}
