import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { BreakingChangeKind as Kind } from './breaking-changes';

/** The kinds of breaking change, as the schema lists them. */
export enum BreakingChangeKind {
  FIELD_REMOVED = 'FIELD_REMOVED',
  TYPE_REMOVED = 'TYPE_REMOVED',
  TYPE_CHANGED = 'TYPE_CHANGED',
  NULLABILITY_CHANGED = 'NULLABILITY_CHANGED',
  ENUM_VALUE_REMOVED = 'ENUM_VALUE_REMOVED',
  ARGUMENT_CHANGED = 'ARGUMENT_CHANGED',
}
// The pure check and the schema enum name the same kinds.
const sameKinds: Record<Kind, BreakingChangeKind> = BreakingChangeKind;
void sameKinds;

registerEnumType(BreakingChangeKind, {
  name: 'BreakingChangeKind',
  description: 'What a schema change breaks for clients of the current API schema.',
  valuesConfig: {
    FIELD_REMOVED: { description: 'A field (or input field) was removed.' },
    TYPE_REMOVED: { description: 'A type was removed.' },
    TYPE_CHANGED: { description: 'A type or field changed its type or kind, or a union or interface lost a member.' },
    NULLABILITY_CHANGED: { description: 'A field became nullable (or an input non-null) with the same named type.' },
    ENUM_VALUE_REMOVED: { description: 'An enum value was removed.' },
    ARGUMENT_CHANGED: { description: 'An argument was removed, changed type, or a required argument or input field was added.' },
  },
});

@ObjectType({ description: 'One error of the composer: the candidate does not compose with the current graph.' })
export class CompositionProblem {
  @Field(() => String, { nullable: true, description: 'The subgraph the error points at, when the composer says.' })
  subgraph!: string | null;

  @Field(() => String, { nullable: true, description: 'The type the error points at, when the composer says.' })
  type!: string | null;

  @Field(() => String, { nullable: true, description: 'The field the error points at, when the composer says.' })
  field!: string | null;

  @Field({ description: 'The composer’s message.' })
  message!: string;
}

@ObjectType({ description: 'A change that breaks clients of the current API schema.' })
export class SchemaBreakingChange {
  @Field(() => BreakingChangeKind, { description: 'What the change breaks.' })
  kind!: BreakingChangeKind;

  @Field({ description: 'The schema coordinate changed: `Type`, `Type.field`, `Type.field(arg:)` or `Enum.VALUE`.' })
  coordinate!: string;

  @Field({ description: 'What changed, in words.' })
  message!: string;

  @Field({
    description:
      'True when operations used it within the usage window (HUB_REGISTRY_USAGE_DAYS, 30 by default): the change is refused. ' +
      'False: allowed, with a warning.',
  })
  blocking!: boolean;
}

@ObjectType({ description: 'A break of the hub’s conventions (schema/CONVENTIONS.md), named by its section.' })
export class ConventionViolation {
  @Field({ description: 'The section of schema/CONVENTIONS.md broken, e.g. `CONVENTIONS §3`.' })
  rule!: string;

  @Field(() => String, { nullable: true, description: 'The type at fault, when one is.' })
  type!: string | null;

  @Field(() => String, { nullable: true, description: 'The field at fault, when one is.' })
  field!: string | null;

  @Field({ description: 'What is wrong and how to follow the convention, starting with the rule.' })
  message!: string;
}

@ObjectType({ description: 'What the registry found at the subgraph’s URL when it asked for `_service { sdl }`.' })
export class ReachabilityResult {
  @Field({ description: 'True when the URL answered over HTTP.' })
  reachable!: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Whether it serves the SDL being published; null when no SDL was given.' })
  sdlMatches!: boolean | null;

  @Field(() => String, { nullable: true, description: 'Why the check failed; null when it passed.' })
  problem!: string | null;
}

@ObjectType({ description: 'The checks a subgraph schema passes before it may join the graph (issue 16 §2); `check` changes nothing.' })
export class SubgraphCheckReport {
  @Field({ description: 'True when every check passed: `publishSubgraph` would accept the schema.' })
  passed!: boolean;

  @Field(() => [CompositionProblem], { description: 'The composer’s errors with the current graph; empty when it composes.' })
  composition!: CompositionProblem[];

  @Field(() => [SchemaBreakingChange], { description: 'Changes that break clients of the current API schema, used or not.' })
  breakingChanges!: SchemaBreakingChange[];

  @Field(() => [ConventionViolation], { description: 'Breaks of the hub’s conventions; empty when it follows them.' })
  conventions!: ConventionViolation[];

  @Field(() => ReachabilityResult, { description: 'Whether the URL answers and serves the schema.' })
  reachability!: ReachabilityResult;

  @Field(() => [String], { description: 'What passed with a warning: breaking changes nobody used within the usage window.' })
  warnings!: string[];
}

/** Which checks a report failed, for the CHECK_FAILED refusal's `rule`. */
export function failedChecks(report: SubgraphCheckReport): string[] {
  return [
    ...(report.composition.length ? ['composition'] : []),
    ...(report.breakingChanges.some((c) => c.blocking) ? ['breakingChanges'] : []),
    ...(report.conventions.length ? ['conventions'] : []),
    ...(report.reachability.problem ? ['reachability'] : []),
  ];
}
