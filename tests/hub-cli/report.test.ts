import { formatCheckReport, formatHistory, formatSubgraphList, type CheckReport } from '../../scripts/hub/report';
import { runCommand, type Call } from '../../scripts/hub/run';
import { parseHubArgs, type HubCommand } from '../../scripts/hub/args';

const passed: CheckReport = {
  passed: true,
  composition: [],
  breakingChanges: [],
  conventions: [],
  reachability: { reachable: true, sdlMatches: true, message: null },
  warnings: [],
};

const refused: CheckReport = {
  passed: false,
  composition: [
    { subgraph: 'culture', typeName: 'Person', fieldName: 'agencyAccess', message: 'Type of field "Person.agencyAccess" is incompatible' },
  ],
  breakingChanges: [
    { kind: 'FIELD_REMOVED', coordinate: 'Query.cultureSections', description: 'the field was removed', blocking: true },
    { kind: 'ENUM_VALUE_REMOVED', coordinate: 'SectionKind.CHESS', description: 'the value was removed', blocking: false },
  ],
  conventions: [{ rule: 'CONVENTIONS §3', typeName: 'Person', fieldName: 'cultureRoute', message: 'a route field must be nullable' }],
  reachability: { reachable: true, sdlMatches: false, message: 'the SDL at the URL differs from --schema' },
  warnings: ['SectionKind.CHESS was removed; no operation used it in the last 30 days'],
};

test('a passed check reads as one ✓ per check', () => {
  expect(formatCheckReport(passed)).toBe(
    [
      '✓ Composition with the current graph',
      '✓ Breaking changes',
      '✓ Hub conventions (schema/CONVENTIONS.md)',
      '✓ Reachability',
      'Check passed.',
    ].join('\n'),
  );
});

test('a refused check groups each finding under its check, blocking changes apart from allowed ones', () => {
  expect(formatCheckReport(refused)).toBe(
    [
      '✗ Composition with the current graph',
      '    culture Person.agencyAccess: Type of field "Person.agencyAccess" is incompatible',
      '✗ Breaking changes (1 of 2 blocking)',
      '    ✗ FIELD_REMOVED Query.cultureSections: the field was removed',
      '    ! ENUM_VALUE_REMOVED SectionKind.CHESS: the value was removed (unused: allowed)',
      '✗ Hub conventions (schema/CONVENTIONS.md)',
      '    CONVENTIONS §3 Person.cultureRoute: a route field must be nullable',
      '✗ Reachability: the URL answers another SDL',
      '    the SDL at the URL differs from --schema',
      '! SectionKind.CHESS was removed; no operation used it in the last 30 days',
      'Check failed: the registry would refuse this schema.',
    ].join('\n'),
  );
});

test('list and history are tables padded to their widest cell', () => {
  expect(
    formatSubgraphList([
      { name: 'health', url: 'http://h/graphql', agency: 'HEALTH', status: 'ACTIVE', founding: true, currentVersion: null },
      {
        name: 'culture',
        url: 'http://127.0.0.1:4100/graphql',
        agency: 'CULTURE',
        status: 'ACTIVE',
        founding: false,
        currentVersion: { publishedAt: '2026-12-04T03:00:00Z', publishedBy: 'dev-administrator', reason: 'joins' },
      },
    ]),
  ).toBe(
    [
      'NAME               AGENCY   STATUS  URL                            PUBLISHED             BY                 REASON',
      'health (founding)  HEALTH   ACTIVE  http://h/graphql               -                     -                  -',
      'culture            CULTURE  ACTIVE  http://127.0.0.1:4100/graphql  2026-12-04T03:00:00Z  dev-administrator  joins',
    ].join('\n'),
  );
  expect(
    formatHistory([
      { number: 2, change: 'PUBLISHED', subgraphName: 'culture', changedBy: 'dev-administrator', changedAt: 'T', reason: null },
    ]),
  ).toBe(
    ['VERSION  CHANGE     SUBGRAPH  BY                 AT  REASON', '2        PUBLISHED  culture   dev-administrator  T   -'].join('\n'),
  );
  expect(formatSubgraphList([])).toBe('No subgraphs.');
});

