import type { Identity } from '../subgraphs/kit/platform/identity';

export interface GatewayContext {
  identity: Identity;
  requestId: string;
  subgraphTimings: { subgraph: string; ms: number }[];
}
