import { Directive, Field, ObjectType } from 'type-graphql';
import type { HubContext } from './context';
import { fromDatabaseError } from './database-errors';
import { DomainError, ErrorCode, HubErrorCode } from './errors';

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
  @Field(() => [UserError], {
    description: 'Expected refusals (rules, states, duplicates, missing records); empty when the mutation succeeded.',
  })
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
  ErrorCode.CHECK_FAILED,
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
    // A duplicate that passed the resolver's check in a race is caught by the unique index when the transaction
    // commits (and rolled back whole): it is the same expected refusal as the one the check gives.
    const refusal = error instanceof DomainError ? error : fromDatabaseError(error);
    if (refusal && USER_ERROR_CODES.has(refusal.code)) {
      ctx.em.clear();
      return { userErrors: [userErrorOf(refusal)] } as unknown as T & MutationPayload;
    }
    throw error;
  }
}
export { HubErrorCode } from './errors';
