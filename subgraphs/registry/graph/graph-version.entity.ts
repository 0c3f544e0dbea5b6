import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

/** What made a new version of the graph. */
export enum GraphChangeKind {
  FOUNDING = 'FOUNDING',
  RELEASE = 'RELEASE',
  PUBLISH = 'PUBLISH',
  RETIRE = 'RETIRE',
  ROLLBACK = 'ROLLBACK',
}

registerEnumType(GraphChangeKind, {
  name: 'GraphChangeKind',
  description: 'What made a new version of the supergraph.',
  valuesConfig: {
    FOUNDING: { description: 'The graph the hub was installed with (the committed supergraph).' },
    RELEASE: { description: 'A new hub release changed a founding agency’s schema.' },
    PUBLISH: { description: 'A subgraph was published (registered or updated) through the registry.' },
    RETIRE: { description: 'A partner subgraph left the graph.' },
    ROLLBACK: { description: 'An earlier version’s subgraphs were published again.' },
  },
});

/**
 * One version of the supergraph, numbered 1, 2, 3…: the history that answers who changed the graph, when and why.
 * The number is the primary key: two publishes composed on the same head both insert head + 1, and one of them fails.
 */
@ObjectType({ description: 'One version of the supergraph: who changed the graph, when, why, and what it was composed of.' })
@Entity({ tableName: 'graph_version' })
export class GraphVersion {
  @Field(() => Int, { description: 'The version number: 1 for the founding graph, then one more per change.' })
  @PrimaryKey({ type: 'integer', autoincrement: false })
  number!: number;

  @Field(() => GraphChangeKind, { description: 'What made this version.' })
  @Enum({ items: () => GraphChangeKind, nativeEnumName: 'graph_change_kind' })
  kind!: GraphChangeKind;

  @Field(() => String, { nullable: true, description: 'The subgraph published or retired; null for founding, release and rollback.' })
  @Property({ type: 'string', length: 40, nullable: true })
  subgraphName!: string | null;

  @Field({ description: 'Subject of the administrator that changed the graph (`hub-release` for founding and releases).' })
  @Property({ type: 'text' })
  changedBy!: string;

  @Field({ description: 'When the graph changed.' })
  @Property({ type: 'timestamptz' })
  changedAt!: Date;

  @Field({ description: 'Why the graph changed, in the words of the one who changed it.' })
  @Property({ type: 'text' })
  reason!: string;

  @Field({ description: 'The composed supergraph (what gateways load).' })
  @Property({ type: 'text' })
  supergraphSdl!: string;

  /** What clients see: the checks compare a candidate's API schema with this. */
  @Property({ type: 'text' })
  apiSchemaSdl!: string;

  @Field({ description: 'SHA-256 of the supergraph, hex.' })
  @Property({ type: 'string', length: 64 })
  supergraphSha256!: string;

  /** Schema version id of every active subgraph in this graph, by name. */
  @Property({ type: 'jsonb' })
  members!: Record<string, string>;

  /** Every active subgraph's SDL by name (the assembly's excepted): `/supergraph` answers it with one indexed read. */
  @Property({ type: 'jsonb' })
  agencySdls!: Record<string, string>;

  /** Agency codes of the partners retired by this version or before: the route shows them as named gaps. */
  @Property({ type: 'jsonb' })
  retired!: string[];

  @Field(() => Int, { nullable: true, description: 'For a ROLLBACK, the version whose subgraphs were published again.' })
  @Property({ type: 'integer', nullable: true })
  rolledBackTo!: number | null;
}
