/**
 * The family route as the client reads it (seed 003 §33.3: the coordinator routes the family). The agencies' parts it
 * is assembled from are found at composition; their shapes (RouteStep, RouteAlert) come from the route convention
 * (conventions/route/contract.ts) through the agencies' schemas, never restated here.
 */
export const ROUTE_SCHEMA = `
"""
A family's route across agencies: every step of every member in every agency that contributes to the route, in time
order, with what is late or missing.
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
  "Agencies that contribute to the route (found in the composed supergraph)."
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

"The route drawn as a graph: people, organizations, agencies and steps, and how they connect."
type RouteGraph {
  nodes: [RouteGraphNode!]!
  edges: [RouteGraphEdge!]!
}

enum RouteGraphNodeKind {
  FAMILY
  PERSON
  ORGANIZATION
  AGENCY
  STEP
}

enum RouteGraphEdgeKind {
  MEMBER_OF
  CONCERNS
  EXECUTES
  REFERRED_TO
  HANDS_OVER_TO
  FOLLOWS_FROM
}

type RouteGraphNode {
  id: ID!
  kind: RouteGraphNodeKind!
  "What to write on the node: a person's name, a step's title, an agency code; an organization's id (select organization { name })."
  label: String!
  agency: String
  status: RouteStepStatus
  date: LocalDate
  "The organization an ORGANIZATION node stands for, resolved by the organization directory."
  organization: Organization
}

type RouteGraphEdge {
  from: ID!
  to: ID!
  kind: RouteGraphEdgeKind!
}
`;

/** Hub-owned types the route needs from elsewhere: the organization directory's entity, referenced by id. */
export const ROUTE_REFERENCES = `
type Organization @key(fields: "id", resolvable: false) {
  id: ID!
}
`;
