import { badInput } from '../../kit/platform/errors';
import { AID_CATALOGUE } from './aid-catalogue';
import { assertNonNegativeInteger, IsoDate, parseIsoDate } from './dates';

/**
 * The yearly demand plan (seed 004 annex 1 §5.1): to plan purchases for the rental points, the
 * specialist "ежегодно до 01 мая представляет в Депсоцразвития Югры заявки о потребности в ТСР на
 * очередной год" — every year, before 1 May, the requests for the next year go to the regional
 * department. The seed fixes the deadline and the per-aid request, not how the need is counted.
 *
 * Formula, per aid type:  additionalUnits = max(0, issuedLastYear + queued − stock).
 *  - issuedLastYear: issues of the last full year, the best measure of the flow the fund must serve;
 *  - queued: people waiting now because no unit was free (§3.3 — a contract needs a unit in stock),
 *    demand that the issues do not show;
 *  - stock: units the fund owns and can still issue — at the point, out on rental (they come back)
 *    or under repair; written-off units are not stock.
 * Each issue is counted as a unit although a unit can be issued several times a year, so the plan
 * errs towards more units. It is a request to be bought with target-programme money, not an order, and
 * a shortfall means people wait without an aid, so erring high is the cheaper mistake; the point's
 * specialist reviews the numbers before sending.
 */
export interface DemandPlanInput {
  /** The year the plan is sent in; the plan is for the next year. */
  year: number;
  issuedLastYearByAid: Record<string, number>;
  queuedByAid: Record<string, number>;
  stockByAid: Record<string, number>;
}

export interface DemandPlanLine {
  aidCode: string;
  issuedLastYear: number;
  queued: number;
  stock: number;
  expectedDemand: number;
  additionalUnits: number;
}

export interface DemandPlan {
  /** The year the plan is sent in. */
  year: number;
  /** The year the purchases are for ("на очередной год"). */
  forYear: number;
  /** The plan must arrive before this date. */
  deadline: IsoDate;
  lines: DemandPlanLine[];
  totalAdditionalUnits: number;
  rule: string;
}

function assertYear(year: unknown): number {
  if (typeof year !== 'number' || !Number.isSafeInteger(year) || year < 2000 || year > 9999) {
    throw badInput('year must be a four-digit year', { field: 'year', value: year });
  }
  return year;
}

/**
 * "до 01 мая" — before 1 May of the year of sending. Read strictly, "до" excludes the date itself,
 * and 1 May is a public holiday anyway, so the plan is on time when sent on 30 April at the latest.
 */
export function demandPlanDeadline(year: number): IsoDate {
  return `${assertYear(year)}-05-01`;
}

export function isDemandPlanOnTime(year: number, sentOn: IsoDate): boolean {
  parseIsoDate(sentOn, 'sentOn');
  return sentOn < demandPlanDeadline(year);
}

const catalogueOrder = new Map(AID_CATALOGUE.map((aid, i) => [aid.code, i]));

function counts(map: Record<string, number>, field: string): Map<string, number> {
  if (!map || typeof map !== 'object') throw badInput(`${field} must be a map of aid code to a number`, { field });
  const out = new Map<string, number>();
  for (const [code, n] of Object.entries(map)) out.set(code, assertNonNegativeInteger(n, `${field}.${code}`));
  return out;
}

export function demandPlan(input: DemandPlanInput): DemandPlan {
  const year = assertYear(input?.year);
  const issued = counts(input.issuedLastYearByAid, 'issuedLastYearByAid');
  const queued = counts(input.queuedByAid, 'queuedByAid');
  const stock = counts(input.stockByAid, 'stockByAid');

  const codes = [...new Set([...issued.keys(), ...queued.keys(), ...stock.keys()])].sort((a, b) => {
    const ia = catalogueOrder.get(a) ?? Number.MAX_SAFE_INTEGER;
    const ib = catalogueOrder.get(b) ?? Number.MAX_SAFE_INTEGER;
    return ia - ib || (a < b ? -1 : a > b ? 1 : 0);
  });

  const lines = codes.map((aidCode): DemandPlanLine => {
    const line = { issuedLastYear: issued.get(aidCode) ?? 0, queued: queued.get(aidCode) ?? 0, stock: stock.get(aidCode) ?? 0 };
    const expectedDemand = line.issuedLastYear + line.queued;
    return { aidCode, ...line, expectedDemand, additionalUnits: Math.max(0, expectedDemand - line.stock) };
  });

  return {
    year,
    forYear: year + 1,
    deadline: demandPlanDeadline(year),
    lines,
    totalAdditionalUnits: lines.reduce((sum, l) => sum + l.additionalUnits, 0),
    rule: 'seed 004 annex 1 §5.1',
  };
}
