import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The directory's organization (owned by social protection), referred to by id only. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType({ description: 'An organization of the directory, owned by social protection; the rental fund knows only its id.' })
export class Organization {
  @Field(() => ID, { description: 'The id of the organization in the directory.' })
  id!: string;
}
