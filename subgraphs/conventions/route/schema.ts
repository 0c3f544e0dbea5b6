/**
 * The family route as the client reads it (seed 003 §33.3: the coordinator routes the family). The agencies' parts it
 * is assembled from are found at composition; their shapes (RouteStep, RouteAlert) come from the route convention
 * (conventions/route/contract.ts) through the agencies' schemas, never restated here.
 */
export const ROUTE_SCHEMA = `
"""
A family's route across agencies: every step of every member in every agency that contributes to the route, in time
order, with what is late or missing, within the period asked (seed 003 §33.3).
"""
type FamilyRoute {
  """The family's id (\`Family.id\`); the same family as \`family\`."""
  familyId: ID!
  """The family the route is about."""
  family: Family
  """
  Steps of all members in all agencies that fall in the period, ordered in time (start or deadline, then agency).
  At most 500: a period holding more is refused with BAD_USER_INPUT, so narrow the period.
  """
  steps: [RouteStep!]!
  """
  What needs attention: the agencies' own alerts, IPRA measures without a referral, and hidden agencies (code
  CONSENT_REQUIRED, FORBIDDEN or SUBGRAPH_UNAVAILABLE); alerts about steps outside the period are left out.
  """
  alerts: [RouteAlert!]!
  """Agencies whose steps are missing for a member, and why (no consent, no access, not answering, left the hub)."""
  gaps: [RouteGap!]!
  """The same steps as a graph of people, organizations, agencies and steps."""
  graph: RouteGraph!
  """Agency codes of the agencies that contribute to the route (found in the composed supergraph)."""
  agencies: [String!]!
}

"""An agency whose part of the route is not shown for a person."""
type RouteGap {
  """The global id of the person (\`Person.id\`); the same person as \`person\`."""
  personId: ID!
  """The person whose part is missing."""
  person: Person
  """Agency code of the agency whose part is missing."""
  agency: String!
  """
  Why: CONSENT_REQUIRED (no consent covers the agency), FORBIDDEN (no access), SUBGRAPH_UNAVAILABLE (no answer) or
  SUBGRAPH_RETIRED (a partner that has left the hub).
  """
  code: ErrorCode!
  """What the coordinator reads, in Russian as the agency wrote it, or the hub's note that the agency did not answer."""
  message: String!
}

"""The route drawn as a graph: people, organizations, agencies and steps, and how they connect."""
type RouteGraph {
  """The family, its members, the steps in the period, and the organizations and agencies those steps name."""
  nodes: [RouteGraphNode!]!
  """How the nodes connect: at most a few edges per step."""
  edges: [RouteGraphEdge!]!
}

"""What a node of the route graph stands for."""
enum RouteGraphNodeKind {
  """The family (one node)."""
  FAMILY
  """A member of the family."""
  PERSON
  """An organization that executes a step or receives a referral."""
  ORGANIZATION
  """An agency a step is handed over to (an IPRA section executed by another agency)."""
  AGENCY
  """A step of the route."""
  STEP
}

"""How two nodes of the route graph are related."""
enum RouteGraphEdgeKind {
  """A person (from) is a member of the family (to)."""
  MEMBER_OF
  """A step (from) concerns a person (to)."""
  CONCERNS
  """An organization (from) executes a step (to)."""
  EXECUTES
  """A referral step (from) refers the person to an organization (to)."""
  REFERRED_TO
  """A step (from) is handed over to another agency (to) to execute."""
  HANDS_OVER_TO
  """A step (from) follows from an earlier step (to)."""
  FOLLOWS_FROM
}

"""A node of the route graph: the family, a person, an organization, an agency or a step."""
type RouteGraphNode {
  """Unique in the graph: \`family:<id>\`, \`person:<id>\`, \`organization:<id>\`, \`agency:<code>\` or the step's id."""
  id: ID!
  """What the node stands for."""
  kind: RouteGraphNodeKind!
  """What to write on the node: a person's name, a step's title, an agency code; an organization's id (select organization { name })."""
  label: String!
  """Agency code, for STEP and AGENCY nodes; null otherwise."""
  agency: String
  """Where the step stands, for STEP nodes; null otherwise."""
  status: RouteStepStatus
  """The step's first day (or its deadline when it has no start), for STEP nodes; null otherwise."""
  on: LocalDate
  """The organization an ORGANIZATION node stands for, resolved by the organization directory."""
  organization: Organization
}

"""An edge of the route graph, from one node to another (ids of \`RouteGraphNode\`)."""
type RouteGraphEdge {
  """The node the edge starts at (\`RouteGraphNode.id\`)."""
  from: ID!
  """The node the edge ends at (\`RouteGraphNode.id\`)."""
  to: ID!
  """How the two nodes are related."""
  kind: RouteGraphEdgeKind!
}
`;

/** Hub-owned types the route needs from elsewhere when the directory's Organization is no Node: referenced by id. */
export const ROUTE_REFERENCES = `
"""An organization of the regional directory, referenced by id."""
type Organization @key(fields: "id", resolvable: false) {
  """The organization's global id."""
  id: ID!
}
`;
