/**
 * The hub's schema registry from the command line, the way partners' engineers use `rover`:
 *   npm run hub -- subgraph check    --name culture --url http://127.0.0.1:4100/graphql [--schema culture.graphql]
 *   npm run hub -- subgraph publish  --name culture --url http://127.0.0.1:4100/graphql --reason "…" [--owner Organization:<uuid>]
 *   npm run hub -- subgraph list | history [--json]
 *   npm run hub -- subgraph retire   --name culture --reason "…"
 *   npm run hub -- subgraph rollback --to <graph version> --reason "…"
 * Through the gateway (--gateway, default http://127.0.0.1:4000/graphql) with an ADMINISTRATOR token (HUB_TOKEN, or
 * minted from .hub/keys in development). Exit code: 0 passed or done, 1 refused, 2 usage error.
 */
import fs from 'node:fs';
import { parseHubArgs, USAGE } from './hub/args';
import { callHub, HubCallError } from './hub/client';
import { runCommand } from './hub/run';
import { administratorToken } from './hub/token';

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return argv.length === 0 ? 2 : 0;
  }
  const parsed = parseHubArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error}\n\n${USAGE}\n`);
    return 2;
  }
  const { command } = parsed;
  let sdl: string | null = null;
  if (command.schemaFile) {
    try {
      sdl = fs.readFileSync(command.schemaFile, 'utf8');
    } catch (error) {
      process.stderr.write(`--schema: cannot read ${command.schemaFile} (${(error as NodeJS.ErrnoException).code ?? 'error'})\n`);
      return 2;
    }
  }
  try {
    const token = await administratorToken();
    const outcome = await runCommand(command, (query, variables) => callHub(command.gateway, token, query, variables), sdl);
    process.stdout.write(outcome.output + '\n');
    return outcome.exitCode;
  } catch (error) {
    const message = error instanceof HubCallError ? error.message : ((error as Error).message ?? String(error));
    process.stderr.write(`${command.json ? JSON.stringify({ error: message }) : `✗ ${message}`}\n`);
    return 1;
  }
}

void main().then((code) => process.exit(code));
