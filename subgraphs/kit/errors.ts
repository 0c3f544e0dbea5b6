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
  INTERNAL: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * An error the caller can act on: bad input, a broken domain rule, a missing record.
 * Thrown by plain rule functions as well as resolvers, so rules stay testable without a server.
 */
export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
    this.name = 'DomainError';
  }
  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

export const badInput = (message: string, details?: Record<string, unknown>) =>
  new DomainError(ErrorCode.BAD_USER_INPUT, message, details);
export const notFound = (what: string, id: string) =>
  new DomainError(ErrorCode.NOT_FOUND, `${what} ${id} was not found`, { id });
export const ruleViolation = (message: string, rule: string, details?: Record<string, unknown>) =>
  new DomainError(ErrorCode.RULE_VIOLATION, message, { rule, ...details });
export const illegalTransition = (message: string, details?: Record<string, unknown>) =>
  new DomainError(ErrorCode.ILLEGAL_TRANSITION, message, details);
