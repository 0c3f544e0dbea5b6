import type { Contribution } from '../../assembly/contributions';
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
} from './rules';

interface AgencyPart {
  steps: Step[];
  alerts: Alert[];
  withheld?: { code: string; message: string } | null;
}

/** The family as the router hands it over: what `Family.route` requires (members and their agencies' parts). */
export interface FamilyRepresentation {
  id: string;
  displayName?: string | null;
  members?: {
    relation: string;
    person: ({ id: string; firstName?: string | null; lastName?: string | null } & Record<string, unknown>) | null;
  }[];
}

/**
 * The family route from its members' parts in every agency (route convention): steps in time order, the agencies'
 * alerts plus the rules that need more than one agency, the gaps (a part withheld, or an agency that did not answer),
 * and the graph. No authorization decision is made here: each agency decided on its own part.
 */
export function assembleFamilyRoute(family: FamilyRepresentation, routes: Contribution[], today: string) {
  const members = (family.members ?? []).filter((m) => m.person);
  const steps: Step[] = [];
  const alerts: Alert[] = [];
  const gaps: Gap[] = [];
  for (const member of members) {
    const person = member.person!;
    for (const contribution of routes) {
      const part = person[contribution.field] as AgencyPart | null | undefined;
      if (part?.withheld) gaps.push({ personId: person.id, agency: contribution.agency, ...part.withheld });
      else if (part) {
        steps.push(...part.steps.map((s) => withOverdue(withProvisionalMark(s), today)));
        alerts.push(...part.alerts);
      } else {
        // Null is an agency that did not answer, or refused the caller outright (not the caller's family, not the caller's role).
        const message = `${contribution.agency} did not answer or refused; its steps are missing from the route`;
        gaps.push({ personId: person.id, agency: contribution.agency, code: 'SUBGRAPH_UNAVAILABLE', message });
      }
    }
  }
  const ordered = orderSteps(steps);
  const graph = buildGraph({
    family: { id: family.id, label: family.displayName ?? family.id },
    people: members.map((m) => ({
      id: m.person!.id,
      label: [m.person!.lastName, m.person!.firstName].filter(Boolean).join(' ') || m.person!.id,
    })),
    steps: ordered,
    organizationLabel: (id) => id,
  });
  return {
    familyId: family.id,
    steps: ordered,
    alerts: [...alerts, ...ipraMeasuresWithoutReferral(ordered), ...gapAlerts(gaps)],
    gaps,
    agencies: routes.map((c) => c.agency),
    graph: {
      edges: graph.edges,
      // An organization node refers to the directory's entity, so a client asks its name from the organization directory.
      nodes: graph.nodes.map((n) => ({
        ...n,
        organization: n.kind === 'ORGANIZATION' ? { id: n.id.slice('organization:'.length) } : null,
      })),
    },
  };
}
