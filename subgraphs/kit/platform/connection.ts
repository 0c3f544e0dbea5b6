import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badInput } from './errors';

/** The largest page any connection of the hub serves; `first` above it is refused, not silently cut. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@Directive('@shareable')
@ObjectType({ description: 'Where a page of a connection stands in the whole list (GraphQL Cursor Connections).' })
export class PageInfo {
  @Field({ description: 'True when records follow the last edge of this page: ask again with `after: endCursor`.' })
  hasNextPage!: boolean;

  @Field({ description: 'True when this page was asked for `after` a cursor, so records come before its first edge.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the first edge; null on an empty page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'The cursor of the last edge; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

/** The forward-paging arguments every connection takes (`first` ≤ MAX_PAGE_SIZE, `after` a cursor from a page). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `How many records to return, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}); more is refused with BAD_USER_INPUT.`,
  })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Return the records after this cursor (`pageInfo.endCursor` of the previous page).' })
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Page<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * A Relay-style connection type for a list that grows (families of a territory, journal entries, a person's
 * history): `Connection(Family)` gives `FamilyConnection` with `FamilyEdge`.
 */
export function Connection<T extends object>(node: ClassType<T>, name = node.name) {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with the cursor that points at it.` })
  class EdgeType {
    @Field({ description: 'Opaque position of this record in the list; pass it as `after` to continue after it.' })
    cursor!: string;

    @Field(() => node, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} records.` })
  abstract class ConnectionType {
    @Field(() => [EdgeType], { description: 'The records of this page, in the order of the list.' })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Whether records come before or after this page, and its cursors.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many records match, across all pages.' })
    totalCount!: number;
  }
  return ConnectionType;
}

export function checkPageSize(first: number, max = MAX_PAGE_SIZE): number {
  if (!Number.isInteger(first) || first < 1 || first > max) throw badInput(`first must be between 1 and ${max}`, { argument: 'first' });
  return first;
}

/**
 * Keyset cursors: a cursor holds the sort key of its record (e.g. `[dueOn, id]`), so the next page starts right
 * after that record even when the list's order shifts between requests (a worklist re-sorted as days pass) —
 * an offset would skip or repeat records then. Opaque to clients; the query compares `(key…) > (cursor…)`.
 */
export type CursorKey = (string | number | null)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(after: string | null | undefined, arity: number): CursorKey | null {
  if (!after) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((v) => v === null || ['string', 'number'].includes(typeof v))) {
      return key as CursorKey;
    }
  } catch {
    // falls through to the coded refusal below
  }
  throw badInput('Invalid cursor: pass back a cursor from this connection', { argument: 'after' });
}

/**
 * One page from rows fetched with `limit first + 1` after the cursor: the extra row only says a next page exists.
 * `keyOf` gives each record's sort key, the same columns the query orders and compares by.
 */
export function pageOf<T>(rows: T[], totalCount: number, first: number, after: CursorKey | null, keyOf: (row: T) => CursorKey): Page<T> {
  const edges = rows.slice(0, first).map((node) => ({ node, cursor: encodeCursor(keyOf(node)) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