describe('exit codes', () => {
  const command = (line: string): HubCommand => {
    const parsed = parseHubArgs(line.split(' '));
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.command;
  };
  // The registry's answers, as the gateway would return them (no hub needed to test what the CLI makes of them).
  const answering =
    (data: unknown): Call =>
    async <T>() =>
      data as T;

  it('is 0 for a passed check and 1 for a refused one', async () => {
    const check = command('subgraph check --name culture --url http://127.0.0.1:4100/graphql');
    expect((await runCommand(check, answering({ checkSubgraph: passed }), null)).exitCode).toBe(0);
    expect((await runCommand(check, answering({ checkSubgraph: refused }), null)).exitCode).toBe(1);
  });

  it('is 1 for a refused publish, which says nothing was changed', async () => {
    const publish = command('subgraph publish --name culture --url http://127.0.0.1:4100/graphql --reason joins');
    const outcome = await runCommand(
      publish,
      answering({
        publishSubgraph: {
          subgraph: null,
          graphVersion: null,
          check: refused,
          userErrors: [{ code: 'RULE_VIOLATION', message: 'The check failed', field: ['input', 'sdl'], rule: 'CONVENTIONS §3' }],
        },
      }),
      null,
    );
    expect(outcome.exitCode).toBe(1);
    expect(outcome.output).toContain('✗ RULE_VIOLATION: The check failed (input.sdl) [CONVENTIONS §3]');
    expect(outcome.output).toMatch(/Not published: nothing was changed\.$/);
  });

  it('is 0 for a publish, naming the new graph version; --json prints the answer as it came', async () => {
    const answer = {
      publishSubgraph: { subgraph: { name: 'culture', status: 'ACTIVE' }, graphVersion: { number: 3 }, check: passed, userErrors: [] },
    };
    const publish = command('subgraph publish --name culture --url http://127.0.0.1:4100/graphql --reason joins');
    const outcome = await runCommand(publish, answering(answer), null);
    expect(outcome).toMatchObject({ exitCode: 0 });
    expect(outcome.output).toMatch(/Published culture \(ACTIVE\) as graph version 3\.$/);
    const asJson = await runCommand({ ...publish, json: true }, answering(answer), null);
    expect(JSON.parse(asJson.output)).toEqual(answer.publishSubgraph);
  });

  it('sends the schema file and a generated idempotency key with a publish', async () => {
    let sent: Record<string, unknown> = {};
    const capture: Call = async <T>(_query: string, variables: Record<string, unknown>) => {
      sent = variables;
      return {
        publishSubgraph: { subgraph: { name: 'culture', status: 'ACTIVE' }, graphVersion: { number: 1 }, check: null, userErrors: [] },
      } as T;
    };
    await runCommand(
      command('subgraph publish --name culture --url http://127.0.0.1:4100/graphql --reason joins'),
      capture,
      'type Query { a: Int }',
    );
    expect(sent.input).toMatchObject({ name: 'culture', sdl: 'type Query { a: Int }', ownerOrganizationId: null, reason: 'joins' });
    expect((sent.input as { idempotencyKey: string }).idempotencyKey).toMatch(/^hub-cli-/);
  });

  it('is 1 for a refused retire or rollback', async () => {
    const refusal = {
      graphVersion: null,
      userErrors: [{ code: 'NOT_FOUND', message: 'No subgraph culture', field: ['input', 'name'], rule: null }],
    };
    const retire = await runCommand(command('subgraph retire --name culture --reason gone'), answering({ retireSubgraph: refusal }), null);
    expect(retire).toEqual({ exitCode: 1, output: '✗ NOT_FOUND: No subgraph culture (input.name)\nNothing was changed.' });
    const rollback = await runCommand(
      command('subgraph rollback --to 2 --reason x'),
      answering({ rollbackGraph: { graphVersion: { number: 5 }, userErrors: [] } }),
      null,
    );
    expect(rollback).toEqual({ exitCode: 0, output: 'Rolled the graph back to version 2: graph version 5.' });
  });
});
