/** The ports `npm start` gives the hub's services; the committed supergraph names subgraphs by them. */
export const DEFAULT_PORTS: Record<string, number> = {
  gateway: 4000,
  'social-protection': 4001,
  health: 4002,
  education: 4003,
  employment: 4004,
  'rental-fund': 4005,
  assembly: 4006,
  registry: 4007,
};

/** The URL a subgraph has in the committed supergraph; the gateway overrides it at run time. */
export const composedUrl = (name: string) => `http://localhost:${DEFAULT_PORTS[name] ?? 4100}/graphql`;
