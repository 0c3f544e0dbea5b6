import { CONSENT_OWNER, ConsentGrantIssuer, ConsentGrantVerifier } from '../policy/consent-grant';
import { IdentityVerifier } from './identity';
import { KeyConfigurationError, type KeyPolicy } from './signing-keys';

/** The keys one subgraph is given: public key sets of the others, and its own private key only if it signs. */
export interface SubgraphKeys {
  /** The gateway's public key set (HUB_GATEWAY_JWKS_FILE): every subgraph verifies identities with it. */
  gatewayKeys: unknown;
  /** Social protection's public key set (HUB_CONSENT_JWKS_FILE): the agencies verify consent grants with it. */
  consentKeys?: unknown;
  /** Social protection's own private key (HUB_CONSENT_KEY_FILE), with which it signs consent grants. */
  consentSigningKey?: unknown;
}

export interface SubgraphTrust {
  identity: IdentityVerifier;
  /** Social protection only. */
  grantIssuer: ConsentGrantIssuer | null;
  /** Every agency but social protection, which decides from its own data. */
  grantVerifier: ConsentGrantVerifier | null;
}

/** Checks a subgraph's keys before it serves anything: a missing or unusable key stops the start, with its name. */
export function subgraphTrust(service: string, keys: SubgraphKeys, policy: KeyPolicy = {}): SubgraphTrust {
  if (!keys.gatewayKeys) throw new KeyConfigurationError(`${service}: the gateway's public key set is missing (HUB_GATEWAY_JWKS_FILE)`);
  const identity = new IdentityVerifier(keys.gatewayKeys, service, policy, `${service}: the gateway's key set`);
  if (service === CONSENT_OWNER) {
    if (!keys.consentSigningKey) throw new KeyConfigurationError(`${service}: its consent signing key is missing (HUB_CONSENT_KEY_FILE)`);
    return {
      identity,
      grantIssuer: new ConsentGrantIssuer(keys.consentSigningKey, policy, `${service}: its consent key`),
      grantVerifier: null,
    };
  }
  if (keys.consentSigningKey) {
    throw new KeyConfigurationError(
      `${service}: only ${CONSENT_OWNER} holds the consent signing key; give this agency the public key set (HUB_CONSENT_JWKS_FILE)`,
    );
  }
  if (!keys.consentKeys)
    throw new KeyConfigurationError(`${service}: social protection's public key set is missing (HUB_CONSENT_JWKS_FILE)`);
  return {
    identity,
    grantIssuer: null,
    grantVerifier: new ConsentGrantVerifier(keys.consentKeys, policy, `${service}: social protection's key set`),
  };
}
