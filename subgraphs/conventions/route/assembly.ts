import type { Contribution } from '../../assembly/contributions';
import { badInput } from '../../kit/platform/errors';
import { globalId } from '../../kit/platform/global-id';
import { periodBounds, type PeriodInput } from '../../kit/platform/period';
import { RouteStepStatus, withGlobalIds, type AgencyRoute } from './contract';
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

/** Partners the registry retired, and the gap code that names them (SUBGRAPH_RETIRED where the schema has it). */
export interface RetiredAgencies {
  agencies: string[];
  code: string;
}

/**
 * The most steps one route answers: a route is read whole (a story, and a graph to draw), so instead of a silent cut a
 * window holding more is refused with BAD_USER_INPUT, and the client narrows `period` (CONVENTIONS §7.5).
 */
export const ROUTE_STEP_LIMIT = 500;

const OPEN = new Set<RouteStepStatus>([RouteStepStatus.PLANNED, RouteStepStatus.IN_PROGRESS, RouteStepStatus.OVERDUE]);

/**
 * Whether a step falls in the window: its days (start or deadline to end or deadline; an open step with no end runs
 * on) overlap the window's. A step with no day at all (not planned yet) is in every window.
 */
export function inWindow(step: Step, window: { from: string; to: string }): boolean {
  const start = step.period.startsOn ?? step.dueOn ?? step.period.endsOn;
  const end = step.period.endsOn ?? step.dueOn ?? (start && !OPEN.has(step.status) ? start : null);
  if (!start && !end) return true;
  return (start ?? '0001-01-01') <= window.to && (end ?? '9999-12-31') >= window.from;
}

/**
 * The family route from its members' parts in every agency (route convention): steps in time order, the agencies'
 * alerts plus the rules that need more than one agency, the gaps (a part withheld, or an agency that did not answer),
 * and the graph, within the `period` window (the whole route when it is left open). The rules see every step, so a
 * referral before the window still answers a measure in it; alerts about steps outside the window are left out.
 * No authorization decision is made here: each agency decided on its own part.
 */
export function assembleFamilyRoute(
  family: FamilyRepresentation,
  routes: Contribution[],
  today: string,
  period?: PeriodInput | null,
  retired: RetiredAgencies = { agencies: [], code: 'SUBGRAPH_RETIRED' },
) {
  const window = periodBounds(period, 'period');
  const members = (family.members ?? []).filter((m) => m.person);
  const steps: Step[] = [];
  const alerts: Alert[] = [];
  const gaps: Gap[] = [];
  for (const member of members) {
    const person: Record<string, unknown> & { id: string } = { ...member.person!, id: globalId('Person', member.person!.id) };
    for (const contribution of routes) {
      const part = person[contribution.field] as AgencyPart | null | undefined;
      if (part?.withheld) gaps.push({ personId: person.id, agency: contribution.agency, ...part.withheld });
      else if (part) {
        const named = withGlobalIds({ agency: contribution.agency, ...part } as AgencyRoute);
        steps.push(...named.steps.map((s) => withOverdue(withProvisionalMark(s), today)));
        alerts.push(...named.alerts);
      } else {
        // Null is an agency that did not answer, or refused the caller outright (not the caller's family, not the caller's role).
        const message = `${contribution.agency} did not answer or refused; its steps are missing from the route`;
        gaps.push({ personId: person.id, agency: contribution.agency, code: 'SUBGRAPH_UNAVAILABLE', message });
      }
    }
  }
  // A partner that left the hub is named once per member, after the alerts are made: nobody can act on it, and its
  // absence is the registry's decision, not a failure of this request.
  const retiredGaps: Gap[] = members.flatMap((member) =>
    retired.agencies.map((agency) => ({
      personId: globalId('Person', member.person!.id),
      agency,
      code: retired.code,
      message: `${agency} has left the hub; its steps are no longer part of the route`,
    })),
  );
  const all = orderSteps(steps);
  const ordered = all.filter((s) => inWindow(s, window));
  if (ordered.length > ROUTE_STEP_LIMIT) {
    throw badInput(`The route has ${ordered.length} steps in the period, more than ${ROUTE_STEP_LIMIT}: narrow the period`, {
      argument: 'period',
    });
  }
  const shown = new Set(ordered.map((s) => s.id));
  const hidden = new Set(all.filter((s) => !shown.has(s.id)).map((s) => s.id));
  const graph = buildGraph({
    family: { id: family.id, label: family.displayName ?? family.id },
    people: members.map((m) => ({
      id: globalId('Person', m.person!.id),
      label: [m.person!.lastName, m.person!.firstName].filter(Boolean).join(' ') || globalId('Person', m.person!.id),
    })),
    steps: ordered,
    organizationLabel: (id) => id,
  });
  return {
    familyId: family.id,
    family: { id: family.id },
    steps: ordered,
    alerts: [...alerts, ...ipraMeasuresWithoutReferral(all), ...gapAlerts(gaps)].filter((a) => !a.stepId || !hidden.has(a.stepId)),
    gaps: [...gaps, ...retiredGaps].map((g) => ({ ...g, person: { id: g.personId } })),
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
