import { GraphQLError, Kind, parse, visit, type ASTNode, type GraphQLFormattedError } from 'graphql';
import { fromDatabaseError, databaseFacts } from './database-errors';
import { DomainError, ErrorCode, formatHubError } from './errors';
import type { Logger } from './logging';

/**
 * Apollo's `formatError` for every subgraph and the gateway: database failures become their coded errors,
 * a scalar's refusal of an argument stays BAD_USER_INPUT, everything else is masked (kit/platform/errors.ts).
 * What is logged are codes, names and the path only: messages of unexpected errors carry the failing SQL
 * with every parameter (SNILS, names, birth dates), so they are never written anywhere.
 */
export function hubErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const cause = rootCause(error);
    const database = fromDatabaseError(cause);
    if (database) {
      logger.log('warn', 'database refused an operation', { code: database.code, path: formatted.path, ...databaseFacts(cause) });
      return { message: database.message, locations: formatted.locations, path: formatted.path, extensions: { ...database.extensions } };
    }
    const input = argumentRefusal(formatted, cause, error);
    if (input) return input;
    return formatHubError(formatted, () =>
      logger.log('error', 'unexpected error', { code: ErrorCode.INTERNAL, path: formatted.path, ...safeFacts(cause) }),
    );
  };
}

/**
 * Arguments refused while graphql-js coerces them, before any resolver: a kit scalar (LocalDate) rejecting a literal
 * is reported by Apollo as a validation error, a variable of the wrong form (a bad date, an unknown enum value) as
 * BAD_USER_INPUT. Both are the caller's input: they keep BAD_USER_INPUT and name the argument when graphql-js says
 * which (`Variable "$input" got invalid value … at "input.birthDate"`) or, for a literal, where its value stands.
 */
function argumentRefusal(formatted: GraphQLFormattedError, cause: unknown, error: unknown): GraphQLFormattedError | null {
  const code = formatted.extensions?.code;
  const scalarRefusal = cause instanceof DomainError && code === 'GRAPHQL_VALIDATION_FAILED';
  if (!scalarRefusal && code !== ErrorCode.BAD_USER_INPUT) return null;
  const variable = /^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?;/s.exec(formatted.message);
  const argument = variable ? (variable[2] ?? variable[1]) : scalarRefusal ? literalArgument(error) : undefined;
  const field = argument
    ?.replace(/\[\d+\]/g, '')
    .split('.')
    .pop();
  return {
    message: formatted.message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: {
      ...formatted.extensions,
      ...(cause instanceof DomainError ? cause.extensions : {}),
      code: ErrorCode.BAD_USER_INPUT,
      ...(argument && !formatted.extensions?.argument ? { field, argument } : {}),
    },
  };
}

/** The argument path (`input.birthDate`) of the literal value a validation error points at, read from the document. */
function literalArgument(error: unknown): string | undefined {
  const location = error instanceof GraphQLError ? error.nodes?.[0]?.loc : undefined;
  if (!location) return undefined;
  const path: string[] = [];
  let found: string | undefined;
  const named = { enter: (node: { name: { value: string } }) => void path.push(node.name.value), leave: () => void path.pop() };
  visit(parse(location.source), {
    [Kind.ARGUMENT]: named,
    [Kind.OBJECT_FIELD]: named,
    enter(node: ASTNode) {
      if (!found && path.length && node.loc?.start === location.start) found = path.join('.');
    },
  });
  return found;
}

function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError && current.originalError !== current) current = current.originalError;
  // graphql-js wraps a thrown non-Error (pg's connection loss can surface as one) and keeps it as `thrownValue`.
  if (current instanceof Error && current.name === 'NonErrorThrown' && 'thrownValue' in current) return current.thrownValue;
  return current;
}

/** The class of the error and its stack frames: enough to find the fault, with no message (it may hold values). */
function safeFacts(cause: unknown): Record<string, unknown> {
  const frames =
    cause instanceof Error && typeof cause.stack === 'string'
      ? cause.stack
          .split('\n')
          .filter((l) => /^\s+at /.test(l))
          .slice(0, 8)
          .map((l) => l.trim())
      : [];
  const errorClass = cause instanceof Error ? cause.name : ((cause as object | null)?.constructor?.name ?? typeof cause);
  return { ...(databaseFacts(cause) ?? { errorClass }), frames };
}
