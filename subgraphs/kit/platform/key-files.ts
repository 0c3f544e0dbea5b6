import fs from 'node:fs';
import { CONSENT_OWNER } from '../policy/consent-grant';
import { KeyConfigurationError } from './signing-keys';
import type { SubgraphKeys } from './subgraph-trust';

/**
 * Where a process finds its keys: JSON Web Key files named by environment variables (docker-compose mounts the
 * private ones as secrets, the public key sets as configs). A missing variable or file stops the start with its
 * name; nothing falls back to a development key.
 */
export const KEY_FILES = {
  /** The gateway's private key; the gateway alone. */
  gatewayKey: 'HUB_GATEWAY_KEY_FILE',
  /** The gateway's public key set; every subgraph. */
  gatewayJwks: 'HUB_GATEWAY_JWKS_FILE',
  /** Social protection's private key; social protection alone. */
  consentKey: 'HUB_CONSENT_KEY_FILE',
  /** Social protection's public key set; every other agency. */
  consentJwks: 'HUB_CONSENT_JWKS_FILE',
} as const;

export function readKeyFile(variable: string, env: NodeJS.ProcessEnv = process.env): unknown {
  const file = env[variable];
  if (!file)
    throw new KeyConfigurationError(`${variable} is not set: it names the JSON Web Key file this process needs (docs/security.md)`);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new KeyConfigurationError(`${variable}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new KeyConfigurationError(`${variable}: ${file} is not JSON`);
  }
}

/** The keys of one subgraph process, by its service name. */
export function subgraphKeysFromEnvironment(service: string, env: NodeJS.ProcessEnv = process.env): SubgraphKeys {
  const gatewayKeys = readKeyFile(KEY_FILES.gatewayJwks, env);
  return service === CONSENT_OWNER
    ? { gatewayKeys, consentSigningKey: readKeyFile(KEY_FILES.consentKey, env) }
    : { gatewayKeys, consentKeys: readKeyFile(KEY_FILES.consentJwks, env) };
}
