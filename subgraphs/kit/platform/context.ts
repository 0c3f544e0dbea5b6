import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditTrail } from '../policy/audit';
import type { Identity } from './identity';
import { Loaders } from './loaders';
import type { ConsentGrant, GrantRejection } from '../policy/consent-grant';
import type { SubgraphTrust } from './subgraph-trust';

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
  /** This subgraph's keys: social protection issues consent grants, the other agencies verify them. */
  trust: Pick<SubgraphTrust, 'grantIssuer' | 'grantVerifier'>;
  /** Grants already checked in this request, by token and person (a family's fields share one grant per person). */
  checkedGrants: Map<string, ConsentGrant | GrantRejection>;
}

export function createContext(
  subgraph: string,
  identity: Identity,
  rootEm: EntityManager,
  auditReads = true,
  trust: HubContext['trust'] = { grantIssuer: null, grantVerifier: null },
): HubContext {
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
    trust,
    checkedGrants: new Map(),
  };
}
