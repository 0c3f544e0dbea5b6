/**
 * The command line of `npm run hub -- subgraph <action> [options]`, parsed without side effects so it can be tested:
 * a usage error is a value (exit code 2), never a throw.
 */
export const ACTIONS = ['check', 'publish', 'list', 'retire', 'history', 'rollback'] as const;
export type Action = (typeof ACTIONS)[number];

export const DEFAULT_GATEWAY = 'http://127.0.0.1:4000/graphql';
const STATUSES = ['ACTIVE', 'SUSPENDED', 'RETIRED'];

export interface HubCommand {
  action: Action;
  gateway: string;
  json: boolean;
  name?: string;
  url?: string;
  /** A file holding the subgraph's SDL; without it the registry fetches `_service { sdl }` from the URL. */
  schemaFile?: string;
  /** The owner organization's global id (`Organization:<uuid>`). */
  owner?: string;
  reason?: string;
  idempotencyKey?: string;
  status?: string;
  first: number;
  after?: string;
  /** The graph version `rollback` returns to. */
  toVersion?: number;
}

export type Parsed = { ok: true; command: HubCommand } | { ok: false; error: string };

/** Options that take a value, by their flag; `--json` and `--help` take none. */
const VALUE_OPTIONS: Record<string, keyof HubCommand> = {
  '--gateway': 'gateway',
  '--name': 'name',
  '--url': 'url',
  '--schema': 'schemaFile',
  '--owner': 'owner',
  '--reason': 'reason',
  '--idempotency-key': 'idempotencyKey',
  '--status': 'status',
  '--first': 'first',
  '--after': 'after',
  '--to': 'toVersion',
};

/** What each action cannot do without. */
const REQUIRED: Record<Action, (keyof HubCommand)[]> = {
  check: ['name', 'url'],
  publish: ['name', 'url', 'reason'],
  list: [],
  retire: ['name', 'reason'],
  history: [],
  rollback: ['toVersion', 'reason'],
};

const FLAG_OF = Object.fromEntries(Object.entries(VALUE_OPTIONS).map(([flag, key]) => [key, flag]));

export const USAGE = `Usage: npm run hub -- subgraph <action> [options]

Actions:
  check     --name <name> --url <url> [--schema <file.graphql>]         checks without changing anything
  publish   --name <name> --url <url> --reason <why> [--schema <file>] [--owner <Organization id>] [--idempotency-key <key>]
  list      [--status ACTIVE|SUSPENDED|RETIRED] [--first <n>] [--after <cursor>]
  retire    --name <name> --reason <why>
  history   [--first <n>] [--after <cursor>]
  rollback  --to <graph version> --reason <why>

Options for every action:
  --gateway <url>   the hub's GraphQL endpoint (default ${DEFAULT_GATEWAY})
  --json            print the answer as JSON for machines
Token: HUB_TOKEN (an ADMINISTRATOR token); in development one is minted from the hub's .hub/keys.
Exit code: 0 passed or done, 1 refused, 2 usage error.`;

export function parseHubArgs(argv: readonly string[]): Parsed {
  const [resource, action, ...rest] = argv;
  if (resource !== 'subgraph') return { ok: false, error: `expected "subgraph <action>", got "${argv.join(' ')}"` };
  if (!ACTIONS.includes(action as Action)) return { ok: false, error: `unknown action "${action ?? ''}": one of ${ACTIONS.join(', ')}` };
  const command: HubCommand = { action: action as Action, gateway: DEFAULT_GATEWAY, json: false, first: 20 };
  const values = command as unknown as Record<string, unknown>;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--json') {
      command.json = true;
      continue;
    }
    const key = VALUE_OPTIONS[flag];
    if (!key) return { ok: false, error: `unknown option "${arg}"` };
    const value = inline ?? rest[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) return { ok: false, error: `${flag} needs a value` };
    values[key] = value;
  }
  for (const key of ['first', 'toVersion'] as const) {
    if (values[key] === undefined || typeof values[key] === 'number') continue;
    const n = Number(values[key]);
    if (!Number.isInteger(n) || n < 1) return { ok: false, error: `${FLAG_OF[key]} must be a whole number from 1, got "${values[key]}"` };
    values[key] = n;
  }
  if (command.first > 100) return { ok: false, error: '--first must be at most 100' };
  if (command.status) {
    command.status = command.status.toUpperCase();
    if (!STATUSES.includes(command.status)) return { ok: false, error: `--status must be one of ${STATUSES.join(', ')}` };
  }
  if (command.name !== undefined && !/^[a-z][a-z0-9-]{1,62}$/.test(command.name)) {
    return { ok: false, error: '--name must be a service name: lower-case letters, digits and "-", starting with a letter (e.g. culture)' };
  }
  if (command.url !== undefined && !/^https?:\/\/\S+$/.test(command.url)) return { ok: false, error: '--url must be an http(s) URL' };
  if (!/^https?:\/\/\S+$/.test(command.gateway)) return { ok: false, error: '--gateway must be an http(s) URL' };
  const missing = REQUIRED[command.action].filter((key) => values[key] === undefined || values[key] === '');
  if (missing.length) return { ok: false, error: `subgraph ${command.action} needs ${missing.map((key) => FLAG_OF[key]).join(', ')}` };
  return { ok: true, command };
}
