import { badInput, DomainError, ErrorCode, serviceUnavailable } from './errors';

/**
 * What PostgreSQL (through pg, knex and MikroORM) reports, turned into the hub's error contract. The resolvers
 * check input before they write; this is the net under them, so a missed check or a database outage still
 * reaches the caller as a stable code, never as INTERNAL_SERVER_ERROR with SQL in it.
 */
export function fromDatabaseError(error: unknown): DomainError | null {
  const facts = databaseFacts(error);
  if (!facts) return null;
  const { sqlState, driverCode } = facts;
  if (sqlState === '23505') {
    const field = keyFieldOf(error);
    return new DomainError(ErrorCode.CONFLICT, `Another record already has this ${field ?? 'key'}`, field ? { field } : {});
  }
  if (sqlState === '23503') {
    const field = keyFieldOf(error);
    return badInput(`${field ?? 'A reference'} names a record that does not exist`, field ? { field } : {});
  }
  if (sqlState === '23502' || sqlState === '23514' || sqlState?.startsWith('22')) {
    const field = columnOf(error);
    return badInput(`A value cannot be stored${field ? ` in ${field}` : ''}: it is not of the expected form`, field ? { field } : {});
  }
  if (sqlState && (sqlState === '40001' || sqlState === '40P01')) {
    return serviceUnavailable('The write collided with a concurrent one and was rolled back; send it again', {
      reason: 'TRANSACTION_ROLLED_BACK',
    });
  }
  if (isUnavailable(sqlState, driverCode, error)) {
    return serviceUnavailable('The agency database is not available; nothing was written, send the request again later', {
      reason: 'DATABASE_UNAVAILABLE',
    });
  }
  return null;
}

/** The facts of a database error that may be logged: codes and names, never its message, SQL or detail (they hold values). */
export function databaseFacts(error: unknown): { sqlState?: string; driverCode?: string; errorClass: string; constraint?: string } | null {
  const e = error as { name?: string; code?: unknown; constraint?: unknown } | null;
  if (!e || typeof e !== 'object') return null;
  const code = typeof e.code === 'string' ? e.code : undefined;
  // SQLSTATEs are five characters with a digit among them; socket errors (EPIPE) are words.
  const sqlState = code && /^[0-9A-Z]{5}$/.test(code) && /\d/.test(code) ? code : undefined;
  const driverCode = code && !sqlState ? code : undefined;
  if (!sqlState && !driverCode && !isConnectionLoss(error)) return null;
  return {
    errorClass: String(e.name ?? 'Error'),
    ...(sqlState ? { sqlState } : {}),
    ...(driverCode ? { driverCode } : {}),
    ...(typeof e.constraint === 'string' ? { constraint: e.constraint } : {}),
  };
}

// Class 08 connection exceptions, 53 insufficient resources (53300 too many connections), 57P01-57P03
// administrator/crash shutdown and "cannot connect now", 57014 a statement cancelled (timeout).
const UNAVAILABLE_STATES = /^(08|53)|^57P0[123]$|^57014$/;
const UNAVAILABLE_SOCKET = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

function isUnavailable(sqlState: string | undefined, driverCode: string | undefined, error: unknown): boolean {
  return (
    (sqlState !== undefined && UNAVAILABLE_STATES.test(sqlState)) ||
    (driverCode !== undefined && UNAVAILABLE_SOCKET.has(driverCode)) ||
    isConnectionLoss(error)
  );
}

/** pg and knex report a lost socket or an exhausted pool without a code; their messages are fixed texts. */
function isConnectionLoss(error: unknown): boolean {
  const e = error as { name?: string; message?: unknown };
  if (e?.name === 'KnexTimeoutError' || e?.name === 'ConnectionException') return true;
  const message = typeof e?.message === 'string' ? e.message : '';
  // "Client was closed": pg refuses a query on a client whose socket already ended (seen when the outage hits
  // between two statements of one request); knex marks such a connection "Connection ended unexpectedly", and
  // a transaction whose connection died is rolled back, so its next statement hears "Transaction query already complete".
  return /Connection terminated|connection error and is not queryable|Client was closed and is not queryable|Connection ended unexpectedly|Transaction query already complete|Timeout acquiring a connection|terminating connection due to/.test(
    message,
  );
}

/** `Key (snils)=(…) already exists`: the column names only, never the values between the second parentheses. */
function keyFieldOf(error: unknown): string | undefined {
  const detail = (error as { detail?: unknown }).detail;
  const columns = typeof detail === 'string' ? /^Key \(([^)]+)\)=/.exec(detail)?.[1] : undefined;
  return columns
    ? columns
        .split(',')
        .map((c) => camelCase(c.trim().replace(/"/g, '')))
        .join(', ')
    : undefined;
}

function columnOf(error: unknown): string | undefined {
  const column = (error as { column?: unknown }).column;
  return typeof column === 'string' ? camelCase(column) : undefined;
}

const camelCase = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
