import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

/** Where a subgraph stands in the graph. */
export enum SubgraphStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  RETIRED = 'RETIRED',
}

registerEnumType(SubgraphStatus, {
  name: 'SubgraphStatus',
  description: 'Where a registered subgraph stands in the graph.',
  valuesConfig: {
    ACTIVE: { description: 'Part of the current graph: the gateways route to it.' },
    SUSPENDED: { description: 'Left out of the graph because it no longer composes with a new release; publish a fixed schema.' },
    RETIRED: { description: 'Left the graph for good; its name cannot be registered again.' },
  },
});

/** A subgraph of the hub, founding agency or partner (issue 16 §1). Stores no personal data. */
@ObjectType({ description: 'A subgraph the registry knows: a founding agency or a partner that published to the hub (issue 16 §1).' })
@Entity({ tableName: 'registered_subgraph' })
export class RegisteredSubgraph {
  @Field(() => ID, { description: 'The id of the registration.' })
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: 'Service name in the supergraph: lower case letters, digits and dashes, 2–40 characters, e.g. `culture`.' })
  @Property({ type: 'string', length: 40, unique: true })
  name!: string;

  @Field({ description: 'The URL the gateways call: the registered one for partners, the release default for founding agencies.' })
  @Property({ type: 'text' })
  url!: string;

  @Field({ description: 'Agency code it contributes as: its name in upper snake case (`rental-fund` → `RENTAL_FUND`).' })
  @Property({ type: 'string', length: 40 })
  agency!: string;

  @Field(() => ID, { nullable: true, description: 'The id of the organization that owns the subgraph; null for founding agencies.' })
  @Property({ type: 'uuid', nullable: true })
  ownerOrganizationId!: string | null;

  /** The partner's Ed25519 public key set (issue on zero trust); checked before it is stored. */
  @Property({ type: 'jsonb', nullable: true })
  publicKeySet!: Record<string, unknown> | null;

  @Field(() => SubgraphStatus, { description: 'Where the subgraph stands in the graph.' })
  @Enum({ items: () => SubgraphStatus, nativeEnumName: 'subgraph_status' })
  status!: SubgraphStatus;

  @Field(() => String, { nullable: true, description: 'Why the subgraph was suspended or retired; null while active.' })
  @Property({ type: 'text', nullable: true })
  statusReason!: string | null;

  @Field({ description: 'True for the agencies the hub was founded with: they change with a release, not through the registry.' })
  @Property({ type: 'boolean' })
  founding!: boolean;

  @Field({ description: 'When the subgraph was registered.' })
  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Field({ description: 'Subject of the administrator (or `hub-release`) that registered it.' })
  @Property({ type: 'text' })
  createdBy!: string;
}
