/** The resource map of a territory for regional resource centres (seed 003 §34.2): supply of every agency, demand, gaps. */
export const RESOURCE_MAP_SCHEMA = `
"""The resources of a territory for regional resource centres (seed 003 §34.2): supply of every agency, demand, gaps."""
type ResourceMap {
  """OKTMO code of the territory mapped."""
  territoryOktmo: ID!
  """Providers and capacity of every agency that contributes to the map (HSDS service_at_location + service_capacity)."""
  supply: [ServiceCapacity!]!
  """Social protection's demand on the territory (aggregates, small counts suppressed); null when it did not answer."""
  demand: TerritoryDemand
  """Supply against demand per service kind, with the gap if any."""
  coverage: [ServiceCoverage!]!
  """Agency codes of the agencies that contribute to the map (found in the composed supergraph)."""
  agencies: [String!]!
  """Agency codes of the agencies whose supply is missing from this map because they did not answer."""
  missingAgencies: [String!]!
}

"""Whether the providers of a service kind meet the demand on the territory (seed 003 §34.2–34.3)."""
enum CoverageGap {
  """The providers meet the demand, or there is none."""
  NONE
  """Demand on the territory and no provider of the service there."""
  NO_PROVIDER
  """Demand far above the free capacity, or people queuing with nothing free."""
  OVER_CAPACITY
}

"""Supply against demand for one service kind on the territory."""
type ServiceCoverage {
  """The service kind (\`ServiceCapacity.serviceKind\`)."""
  serviceKind: String!
  """Demand as released (a number or <10)."""
  demand: String!
  """How many services of the kind the agencies offer on the territory."""
  providers: Int!
  """Places (or items) in total across the providers; null when no provider counts them."""
  capacityTotal: Int
  """Places (or items) free now across the providers; null when no provider counts them."""
  capacityAvailable: Int
  """People waiting across the providers."""
  queueLength: Int!
  """Whether the providers meet the demand."""
  gap: CoverageGap!
}
`;
