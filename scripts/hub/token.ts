import fs from 'node:fs';
import path from 'node:path';
import { mintToken, type DevKeys } from '../../gateway/dev-keys';
import { HUB_HOME } from '../lib/config';

/**
 * The bearer token of the CLI: HUB_TOKEN (an ADMINISTRATOR token of the region's identity provider), or in
 * development a short-lived one minted from the hub's own dev keys (.hub/keys, made by `npm start`), as
 * `npm run token -- --role administrator` would.
 */
export async function administratorToken(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.HUB_TOKEN) return env.HUB_TOKEN;
  const file = path.join(HUB_HOME, 'keys', 'dev-keys.json');
  if (!fs.existsSync(file)) {
    throw new Error(`set HUB_TOKEN to an ADMINISTRATOR token (no development keys at ${file}: start the hub with npm start first)`);
  }
  const keys = JSON.parse(fs.readFileSync(file, 'utf8')) as DevKeys;
  return mintToken(keys.privateJwk, { subject: 'dev-hub-cli', role: 'ADMINISTRATOR' }, '10m');
}
