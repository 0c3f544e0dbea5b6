import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditTrail } from './audit';
import type { Identity } from './identity';
import { Loaders } from './loaders';

/** What every resolver of every subgraph gets: the verified caller, a fresh unit of work, fresh loaders. */
export interface HubContext {
  identity: Identity;
  em: EntityManager;
  loaders: Loaders;
  /** The subgraph serving the request, e.g. `health`. */
  subgraph: string;
  requestId: string;
  /** What this request read and was refused; flushed once before the response. */
  audit: AuditTrail;
}

export function createContext(subgraph: string, identity: Identity, em: EntityManager): HubContext {
  return {
    identity,
    em: em.fork(),
    loaders: new Loaders(),
    subgraph,
    requestId: identity.requestId,
    audit: new AuditTrail(subgraph, identity),
  };
}
