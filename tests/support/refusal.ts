import { DomainError } from '../../subgraphs/kit/platform/errors';

/** Runs `fn`, which must refuse with a DomainError, and returns that error for inspection. */
export function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}
