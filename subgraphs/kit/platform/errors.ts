import { GraphQLError } from 'graphql';
import { registerEnumType } from 'type-graphql';

/**
 * Every code the hub answers with, in `extensions.code` of an error or in `userErrors { code }` of a payload: one
 * list, in the schema, so a client discovers them by introspection (schema/CONVENTIONS.md §5 explains each).
 */
export enum HubErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  INVALID_SNILS = 'INVALID_SNILS',
  RULE_VIOLATION = 'RULE_VIOLATION',
  ILLEGAL_TRANSITION = 'ILLEGAL_TRANSITION',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  CHECK_FAILED = 'CHECK_FAILED',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  CONSENT_REQUIRED = 'CONSENT_REQUIRED',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE',
  SUBGRAPH_RETIRED = 'SUBGRAPH_RETIRED',
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY',
  QUERY_TOO_LARGE = 'QUERY_TOO_LARGE',
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  BAD_REQUEST = 'BAD_REQUEST',
  OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE',
  PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_SUPPORTED = 'PERSISTED_QUERY_NOT_SUPPORTED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

registerEnumType(HubErrorCode, {
  name: 'ErrorCode',
  description:
    'Why the hub refused or could not answer: in `extensions.code` of an error and in `userErrors { code }` of a mutation payload. ' +
    'Messages are for people and may change; codes are stable.',
  valuesConfig: {
    BAD_USER_INPUT: {
      description: 'An argument is malformed (not storable text, not an id, not a date); `field` names it. Nothing was written.',
    },
    INVALID_SNILS: { description: 'A SNILS with the wrong form or checksum. Nothing was written.' },
    RULE_VIOLATION: { description: 'The request breaks a domain rule; `rule` names the clause of the regulation. Nothing was written.' },
    ILLEGAL_TRANSITION: {
      description: "The record's state does not allow this change (a closed case, a returned item). Nothing was written.",
    },
    NOT_FOUND: { description: 'A referenced record does not exist, or the caller may not know that it does.' },
    CONFLICT: {
      description:
        'Another record already holds the key (`field`: snils, idempotencyKey…); after a lost answer it means the first attempt was committed.',
    },
    CHECK_FAILED: {
      description:
        'The schema registry refused a subgraph schema: a check failed (`rule`: composition, breakingChanges, conventions, reachability; ' +
        '`checkSubgraph` tells what). Nothing was written.',
    },
    UNAUTHENTICATED: { description: 'The token is missing, invalid or expired: sign in again.' },
    FORBIDDEN: { description: "The caller's role or scope does not allow this; the refusal is written to the audit trail." },
    CONSENT_REQUIRED: {
      description: 'No active consent of the person covers this agency for the caller; audited. Ask the family for consent (seed 003 §13).',
    },
    SERVICE_UNAVAILABLE: {
      description: "The agency's database cannot answer now; nothing was committed and the request may be retried (`retryable`).",
    },
    SUBGRAPH_UNAVAILABLE: { description: "An agency did not answer the gateway; the other agencies' data is still returned." },
    SUBGRAPH_RETIRED: {
      description:
        'A partner agency has left the hub (retired in the schema registry): a route names it as a gap, its data is no longer read.',
    },
    QUERY_TOO_DEEP: { description: 'The document nests deeper than the gateway allows.' },
    QUERY_TOO_COSTLY: { description: 'The document would cost more than the gateway allows.' },
    QUERY_TOO_LARGE: { description: 'The document has more fields or fragments than the gateway allows.' },
    TOO_MANY_ALIASES: { description: 'The document uses more aliases than the gateway allows.' },
    PAYLOAD_TOO_LARGE: { description: 'The request body is larger than the gateway accepts.' },
    GRAPHQL_PARSE_FAILED: { description: 'The document is not valid GraphQL syntax.' },
    GRAPHQL_VALIDATION_FAILED: { description: 'The document does not fit the hub schema.' },
    BAD_REQUEST: { description: 'The HTTP request is not a GraphQL request the hub accepts.' },
    OPERATION_RESOLUTION_FAILURE: { description: 'The request names an operation the document does not hold.' },
    PERSISTED_QUERY_NOT_FOUND: { description: 'A persisted query hash the gateway does not know: send the document.' },
    PERSISTED_QUERY_NOT_SUPPORTED: { description: 'Persisted queries are not served here: send the document.' },
    INTERNAL_SERVER_ERROR: {
      description: 'A fault in the hub; the message is masked and the log holds its path. A write was rolled back.',
    },
  },
});

/**
 * Stable error codes of the hub, carried in `extensions.code`. Clients and partner agencies
 * switch on these; messages are for people and may change.
 */
export const ErrorCode = {
  UNAUTHENTICATED: HubErrorCode.UNAUTHENTICATED,
  FORBIDDEN: HubErrorCode.FORBIDDEN,
  CONSENT_REQUIRED: HubErrorCode.CONSENT_REQUIRED,
  BAD_USER_INPUT: HubErrorCode.BAD_USER_INPUT,
  INVALID_SNILS: HubErrorCode.INVALID_SNILS,
  NOT_FOUND: HubErrorCode.NOT_FOUND,
  ILLEGAL_TRANSITION: HubErrorCode.ILLEGAL_TRANSITION,
  RULE_VIOLATION: HubErrorCode.RULE_VIOLATION,
  CONFLICT: HubErrorCode.CONFLICT,
  CHECK_FAILED: HubErrorCode.CHECK_FAILED,
  SERVICE_UNAVAILABLE: HubErrorCode.SERVICE_UNAVAILABLE,
  INTERNAL: HubErrorCode.INTERNAL_SERVER_ERROR,
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
const PUBLIC_CODES = new Set<string>(
  // Internal errors are never public: their messages may hold SQL and personal data.
  Object.values(HubErrorCode).filter((code) => code !== HubErrorCode.INTERNAL_SERVER_ERROR),
);

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
