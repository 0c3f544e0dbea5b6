import { DEFAULT_GATEWAY, parseHubArgs } from '../../scripts/hub/args';

const parse = (line: string) => parseHubArgs(line.split(' ').filter(Boolean));
const errorOf = (line: string) => {
  const parsed = parse(line);
  return parsed.ok ? null : parsed.error;
};

describe('npm run hub -- subgraph …', () => {
  it('reads a check with its name and URL, on the default gateway', () => {
    expect(parse('subgraph check --name culture --url http://127.0.0.1:4100/graphql')).toEqual({
      ok: true,
      command: { action: 'check', gateway: DEFAULT_GATEWAY, json: false, first: 20, name: 'culture', url: 'http://127.0.0.1:4100/graphql' },
    });
  });

  it('reads a publish with a schema file, an owner, a reason of several words and --json, in any order', () => {
    const parsed = parseHubArgs([
      'subgraph',
      'publish',
      '--json',
      '--reason',
      'The centre joins the hub',
      '--schema=culture.graphql',
      '--name',
      'culture',
      '--owner',
      'Organization:0c0c0c0c-0000-4000-8000-000000000009',
      '--url',
      'http://partner.example:4100/graphql',
      '--gateway',
      'https://hub.example/graphql',
    ]);
    expect(parsed).toMatchObject({
      ok: true,
      command: {
        action: 'publish',
        json: true,
        reason: 'The centre joins the hub',
        schemaFile: 'culture.graphql',
        owner: 'Organization:0c0c0c0c-0000-4000-8000-000000000009',
        gateway: 'https://hub.example/graphql',
      },
    });
  });

  it('reads list filters and a rollback target as numbers and codes', () => {
    expect(parse('subgraph list --status retired --first 5')).toMatchObject({ ok: true, command: { status: 'RETIRED', first: 5 } });
    expect(parse('subgraph rollback --to 7 --reason bad-partner-release')).toMatchObject({ ok: true, command: { toVersion: 7 } });
    expect(parse('subgraph history')).toMatchObject({ ok: true, command: { action: 'history', first: 20 } });
  });

  it('names what an action cannot do without', () => {
    expect(errorOf('subgraph publish --name culture --url http://x/graphql')).toBe('subgraph publish needs --reason');
    expect(errorOf('subgraph retire')).toBe('subgraph retire needs --name, --reason');
    expect(errorOf('subgraph rollback --reason oops')).toBe('subgraph rollback needs --to');
  });

  it('refuses what it does not understand, instead of guessing', () => {
    expect(errorOf('graph check')).toMatch(/expected "subgraph <action>"/);
    expect(errorOf('subgraph deploy')).toMatch(/unknown action "deploy"/);
    expect(errorOf('subgraph list --colour')).toBe('unknown option "--colour"');
    expect(errorOf('subgraph check --name')).toBe('--name needs a value');
    expect(errorOf('subgraph check --name --url http://x')).toBe('--name needs a value');
    expect(errorOf('subgraph list --first 0')).toMatch(/--first must be a whole number/);
    expect(errorOf('subgraph list --first 500')).toBe('--first must be at most 100');
    expect(errorOf('subgraph rollback --to v3 --reason x')).toMatch(/--to must be a whole number/);
    expect(errorOf('subgraph list --status GONE')).toMatch(/--status must be one of/);
    expect(errorOf('subgraph check --name Culture_Centre --url http://x')).toMatch(/--name must be a service name/);
    expect(errorOf('subgraph check --name culture --url ftp://x')).toBe('--url must be an http(s) URL');
  });
});
