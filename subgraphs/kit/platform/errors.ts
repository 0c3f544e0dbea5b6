import { GraphQLError } from 'graphql';

/**
 * Stable error codes of the hub, carried in `extensions.code`. Clients and partner agencies
 * switch on these; messages are for people and may change.
 */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  CONSENT_REQUIRED: 'CONSENT_REQUIRED',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  INVALID_SNILS: 'INVALID_SNILS',
  NOT_FOUND: 'NOT_FOUND',
  ILLEGAL_TRANSITION: 'ILLEGAL_TRANSITION',
  RULE_VIOLATION: 'RULE_VIOLATION',
  CONFLICT: 'CONFLICT',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * An error the caller can act on: bad input, a broken domain rule, a missing record.
 * Thrown by plain rule functions as well as resolvers, so rules stay testable without a server.
 */
export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    // An expected outcome (a refusal, a broken rule), not a fault: it needs no stack trace, and capturing and
    // source-mapping one cost about 1 ms per refused field of a route (bench/README.md).
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(message, { extensions: { code, ...details } });
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    this.name = 'DomainError';
  }
  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

export const badInput = (message: string, details?: Record<string, unknown>) => new DomainError(ErrorCode.BAD_USER_INPUT, message, details);
export const notFound = (what: string, id: string) => new DomainError(ErrorCode.NOT_FOUND, `${what} ${id} was not found`, { id });
export const ruleViolation = (message: string, rule: string, details?: Record<string, unknown>) =>
  new DomainError(ErrorCode.RULE_VIOLATION, message, { rule, ...details });
export const illegalTransition = (message: string, details?: Record<string, unknown>) =>
  new DomainError(ErrorCode.ILLEGAL_TRANSITION, message, details);

/**
 * The agency's database cannot answer now (stopped, unreachable, out of connections, a transaction rolled back
 * by a concurrent one). Nothing of the request was committed, so the caller may send it again.
 */
export const serviceUnavailable = (message: string, details?: Record<string, unknown>) =>
  new DomainError(ErrorCode.SERVICE_UNAVAILABLE, message, { retryable: true, ...details });

/** Codes whose messages are safe and useful to show as they are. */
const PUBLIC_CODES = new Set<string>([
  // Internal errors are never public: their messages may hold SQL and personal data.
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COSTLY',
  'QUERY_TOO_LARGE',
  'TOO_MANY_ALIASES',
  'PAYLOAD_TOO_LARGE',
  'SUBGRAPH_UNAVAILABLE',
]);

/** Whether a code is part of the hub's error contract (schema/CONVENTIONS.md), so its message may be shown. */
export function isPublicCode(code: unknown): boolean {
  return typeof code === 'string' && PUBLIC_CODES.has(code);
}

interface FormattedError {
  message: string;
  locations?: readonly { line: number; column: number }[];
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

/**
 * Errors leave the hub masked: a stable code and a human message for what the caller can fix,
 * and nothing about internals (no stack, no SQL, no driver text) for everything else.
 */
export function formatHubError<T extends FormattedError>(formatted: T, log?: (error: unknown) => void): T {
  const extensions = { ...(formatted.extensions ?? {}) };
  delete extensions.stacktrace;
  delete extensions.exception;
  let code = String(extensions.code ?? '');
  // type-graphql's @Authorized failure is an authorization refusal in the hub's vocabulary.
  if (code === 'UNAUTHORIZED') code = ErrorCode.FORBIDDEN;
  // Abuse limits are validation errors to Apollo; the hub reports which limit was hit.
  if (code === 'GRAPHQL_VALIDATION_FAILED' && typeof extensions.limit === 'string') code = extensions.limit;
  if (PUBLIC_CODES.has(code)) return { ...formatted, extensions: { ...extensions, code } };
  log?.(formatted);
  return {
    ...formatted,
    message: 'Internal server error',
    extensions: { code: ErrorCode.INTERNAL, ...(extensions.serviceName ? { serviceName: extensions.serviceName } : {}) },
  };
}
