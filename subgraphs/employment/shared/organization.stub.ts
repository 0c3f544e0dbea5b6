import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The region's directory of organizations (owned by social protection), referred to here by id only. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType({ description: 'An organization of the regional directory (owned by social protection); employment refers to it by id.' })
export class Organization {
  @Field(() => ID, { description: 'The organization’s id in the regional directory.' })
  id!: string;
}

/** The edge to a directory organization, or null when there is no id. */
export const organizationRef = (id: string | null | undefined): Organization | null => (id ? { id } : null);
