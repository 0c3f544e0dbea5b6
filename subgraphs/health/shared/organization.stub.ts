import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The directory's organization (owned by social protection), referred to by id only: health returns `{ id }` and
 * the gateway asks social protection for the rest, under its policy.
 */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType({ description: 'An organization of the regional directory, kept by social protection.' })
export class Organization {
  @Field(() => ID, { description: 'The id of the organization in the directory.' })
  id!: string;
}

/** The edge to a directory organization, or null when there is none. */
export const organizationRef = (id: string | null | undefined): Organization | null => (id ? { id } : null);
