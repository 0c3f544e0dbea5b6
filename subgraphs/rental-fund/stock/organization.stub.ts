import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The directory's organization (owned by social protection), referred to by id only. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class Organization {
  @Field(() => ID)
  id!: string;
}
