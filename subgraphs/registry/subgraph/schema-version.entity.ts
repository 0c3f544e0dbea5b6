import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { RegisteredSubgraph } from './registered-subgraph.entity';

/** One SDL a subgraph published (or a release installed): who, when, why. */
@ObjectType({ description: 'One schema a subgraph published, with who published it, when and why.' })
@Entity({ tableName: 'subgraph_schema_version' })
@Unique({ properties: ['subgraph', 'revision'] })
export class SubgraphSchemaVersion {
  @Field(() => ID, { description: 'The id of this schema version.' })
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => RegisteredSubgraph, { index: true })
  subgraph!: RegisteredSubgraph;

  // Instants can tie (a fixed clock, one transaction): the order of a subgraph's schemas is their revision.
  @Field(() => Int, { description: "The subgraph's revision: 1 for its first schema, then one more per schema published." })
  @Property({ type: 'integer' })
  revision!: number;

  @Field({ description: 'The subgraph schema (SDL) as published.' })
  @Property({ type: 'text' })
  sdl!: string;

  @Field({ description: 'SHA-256 of the SDL, hex: equal hashes mean an unchanged schema.' })
  @Property({ type: 'string', length: 64 })
  sdlSha256!: string;

  @Field({ description: 'The URL the subgraph had when this schema was published.' })
  @Property({ type: 'text' })
  url!: string;

  @Field({ description: 'Subject of the administrator that published it (`hub-release` for a release).' })
  @Property({ type: 'text' })
  publishedBy!: string;

  @Field({ description: 'When it was published.' })
  @Property({ type: 'timestamptz' })
  publishedAt!: Date;

  @Field({ description: 'Why it was published, in the words of the one who did.' })
  @Property({ type: 'text' })
  reason!: string;

  /** The publisher's key: a retry with it answers this version instead of publishing again. */
  @Property({ type: 'string', length: 200, nullable: true, unique: true })
  idempotencyKey!: string | null;
}
