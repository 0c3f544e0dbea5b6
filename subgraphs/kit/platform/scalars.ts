import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
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
  parseLiteral: (ast) =>
    locatedAt(ast, () => {
      if (ast.kind !== Kind.STRING) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'LocalDate must be a string');
      return parseLocalDate(ast.value);
    }),
});

/**
 * graphql-js reports a GraphQLError thrown from parseLiteral as it is, without the value's place in the document;
 * with it, the error formatter can name the argument the literal was given for (kit/platform/error-formatter.ts).
 */
function locatedAt<T>(ast: ValueNode, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new GraphQLError(error.message, { nodes: ast, originalError: error, extensions: error.extensions });
  }
}
