/**
 * What the hub's conventions share: how a contributing field is marked, and how a subgraph's service name
 * becomes its agency code. The assembly subgraph (subgraphs/assembly) finds contributions by these tags in the
 * agencies' schemas when the supergraph is composed, so a partner that follows the conventions joins the route,
 * the access log, the resource map and the statistics with no code change anywhere else.
 */
export const CONVENTION_TAGS = {
  route: 'hub-route',
  accessLog: 'hub-access-log',
  resources: 'hub-resources',
  statistics: 'hub-statistics',
  /** Social protection's demand on a territory, which the resource map sets against the agencies' supply. */
  demand: 'hub-demand',
} as const;

export type Convention = keyof typeof CONVENTION_TAGS;

/** The `@tag` directive that marks a field as a contribution to a convention. */
export const CONVENTION_TAG = Object.fromEntries(
  Object.entries(CONVENTION_TAGS).map(([convention, tag]) => [convention, `@tag(name: "${tag}")`]),
) as Record<Convention, string>;

/** A service name in upper snake case (rental-fund → RENTAL_FUND): its agency code, and the prefix of its environment variables. */
export const upperSnake = (serviceName: string): string => serviceName.toUpperCase().replace(/-/g, '_');

/** By convention a subgraph's agency code is its service name in upper snake case (rental-fund → RENTAL_FUND). */
export const agencyOf = upperSnake;

/** HEALTH → Health, RENTAL_FUND → RentalFund: the prefix of an agency's own contribution types. */
export const agencyPascal = (agency: string): string =>
  agency
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');

/** The name of an agency's own contribution type, e.g. `HealthRoute`, `RentalFundAccessLogEntry`. */
export const contributionTypeName = (agency: string, suffix: string): string => `${agencyPascal(agency)}${suffix}`;
