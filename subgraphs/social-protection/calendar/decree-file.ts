import { badInput, DomainError } from '../../kit/platform/errors';
import type { Decree, DecreeDay } from './decree-rules';
import { assertIsoDate } from './iso-date';

/**
 * The decree file an administrator writes from the published decree (`npm run calendar -- load <file>`):
 *
 *   # lines starting with # are comments
 *   year,2027
 *   2027-05-03,day_off,Government decree No. … of …,2027-01-02
 *   2027-11-06,working_day,Government decree No. … of …
 *
 * One line per day: date, kind (day_off | working_day), decree reference (no commas), and for a day_off the
 * weekend day it is moved from. Only the parsing lives here; validateDecree judges the content.
 */
export const DecreeFileError = {
  MISSING_YEAR: 'DECREE_FILE_MISSING_YEAR',
  MALFORMED_LINE: 'DECREE_FILE_MALFORMED_LINE',
} as const;

export function parseDecreeFile(text: string): Decree {
  let year: number | null = null;
  const days: DecreeDay[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const cells = line.split(',').map((c) => c.trim());
    const lineNo = index + 1;
    if (year === null) {
      if (cells[0].toLowerCase() !== 'year' || !/^\d{4}$/.test(cells[1] ?? '') || cells.length !== 2) {
        throw badInput(`Line ${lineNo}: the file must start with "year,YYYY"`, { reason: DecreeFileError.MISSING_YEAR, line: lineNo });
      }
      year = Number(cells[1]);
      return;
    }
    if (cells.length < 3 || cells.length > 4) {
      throw badInput(`Line ${lineNo}: expected "date,kind,reference[,from]", got ${JSON.stringify(line)}`, {
        reason: DecreeFileError.MALFORMED_LINE,
        line: lineNo,
      });
    }
    const [date, kind, reference, from] = cells;
    try {
      assertIsoDate(date);
      if (from) assertIsoDate(from);
    } catch (e) {
      if (e instanceof DomainError)
        throw badInput(`Line ${lineNo}: ${e.message}`, { reason: DecreeFileError.MALFORMED_LINE, line: lineNo });
      throw e;
    }
    days.push({ date, kind: kind.toLowerCase(), reference, from: from || null });
  });
  if (year === null) throw badInput('The file has no "year,YYYY" line', { reason: DecreeFileError.MISSING_YEAR });
  return { year, days };
}
