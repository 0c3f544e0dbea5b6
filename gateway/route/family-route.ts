import { today } from '../../subgraphs/kit/clock';
import { discoverContributions, type Contribution } from '../hub-fields/discovery';
import type { InjectedError, VirtualField } from '../hub-fields/virtual-fields';
import {
  buildGraph,
  gapAlerts,
  ipraMeasuresWithoutReferral,
  orderSteps,
  withOverdue,
  withProvisionalMark,
  type Alert,
  type Gap,
  type Step,
} from './route-rules';

export const FAMILY_ROUTE_SDL = `
"""
A family's route across agencies (seed 003 §33.3: the coordinator routes the family): every step of every
member in every agency that contributes to the route, in time order, with what is late or missing.
"""
type FamilyRoute {
  familyId: ID!
  "Steps of all members in all agencies, ordered in time."
  steps: [RouteStep!]!
  "Deadlines passed, referrals unanswered, IPRA measures without a referral, rentals due, hidden agencies."
  alerts: [RouteAlert!]!
  "Agencies whose steps are missing for a member, and why (no consent, no access, not answering)."
  gaps: [RouteGap!]!
  "The same route as a graph of people, organizations, agencies and steps."
  graph: RouteGraph!
  "Agencies that contribute to the route (discovered from the composed supergraph)."
  agencies: [String!]!
}

"An agency whose part of the route is not shown for a person."
type RouteGap {
  personId: ID!
  agency: String!
  "CONSENT_REQUIRED, FORBIDDEN or SUBGRAPH_UNAVAILABLE."
  code: String!
  message: String!
}

type RouteGraph {
  nodes: [RouteGraphNode!]!
  edges: [RouteGraphEdge!]!
}

enum RouteGraphNodeKind { FAMILY PERSON ORGANIZATION AGENCY STEP }
enum RouteGraphEdgeKind { MEMBER_OF CONCERNS EXECUTES REFERRED_TO HANDS_OVER_TO FOLLOWS_FROM }

type RouteGraphNode {
  id: ID!
  kind: RouteGraphNodeKind!
  label: String!
  agency: String
  status: RouteStepStatus
  date: LocalDate
}

type RouteGraphEdge {
  from: ID!
  to: ID!
  kind: RouteGraphEdgeKind!
}

extend type Family {
  "The family's route across all agencies (assembled by the hub from each agency's AgencyRoute fields)."
  route: FamilyRoute!
}
`;

const STEP_FIELDS =
  'id personId agency kind title status startDate endDate dueDate provisional organizationId responsible recordType recordId followsFrom executorAgency';
const ALERT_FIELDS = 'code severity message personId stepId agency';

/** By convention a subgraph's agency code is its service name in upper snake case (rental-fund → RENTAL_FUND). */
export const agencyOf = (subgraph: string) => subgraph.toUpperCase().replace(/-/g, '_');

interface Member {
  relation: string;
  person: ({ id: string; firstName: string; lastName: string } & Record<string, unknown>) | null;
}

/** How long the gateway keeps the organization directory's names for labelling route graphs. */
export const ORGANIZATION_LABELS_TTL_MS = 5 * 60_000;

export function familyRouteField(supergraphSdl: string): VirtualField & { contributions: Contribution[] } {
  // The organization directory is public reference data that changes rarely: the gateway keeps its names for
  // a few minutes instead of asking social protection for all of the region's organizations with every route.
  const directory = { names: new Map<string, string>(), fetchedAt: Number.NEGATIVE_INFINITY };
  const contributions = discoverContributions(supergraphSdl, 'Person', 'AgencyRoute');
  const routeSelections = contributions
    .map((c) => `${c.field} { agency steps { ${STEP_FIELDS} } alerts { ${ALERT_FIELDS} } withheld { code message } }`)
    .join(' ');
  return {
    contributions,
    parentType: 'Family',
    fieldName: 'route',
    expansion: `id displayName members { relation person { id firstName lastName ${routeSelections} } }`,
    rootExpansion: () => (Date.now() - directory.fetchedAt < ORGANIZATION_LABELS_TTL_MS ? null : 'organizations { id name }'),
    resolve({ injected, root, errors }) {
      const members = ((injected.members as Member[] | null) ?? []).filter((m) => m.person);
      const day = today();
      const steps: Step[] = [];
      const alerts: Alert[] = [];
      const gaps: Gap[] = [];
      const routeErrors: { message: string; extensions: Record<string, unknown> }[] = [];
      members.forEach((member, index) => {
        const person = member.person!;
        for (const contribution of contributions) {
          const agency = agencyOf(contribution.subgraph);
          const part = person[contribution.field] as
            { steps: Step[]; alerts: Alert[]; withheld: { code: string; message: string } | null } | null | undefined;
          if (part?.withheld) {
            gaps.push({ personId: person.id, agency, code: part.withheld.code, message: part.withheld.message });
            continue;
          }
          if (part) {
            steps.push(...part.steps.map((s) => withOverdue(withProvisionalMark(s), day)));
            alerts.push(...part.alerts);
            continue;
          }
          const error = errorAt(errors, ['members', index, 'person', contribution.field]);
          const code = String(error?.extensions?.code ?? 'SUBGRAPH_UNAVAILABLE');
          if (code === 'CONSENT_REQUIRED' || code === 'FORBIDDEN') {
            gaps.push({ personId: person.id, agency, code, message: error?.message ?? code });
          } else {
            const message = `${agency} did not answer; its steps are missing from the route`;
            gaps.push({ personId: person.id, agency, code: 'SUBGRAPH_UNAVAILABLE', message });
            if (!routeErrors.some((e) => e.extensions.agency === agency)) {
              routeErrors.push({ message, extensions: { code: 'SUBGRAPH_UNAVAILABLE', agency, serviceName: contribution.subgraph } });
            }
          }
        }
      });
      const ordered = orderSteps(steps);
      const fetched = root.organizations as { id: string; name: string }[] | null | undefined;
      if (fetched) Object.assign(directory, { names: new Map(fetched.map((o) => [o.id, o.name])), fetchedAt: Date.now() });
      const organizations = directory.names;
      const familyId = String(injected.id);
      const route = {
        __typename: 'FamilyRoute',
        familyId,
        steps: ordered.map((s) => ({ __typename: 'RouteStep', ...s })),
        alerts: [...alerts, ...ipraMeasuresWithoutReferral(ordered), ...gapAlerts(gaps)].map((a) => ({ __typename: 'RouteAlert', ...a })),
        gaps: gaps.map((g) => ({ __typename: 'RouteGap', ...g })),
        agencies: contributions.map((c) => agencyOf(c.subgraph)),
        graph: {
          __typename: 'RouteGraph',
          ...buildGraph({
            family: { id: familyId, label: String(injected.displayName ?? familyId) },
            people: members.map((m) => ({ id: m.person!.id, label: `${m.person!.lastName} ${m.person!.firstName}` })),
            steps: ordered,
            organizationLabel: (id) => organizations.get(id) ?? id,
          }),
        },
      };
      route.graph.nodes = route.graph.nodes.map((n) => ({ __typename: 'RouteGraphNode', ...n })) as never;
      route.graph.edges = route.graph.edges.map((e) => ({ __typename: 'RouteGraphEdge', ...e })) as never;
      return { value: route, errors: routeErrors };
    },
  };
}

function errorAt(errors: InjectedError[], path: (string | number)[]): InjectedError | undefined {
  return errors.find((e) => path.every((segment, i) => e.path[i] === segment));
}
