import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The directory's organization (owned by social protection), referred to by id only: education gives the edge. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType({ description: 'An organization of the regional directory; social protection answers its fields.' })
export class Organization {
  @Field(() => ID, { description: 'The hub id of the organization.' })
  id!: string;
}

/** The edge to an organization of the directory: a reference the gateway completes from social protection. */
export const organizationRef = (id: string | null): Organization | null => (id ? { id } : null);
