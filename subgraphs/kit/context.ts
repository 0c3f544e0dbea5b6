import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditTrail } from './audit';
import type { Identity } from './identity';
import { Loaders } from './loaders';

/** What every resolver of every subgraph gets: the verified caller, a fresh unit of work, fresh loaders. */
export interface HubContext {
  identity: Identity;
  /** This request's own unit of work (a fork, made when first used: most requests only read through loaders). */
  em: EntityManager;
  /** The ORM's shared entity manager: its connection pool and metadata, never its unit of work. */
  rootEm: EntityManager;
  loaders: Loaders;
  /** The subgraph serving the request, e.g. `health`. */
  subgraph: string;
  requestId: string;
  /** What this request read and was refused; flushed once before the response. */
  audit: AuditTrail;
}

export function createContext(subgraph: string, identity: Identity, rootEm: EntityManager, auditReads = true): HubContext {
  let em: EntityManager | undefined;
  return {
    identity,
    get em() {
      return (em ??= rootEm.fork());
    },
    rootEm,
    loaders: new Loaders(),
    subgraph,
    requestId: identity.requestId,
    audit: new AuditTrail(subgraph, identity, auditReads),
  };
}
