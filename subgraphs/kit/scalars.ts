import { GraphQLScalarType, Kind } from 'graphql';
import { DomainError, ErrorCode } from './errors';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseLocalDate(value: unknown): string {
  if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `"${String(value)}" is not a date in YYYY-MM-DD form`);
  }
  // Date.parse accepts 2025-02-30; a round trip rejects it.
  if (new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `"${value}" is not a calendar date`);
  }
  return value;
}

/**
 * A calendar date with no time zone (birth dates, deadlines, contract terms). Deadlines in
 * working days are counted in whole days, so a time of day would only invite off-by-one errors.
 */
export const LocalDate = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'A calendar date without time zone, YYYY-MM-DD.',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: parseLocalDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'LocalDate must be a string');
    return parseLocalDate(ast.value);
  },
});
