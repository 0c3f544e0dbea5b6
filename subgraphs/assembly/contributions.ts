import { Kind, parse, type DocumentNode, type FieldDefinitionNode, type ObjectTypeDefinitionNode, type TypeNode } from 'graphql';
import { agencyOf, CONVENTION_TAGS, type Convention } from '../conventions/tags';

/** A field an agency's subgraph contributes to one of the hub's conventions, found by its tag. */
export interface Contribution {
  convention: Convention;
  /** Service name of the contributing subgraph, e.g. `health`. */
  subgraph: string;
  /** Its agency code, e.g. `HEALTH`. */
  agency: string;
  parentType: string;
  field: string;
  /** The named type the field returns, e.g. `HealthRoute`. */
  type: string;
}

export const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));

const conventionOfTag = new Map<string, Convention>(
  Object.entries(CONVENTION_TAGS).map(([convention, tag]) => [tag, convention as Convention]),
);

/** The tags of a field: `@tag` is repeatable, and a partner may tag a contribution for its own purposes too. */
function tagsOf(field: FieldDefinitionNode): string[] {
  return (field.directives ?? [])
    .filter((d) => d.name.value === 'tag')
    .map((d) => d.arguments?.find((a) => a.name.value === 'name')?.value)
    .flatMap((name) => (name?.kind === Kind.STRING ? [name.value] : []));
}

const objectTypes = (document: DocumentNode) =>
  document.definitions.filter(
    (d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION,
  );

/**
 * Every contribution in the agencies' subgraph schemas, ordered by convention, parent type, then agency: a partner's
 * subgraph joins by declaring its fields with the kit's decorators, which put the tags there.
 */
export function findContributions(subgraphSdls: Record<string, string>): Contribution[] {
  const found: Contribution[] = [];
  for (const [subgraph, sdl] of Object.entries(subgraphSdls)) {
    for (const type of objectTypes(parse(sdl))) {
      for (const field of type.fields ?? []) {
        const convention = tagsOf(field)
          .map((tag) => conventionOfTag.get(tag))
          .find(Boolean);
        if (!convention) continue;
        found.push({
          convention,
          subgraph,
          agency: agencyOf(subgraph),
          parentType: type.name.value,
          field: field.name.value,
          type: namedType(field.type),
        });
      }
    }
  }
  return found.sort(
    (a, b) => a.convention.localeCompare(b.convention) || a.parentType.localeCompare(b.parentType) || a.agency.localeCompare(b.agency),
  );
}

export const contributionsTo = (contributions: Contribution[], convention: Convention) =>
  contributions.filter((c) => c.convention === convention);
