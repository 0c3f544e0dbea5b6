import type { Contribution } from '../../subgraphs/assembly/contributions';
import { missingAgencies, openReport, reportCells } from '../../subgraphs/conventions/statistics/assembly';
import { DomainError } from '../../subgraphs/kit/platform/errors';
import type { StatisticCell } from '../../subgraphs/conventions/statistics/contract';

const statistics = (subgraph: string, agency: string, field: string): Contribution => ({
  convention: 'statistics',
  subgraph,
  agency,
  parentType: 'StatisticsReport',
  field,
  type: 'StatisticCell',
});
const RENTAL = statistics('rental-fund', 'RENTAL_FUND', 'rentalFundStatistics');
const SOCIAL = statistics('social-protection', 'SOCIAL_PROTECTION', 'socialProtectionStatistics');

const cell = (agency: string, indicator: string, count: number | null): StatisticCell => ({
  month: '2026-05',
  territoryOktmo: '25701000',
  agency,
  indicator,
  targetCategory: 'ALL',
  value: count === null ? '<10' : String(count),
  count,
  suppressed: count === null,
});

function badInput(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the arguments to be refused');
}

describe('openReport: the arguments of statistics(...) become the report’s key (seed 003 §34, §37)', () => {
  test('a valid period opens a report keyed by its months and territory', () => {
    expect(openReport({ fromMonth: '2026-01', toMonth: '2026-06', territoryOktmo: '25701000' })).toEqual({
      fromMonth: '2026-01',
      toMonth: '2026-06',
      territoryOktmo: '25701000',
    });
  });

  test.each([
    ['absent', undefined],
    ['null', null],
  ])('a territory %s means the whole region: the key says null', (_, territoryOktmo) => {
    expect(openReport({ fromMonth: '2026-01', toMonth: '2026-01', territoryOktmo }).territoryOktmo).toBeNull();
  });

  test('a single month is a period', () => {
    expect(openReport({ fromMonth: '2026-05', toMonth: '2026-05' })).toMatchObject({ fromMonth: '2026-05', toMonth: '2026-05' });
  });

  test('a period may cross a year', () => {
    expect(openReport({ fromMonth: '2025-11', toMonth: '2026-02' })).toMatchObject({ fromMonth: '2025-11', toMonth: '2026-02' });
  });

  test.each([
    ['a month 13', '2026-13', '2026-12'],
    ['a month 00', '2026-00', '2026-01'],
    ['a month without its leading zero', '2026-1', '2026-02'],
    ['a two-digit year', '26-01', '26-02'],
    ['a full date', '2026-01-01', '2026-02'],
    ['an empty month', '', '2026-02'],
    ['a period that ends before it starts', '2026-06', '2026-01'],
  ])('%s is refused as BAD_USER_INPUT', (_, fromMonth, toMonth) => {
    const error = badInput(() => openReport({ fromMonth, toMonth }));
    expect(error.code).toBe('BAD_USER_INPUT');
  });

  test('a bad toMonth is refused like a bad fromMonth', () => {
    expect(badInput(() => openReport({ fromMonth: '2026-01', toMonth: '2026-1' })).code).toBe('BAD_USER_INPUT');
  });

  test('the refusal names the arguments it refused', () => {
    expect(badInput(() => openReport({ fromMonth: '2026-13', toMonth: '2026-12' })).extensions).toMatchObject({
      fromMonth: '2026-13',
      toMonth: '2026-12',
    });
  });
});

describe('reportCells: every agency’s released cells', () => {
  test('cells of every agency are put together, agency by agency in contribution order', () => {
    const report = {
      rentalFundStatistics: [cell('RENTAL_FUND', 'RENTALS_ISSUED', 12)],
      socialProtectionStatistics: [cell('SOCIAL_PROTECTION', 'SIGNALS_RECEIVED', 30), cell('SOCIAL_PROTECTION', 'CASES_OPENED', 11)],
    };
    expect(reportCells(report, [RENTAL, SOCIAL]).map((c) => c.indicator)).toEqual(['RENTALS_ISSUED', 'SIGNALS_RECEIVED', 'CASES_OPENED']);
    expect(reportCells(report, [SOCIAL, RENTAL]).map((c) => c.agency)).toEqual(['SOCIAL_PROTECTION', 'SOCIAL_PROTECTION', 'RENTAL_FUND']);
  });

  test('cells are passed on as each agency released them: a suppressed cell stays suppressed', () => {
    // Each agency suppressed its own small counts before they left its database; the assembly must not undo that.
    const suppressed = cell('RENTAL_FUND', 'RENTALS_RETURNED', null);
    expect(reportCells({ rentalFundStatistics: [suppressed] }, [RENTAL])).toEqual([suppressed]);
  });

  test.each([
    ['null', null],
    ['missing', undefined],
  ])('an agency whose cells are %s adds none; the others still count', (_, value) => {
    const report = { rentalFundStatistics: value, socialProtectionStatistics: [cell('SOCIAL_PROTECTION', 'CASES_OPENED', 11)] };
    expect(reportCells(report, [RENTAL, SOCIAL])).toEqual([cell('SOCIAL_PROTECTION', 'CASES_OPENED', 11)]);
  });

  test('a report with no contributions has no cells', () => {
    expect(reportCells({ rentalFundStatistics: [cell('RENTAL_FUND', 'RENTALS_ISSUED', 12)] }, [])).toEqual([]);
  });
});

describe('missingAgencies: whose cells are missing from the report', () => {
  test('an agency that refused or did not answer (null) is named', () => {
    expect(missingAgencies({ rentalFundStatistics: null, socialProtectionStatistics: [] }, [RENTAL, SOCIAL])).toEqual(['RENTAL_FUND']);
  });

  test('an agency whose field is absent from the representation is named', () => {
    expect(missingAgencies({ socialProtectionStatistics: [] }, [RENTAL, SOCIAL])).toEqual(['RENTAL_FUND']);
  });

  test('an agency that answered with no cells is not missing: it had nothing to count', () => {
    expect(missingAgencies({ rentalFundStatistics: [], socialProtectionStatistics: [] }, [RENTAL, SOCIAL])).toEqual([]);
  });

  test('every agency is named when none answered, in contribution order', () => {
    expect(missingAgencies({}, [SOCIAL, RENTAL])).toEqual(['SOCIAL_PROTECTION', 'RENTAL_FUND']);
  });

  test('cells and missing agencies agree: an agency is either counted or named', () => {
    const report = { rentalFundStatistics: [cell('RENTAL_FUND', 'RENTALS_ISSUED', 12)], socialProtectionStatistics: null };
    const counted = new Set(reportCells(report, [RENTAL, SOCIAL]).map((c) => c.agency));
    const missing = missingAgencies(report, [RENTAL, SOCIAL]);
    expect([...counted, ...missing].sort()).toEqual(['RENTAL_FUND', 'SOCIAL_PROTECTION']);
  });
});
