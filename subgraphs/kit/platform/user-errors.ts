import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import type { HubContext } from './context';
import { DomainError, ErrorCode } from './errors';

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
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  CONSENT_REQUIRED = 'CONSENT_REQUIRED',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE',
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY',
  QUERY_TOO_LARGE = 'QUERY_TOO_LARGE',
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  BAD_REQUEST = 'BAD_REQUEST',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

registerEnumType(HubErrorCode, {
  name: 'ErrorCode',
  description:
    'Why the hub refused or could not answer: in `extensions.code` of an error and in `userErrors { code }` of a mutation payload. ' +
    'Messages are for people and may change; codes are stable.',
  valuesConfig: {
    BAD_USER_INPUT: { description: 'An argument is malformed (not storable text, not an id, not a date); `field` names it. Nothing was written.' },
    INVALID_SNILS: { description: 'A SNILS with the wrong form or checksum. Nothing was written.' },
    RULE_VIOLATION: { description: 'The request breaks a domain rule; `rule` names the clause of the regulation. Nothing was written.' },
    ILLEGAL_TRANSITION: { description: "The record's state does not allow this change (a closed case, a returned item). Nothing was written." },
    NOT_FOUND: { description: 'A referenced record does not exist, or the caller may not know that it does.' },
    CONFLICT: { description: 'Another record already holds the key (`field`: snils, idempotencyKey…); after a lost answer it means the first attempt was committed.' },
    UNAUTHENTICATED: { description: 'The token is missing, invalid or expired: sign in again.' },
    FORBIDDEN: { description: 'The caller\'s role or scope does not allow this; the refusal is written to the audit trail.' },
    CONSENT_REQUIRED: { description: "No active consent of the person covers this agency for the caller; audited. Ask the family for consent (seed 003 §13)." },
    SERVICE_UNAVAILABLE: { description: "The agency's database cannot answer now; nothing was committed and the request may be retried (`retryable`)." },
    SUBGRAPH_UNAVAILABLE: { description: "An agency did not answer the gateway; the other agencies' data is still returned." },
    QUERY_TOO_DEEP: { description: 'The document nests deeper than the gateway allows.' },
    QUERY_TOO_COSTLY: { description: 'The document would cost more than the gateway allows.' },
    QUERY_TOO_LARGE: { description: 'The document has more fields or fragments than the gateway allows.' },
    TOO_MANY_ALIASES: { description: 'The document uses more aliases than the gateway allows.' },
    PAYLOAD_TOO_LARGE: { description: 'The request body is larger than the gateway accepts.' },
    GRAPHQL_PARSE_FAILED: { description: 'The document is not valid GraphQL syntax.' },
    GRAPHQL_VALIDATION_FAILED: { description: 'The document does not fit the hub schema.' },
    BAD_REQUEST: { description: 'The HTTP request is not a GraphQL request the hub accepts.' },
    INTERNAL_SERVER_ERROR: { description: 'A fault in the hub; the message is masked and the log holds its path. A write was rolled back.' },
  },
});

@Directive('@shareable')
@ObjectType({ description: 'An expected refusal of a mutation: what was refused, why, and which input to correct. Nothing was written.' })
export class UserError {
  @Field(() => HubErrorCode, { description: 'The stable code of the refusal.' })
  code!: HubErrorCode;

  @Field({ description: 'What was refused, in words for the person at the screen.' })
  message!: string;

  @Field(() => [String], { nullable: true, description: 'The path of the input at fault (`["input", "snils"]`), when one is.' })
  field!: string[] | null;

  @Field(() => String, { nullable: true, description: 'The clause of the regulation a RULE_VIOLATION breaks, e.g. `seed 004 §3.2.8`.' })
  rule!: string | null;
}

/** What every mutation answers besides the records it changed. */
@ObjectType({ description: 'The common part of every mutation payload.' })
export abstract class MutationPayload {
  @Field(() => [UserError], { description: 'Expected refusals (rules, states, duplicates, missing records); empty when the mutation succeeded.' })
  userErrors!: UserError[];
}

/**
 * Codes a mutation answers as `userErrors`: outcomes the person at the screen can act on. Authentication and
 * authorization refusals and faults stay errors: a screen does not show them as a form's message.
 */
const USER_ERROR_CODES = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.INVALID_SNILS,
  ErrorCode.RULE_VIOLATION,
  ErrorCode.ILLEGAL_TRANSITION,
  ErrorCode.NOT_FOUND,
  ErrorCode.CONFLICT,
]);

export function userErrorOf(error: DomainError): UserError {
  const { field, argument, rule } = error.extensions as { field?: unknown; argument?: unknown; rule?: unknown };
  const at = typeof field === 'string' ? field : typeof argument === 'string' ? argument : null;
  return {
    code: error.code as unknown as HubErrorCode,
    message: error.message,
    field: at ? (at === 'input' ? ['input'] : ['input', ...at.split('.')]) : null,
    rule: typeof rule === 'string' ? rule : null,
  };
}

/**
 * Runs a mutation and answers its payload: the changed records with no userErrors, or — when a domain rule, a
 * state, a duplicate or a missing record refuses it — no records and the refusal as a userError. The work's own
 * transaction has rolled back by then, and the request's unit of work is cleared, so nothing is half-written.
 */
export async function payloadOf<T extends object>(ctx: Pick<HubContext, 'em'>, work: () => Promise<T>): Promise<T & MutationPayload> {
  try {
    return { ...(await work()), userErrors: [] };
  } catch (error) {
    if (error instanceof DomainError && USER_ERROR_CODES.has(error.code)) {
      ctx.em.clear();
      return { userErrors: [userErrorOf(error)] } as unknown as T & MutationPayload;
    }
    throw error;
  }
}
