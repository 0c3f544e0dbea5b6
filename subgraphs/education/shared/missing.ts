import { DomainError, ErrorCode } from '../../kit/platform/errors';

/** A record an input field refers to does not exist: NOT_FOUND, naming the field so the payload's userError points at it. */
export const missing = (what: string, id: string, field: string): DomainError =>
  new DomainError(ErrorCode.NOT_FOUND, `${what} ${id} was not found`, { id, field });
