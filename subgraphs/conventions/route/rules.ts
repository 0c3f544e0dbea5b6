import { AlertSeverity, RouteStepStatus, type RouteAlert, type RouteStep } from './contract';

/**
 * Rules that need more than one agency's data, applied when the family route is assembled.
 * Plain functions over plain objects: the route's steps as the agencies sent them.
 */
/** A step as the agencies send it: the route convention's own shape (contract.ts), not restated here. */
export type Step = RouteStep;

/** An alert as the agencies send it, or as a rule below raises it. */
export type Alert = RouteAlert;

export interface Gap {
  personId: string;
  agency: string;
  code: string;
  message: string;
}

const OPEN = new Set<RouteStepStatus>([RouteStepStatus.PLANNED, RouteStepStatus.IN_PROGRESS]);

/** A step still open after its deadline is late, whatever the agency last wrote (seed 003 §36–37: timeliness). */
export function withOverdue(step: Step, today: string): Step {
  return step.dueOn && step.dueOn < today && OPEN.has(step.status) ? { ...step, status: RouteStepStatus.OVERDUE } : step;
}

/** Every step of the family route carries the provisional mark: an agency that does not send it has none. */
export function withProvisionalMark(step: Step): Step {
  return { ...step, provisional: step.provisional === true };
}

/** In time order: when it started (or is due), then agency, so the coordinator reads the route as a story. */
export function orderSteps(steps: Step[]): Step[] {
  const when = (s: Step) => s.period.startsOn ?? s.dueOn ?? s.period.endsOn ?? '9999-12-31';
  return [...steps].sort((a, b) => when(a).localeCompare(when(b)) || a.agency.localeCompare(b.agency) || a.id.localeCompare(b.id));
}

/**
 * An IPRA measure that another agency must execute (professional → employment,
 * psychological-pedagogical → education, social → social protection, aids → rental fund) needs
 * the coordinator's referral to that agency (seed 003 §27, §33.6); without one it is "missing".
 */
export function ipraMeasuresWithoutReferral(steps: Step[]): Alert[] {
  const referrals = steps.filter((s) => s.kind === 'REFERRAL' && s.status !== RouteStepStatus.CANCELLED);
  return steps
    .filter(
      (s) =>
        s.kind === 'IPRA_MEASURE' &&
        s.executorAgency &&
        s.executorAgency !== s.agency &&
        s.status !== RouteStepStatus.DONE &&
        s.status !== RouteStepStatus.CANCELLED,
    )
    .filter(
      (measure) =>
        !referrals.some(
          (r) => r.personId === measure.personId && (r.followsFrom.includes(measure.id) || r.executorAgency === measure.executorAgency),
        ),
    )
    .map((measure) => ({
      code: 'IPRA_MEASURE_WITHOUT_REFERRAL',
      severity: AlertSeverity.WARNING,
      message: `Мероприятие ИПРА «${measure.title}» исполняет ${measure.executorAgency}, но направления туда нет`,
      personId: measure.personId,
      stepId: measure.id,
      agency: measure.agency,
    }));
}

/**
 * A hidden agency is itself something the coordinator must see: who has not consented to what. The alert's code is
 * the ErrorCode that hid the agency (one code per situation, CONVENTIONS §7.7): CONSENT_REQUIRED, FORBIDDEN or
 * SUBGRAPH_UNAVAILABLE.
 */
export function gapAlerts(gaps: Gap[]): Alert[] {
  return gaps.map((gap) =>
    gap.code === 'CONSENT_REQUIRED'
      ? {
          code: 'CONSENT_REQUIRED',
          severity: AlertSeverity.INFO,
          message: `Нет согласия на обмен сведениями с ${gap.agency}: данные ведомства скрыты`,
          personId: gap.personId,
          stepId: null,
          agency: gap.agency,
        }
      : {
          code: gap.code === 'FORBIDDEN' ? 'FORBIDDEN' : 'SUBGRAPH_UNAVAILABLE',
          severity: gap.code === 'FORBIDDEN' ? AlertSeverity.INFO : AlertSeverity.CRITICAL,
          message: gap.message,
          personId: gap.personId,
          stepId: null,
          agency: gap.agency,
        },
  );
}

export interface GraphNode {
  id: string;
  kind: 'FAMILY' | 'PERSON' | 'ORGANIZATION' | 'AGENCY' | 'STEP';
  label: string;
  agency: string | null;
  status: string | null;
  on: string | null;
}

export interface GraphEdge {
  from: string;
  to: string;
  kind: 'MEMBER_OF' | 'CONCERNS' | 'EXECUTES' | 'REFERRED_TO' | 'HANDS_OVER_TO' | 'FOLLOWS_FROM';
}

/** The routing graph: people, organizations, agencies and steps, ready for a client to draw. */
export function buildGraph(input: {
  family: { id: string; label: string };
  people: { id: string; label: string }[];
  steps: Step[];
  organizationLabel: (id: string) => string;
}): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const node = (n: GraphNode) => nodes.has(n.id) || nodes.set(n.id, n);
  node({ id: `family:${input.family.id}`, kind: 'FAMILY', label: input.family.label, agency: null, status: null, on: null });
  for (const person of input.people) {
    node({ id: `person:${person.id}`, kind: 'PERSON', label: person.label, agency: null, status: null, on: null });
    edges.push({ from: `person:${person.id}`, to: `family:${input.family.id}`, kind: 'MEMBER_OF' });
  }
  const stepIds = new Set(input.steps.map((s) => s.id));
  for (const step of input.steps) {
    node({
      id: step.id,
      kind: 'STEP',
      label: step.title,
      agency: step.agency,
      status: step.status,
      on: step.period.startsOn ?? step.dueOn,
    });
    edges.push({ from: step.id, to: `person:${step.personId}`, kind: 'CONCERNS' });
    if (step.organizationId) {
      const orgNode = `organization:${step.organizationId}`;
      node({
        id: orgNode,
        kind: 'ORGANIZATION',
        label: input.organizationLabel(step.organizationId),
        agency: null,
        status: null,
        on: null,
      });
      edges.push(
        step.kind === 'REFERRAL' ? { from: step.id, to: orgNode, kind: 'REFERRED_TO' } : { from: orgNode, to: step.id, kind: 'EXECUTES' },
      );
    }
    if (step.executorAgency && step.executorAgency !== step.agency) {
      const agencyNode = `agency:${step.executorAgency}`;
      node({ id: agencyNode, kind: 'AGENCY', label: step.executorAgency, agency: step.executorAgency, status: null, on: null });
      edges.push({ from: step.id, to: agencyNode, kind: 'HANDS_OVER_TO' });
    }
    for (const previous of step.followsFrom) if (stepIds.has(previous)) edges.push({ from: step.id, to: previous, kind: 'FOLLOWS_FROM' });
  }
  return { nodes: [...nodes.values()], edges };
}
