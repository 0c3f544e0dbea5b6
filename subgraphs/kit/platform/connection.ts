import { Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badInput } from './errors';

@Directive('@shareable')
@ObjectType({ description: 'Relay-style page information.' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;
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
 * A Relay-style connection type for long lists (families of a territory, journal entries):
 * `Connection(Family)` gives `FamilyConnection` with `FamilyEdge`.
 */
export function Connection<T extends object>(node: ClassType<T>, name = node.name) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} records.` })
  abstract class ConnectionType {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many records match, across all pages.' })
    totalCount!: number;
  }
  return ConnectionType;
}

/** Offset cursors: opaque to clients, stable for a fixed ordering. */
export function decodeCursor(after: string | null | undefined): number {
  if (!after) return 0;
  const offset = Number(
    Buffer.from(after, 'base64url')
      .toString('utf8')
      .replace(/^offset:/, ''),
  );
  if (!Number.isInteger(offset) || offset < 0) throw badInput('Invalid cursor');
  return offset;
}

export function pageOf<T>(rows: T[], totalCount: number, offset: number, first: number): Page<T> {
  const edges = rows.slice(0, first).map((node, i) => ({
    node,
    cursor: Buffer.from(`offset:${offset + i + 1}`).toString('base64url'),
  }));
  return {
    edges,
    totalCount,
    pageInfo: { hasNextPage: offset + edges.length < totalCount, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

export function checkPageSize(first: number, max = 100): number {
  if (!Number.isInteger(first) || first < 1 || first > max) throw badInput(`first must be between 1 and ${max}`);
  return first;
}
