import type { Identity } from '../subgraphs/kit/identity';

export interface GatewayContext {
  identity: Identity;
  requestId: string;
  subgraphTimings: { subgraph: string; ms: number }[];
}
