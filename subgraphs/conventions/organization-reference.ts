import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The regional directory's organization as every agency but its owner declares it (CONVENTIONS §1): referred to by
 * id only. An agency returns `{ id }` for an edge (`organization`, `commission` …) and the router asks social
 * protection, which keeps the directory, for the rest under its policy.
 */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType({ description: 'An organization of the regional directory, kept by social protection.' })
export class Organization {
  @Field(() => ID, { description: 'The id of the organization in the directory.' })
  id!: string;
}

/** The edge to a directory organization, or null when there is none. */
export const organizationRef = (id: string | null | undefined): Organization | null => (id ? { id } : null);
