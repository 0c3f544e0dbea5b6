/** The resource map of a territory for regional resource centres (seed 003 §34.2): supply of every agency, demand, gaps. */
export const RESOURCE_MAP_SCHEMA = `
"The resources of a territory for regional resource centres (seed 003 §34.2): supply of every agency, demand, gaps."
type ResourceMap {
  territoryOktmo: ID!
  "Providers and capacity of every agency that contributes to the map (HSDS service_at_location + service_capacity)."
  supply: [ServiceCapacity!]!
  "Social protection's demand on the territory (aggregates, small counts suppressed)."
  demand: TerritoryDemand
  "Supply against demand per service kind, with the gap if any."
  coverage: [ServiceCoverage!]!
  "Agencies that contribute to the map (found in the composed supergraph)."
  agencies: [String!]!
  "Agencies whose supply is missing from this map because they did not answer."
  missingAgencies: [String!]!
}

enum CoverageGap {
  NONE
  "Demand on the territory and no provider of the service there."
  NO_PROVIDER
  "Demand far above the free capacity, or people queuing with nothing free."
  OVER_CAPACITY
}

"Supply against demand for one service kind on the territory."
type ServiceCoverage {
  serviceKind: String!
  "Demand as released (a number or <10)."
  demand: String!
  providers: Int!
  capacityTotal: Int
  capacityAvailable: Int
  queueLength: Int!
  gap: CoverageGap!
}
`;
