import {
  Kind,
  parse,
  print,
  type DocumentNode,
  type FieldDefinitionNode,
  type ObjectTypeDefinitionNode,
  type ObjectTypeExtensionNode,
} from 'graphql';
import { contributionsTo, findContributions } from '../../assembly/contributions';
import { CONSENT_OWNER } from '../../kit/policy/consent-grant';
import { agencyOf, contributionTypeName } from '../../conventions/tags';

/** A break of the hub's conventions (schema/CONVENTIONS.md), named by its section. */
export interface ConventionViolation {
  /** The section of schema/CONVENTIONS.md, e.g. `CONVENTIONS §3`. */
  rule: string;
  type: string | null;
  field: string | null;
  message: string;
}

type ObjectNode = ObjectTypeDefinitionNode | ObjectTypeExtensionNode;

const objects = (document: DocumentNode): ObjectNode[] =>
  document.definitions.filter((d): d is ObjectNode => d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION);

const hasDirective = (field: FieldDefinitionNode, name: string) => (field.directives ?? []).some((d) => d.name.value === name);

/** The `fields` of a field's `@requires`, or null without one. */
function requiresOf(field: FieldDefinitionNode): string | null {
  const directive = (field.directives ?? []).find((d) => d.name.value === 'requires');
  const value = directive?.arguments?.find((a) => a.name.value === 'fields')?.value;
  return value?.kind === Kind.STRING ? value.value : null;
}

/** Whether a `@requires` selection brings `agencyAccess { … grant … }`: the signed consent decision (§3). */
const requiresGrant = (field: FieldDefinitionNode) => /agencyAccess\s*\{[^}]*\bgrant\b/.test(requiresOf(field) ?? '');

/** Key fields of the `@key`s of a type: what a subgraph must declare to extend it, not data it adds. */
function keyFields(type: ObjectNode): Set<string> {
  const keys = new Set<string>();
  for (const d of type.directives ?? []) {
    if (d.name.value !== 'key') continue;
    const value = d.arguments?.find((a) => a.name.value === 'fields')?.value;
    if (value?.kind === Kind.STRING) for (const word of value.value.split(/[\s{}]+/).filter(Boolean)) keys.add(word);
  }
  return keys;
}

/** Each field's printed type, by name: the shape a convention type must have. */
function shapeOf(document: DocumentNode, typeName: string): Map<string, string> | null {
  const found = objects(document).filter((t) => t.name.value === typeName);
  if (!found.length) return null;
  return new Map(found.flatMap((t) => (t.fields ?? []).map((f) => [f.name.value, print(f.type)] as [string, string])));
}

function shapeProblems(document: DocumentNode, typeName: string, expected: Record<string, string>): string[] {
  const shape = shapeOf(document, typeName);
  if (!shape) return [`its type ${typeName} is not declared in the subgraph`];
  return Object.entries(expected)
    .filter(([field, type]) => shape.get(field) !== type)
    .map(([field, type]) => `${typeName}.${field} must be \`${type}\` (it is ${shape.has(field) ? `\`${shape.get(field)}\`` : 'missing'})`);
}

/** The AgencyRoute shape (§2) and the AgencyResources shape (§4) every contribution of that kind returns. */
const ROUTE_SHAPE = { agency: 'String!', steps: '[RouteStep!]!', alerts: '[RouteAlert!]!', withheld: 'RouteWithholding' };
const RESOURCES_SHAPE = { agency: 'String!', services: '[ServiceCapacity!]!' };

/**
 * The hub's conventions a subgraph's SDL must follow before it joins (issue 16 §2): route contributions of the
 * AgencyRoute shape behind the consent guard (§2, §3), resource contributions of the AgencyResources shape (§4),
 * every other field it adds to Person behind the consent guard (§3), and an access-log contribution from any
 * subgraph that adds data to Person (§4). Social protection owns Person and decides consent itself: it is exempt from §3.
 */
export function checkConventions(subgraph: string, sdl: string): ConventionViolation[] {
  const document = parse(sdl);
  const contributions = findContributions({ [subgraph]: sdl });
  const violations: ConventionViolation[] = [];
  const violation = (rule: string, type: string | null, field: string | null, message: string) =>
    violations.push({ rule, type, field, message: `${rule}: ${message}` });
  const personFields = objects(document)
    .filter((t) => t.name.value === 'Person')
    .flatMap((t) => {
      const keys = keyFields(t);
      return (t.fields ?? []).filter((f) => !keys.has(f.name.value) && !hasDirective(f, 'external'));
    });
  const fieldOf = (name: string) => personFields.find((f) => f.name.value === name);

  for (const route of contributionsTo(contributions, 'route')) {
    if (route.parentType !== 'Person') {
      violation('CONVENTIONS §2', route.parentType, route.field, `a hub-route field belongs on Person, not on ${route.parentType}`);
      continue;
    }
    // A value type returned only by @requires fields has one owner: the agency's own name keeps partners from colliding.
    const own = contributionTypeName(agencyOf(subgraph), 'Route');
    if (route.type !== own)
      violation(
        'CONVENTIONS §2',
        'Person',
        route.field,
        `Person.${route.field} must return ${own}, its agency's own route type, not ${route.type}`,
      );
    for (const problem of shapeProblems(document, route.type, ROUTE_SHAPE))
      violation('CONVENTIONS §2', 'Person', route.field, `Person.${route.field} does not have the AgencyRoute shape: ${problem}`);
    const field = fieldOf(route.field);
    if (field && subgraph !== CONSENT_OWNER && !requiresGrant(field))
      violation('CONVENTIONS §3', 'Person', route.field, `Person.${route.field} must @requires(fields: "agencyAccess { … grant }")`);
  }
  for (const resources of contributionsTo(contributions, 'resources')) {
    if (resources.parentType !== 'Territory') {
      violation(
        'CONVENTIONS §4',
        resources.parentType,
        resources.field,
        `a hub-resources field belongs on Territory, not on ${resources.parentType}`,
      );
      continue;
    }
    for (const problem of shapeProblems(document, resources.type, RESOURCES_SHAPE))
      violation(
        'CONVENTIONS §4',
        'Territory',
        resources.field,
        `Territory.${resources.field} does not have the AgencyResources shape: ${problem}`,
      );
  }
  if (subgraph !== CONSENT_OWNER) {
    const routes = new Set(contributionsTo(contributions, 'route').map((c) => c.field));
    for (const field of personFields.filter((f) => !routes.has(f.name.value) && !requiresGrant(f)))
      violation(
        'CONVENTIONS §3',
        'Person',
        field.name.value,
        `Person.${field.name.value} is personal data without the consent guard: @requires(fields: "agencyAccess { inScope consentedAgencies grant }")`,
      );
    const logs = contributionsTo(contributions, 'accessLog').filter((c) => c.parentType === 'Person');
    if (personFields.length && !logs.length)
      violation(
        'CONVENTIONS §4',
        'Person',
        null,
        'the subgraph adds data to Person but contributes no access log: add a Person field tagged hub-access-log (accessLogResolver)',
      );
  }
  return violations;
}
