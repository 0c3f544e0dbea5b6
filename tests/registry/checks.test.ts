import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { committedAgencySdls } from '../../subgraphs/assembly/index';
import { composeSupergraphFromAgencySdls, CompositionError } from '../../subgraphs/assembly/composition';
import { findSchemaBreakingChanges } from '../../subgraphs/registry/checks/breaking-changes';
import { compositionProblems } from '../../subgraphs/registry/checks/composition';
import { checkConventions } from '../../subgraphs/registry/checks/conventions';
import { checkReachability } from '../../subgraphs/registry/checks/reachability';
import { parseUsageReport } from '../../subgraphs/registry/usage/usage-report';
import { culturePartnerSdl } from './partner-sdl';

const CURRENT = `
type Query { visits(first: Int, kind: VisitKind): [Visit] }
enum VisitKind { THEATRE SPORT }
type Visit { id: ID! title: String! place: Place }
type Place { name: String }
`;

describe('breaking changes against the current API schema', () => {
  const never = () => false;

  it('classifies removed fields and types, changed types and nullability, removed enum values and changed arguments', () => {
    const candidate = `
      type Query { visits(first: Int!, kind: VisitKind): [Visit] }
      enum VisitKind { THEATRE }
      type Visit { id: ID! title: String }
    `;
    const changes = findSchemaBreakingChanges(CURRENT, candidate, never);
    const byKind = Object.fromEntries(changes.map((c) => [c.coordinate, c.kind]));
    expect(byKind).toEqual({
      Place: 'TYPE_REMOVED',
      'Visit.place': 'FIELD_REMOVED',
      'Visit.title': 'NULLABILITY_CHANGED',
      'VisitKind.SPORT': 'ENUM_VALUE_REMOVED',
      'Query.visits(first:)': 'ARGUMENT_CHANGED',
    });
    expect(changes.every((c) => !c.blocking)).toBe(true);
  });

  it('tells a changed type from a changed nullability', () => {
    const [change] = findSchemaBreakingChanges(CURRENT, CURRENT.replace('title: String!', 'title: Int!'), never);
    expect(change).toMatchObject({ kind: 'TYPE_CHANGED', coordinate: 'Visit.title' });
  });

  it('blocks a change to a field operations used, and a removed type or enum value through the fields that use it', () => {
    const used = new Set(['Visit.place', 'Query.visits']);
    const candidate = `
      type Query { visits(first: Int, kind: VisitKind): [Visit] }
      enum VisitKind { THEATRE }
      type Visit { id: ID! title: String! }
    `;
    const changes = findSchemaBreakingChanges(CURRENT, candidate, (c) => used.has(c));
    expect(Object.fromEntries(changes.map((c) => [c.coordinate, c.blocking]))).toEqual({
      Place: true,
      'Visit.place': true,
      'VisitKind.SPORT': true,
    });
    const unused = findSchemaBreakingChanges(CURRENT, candidate, (c) => c === 'Visit.title');
    expect(unused.every((c) => !c.blocking)).toBe(true);
  });
});

describe('hub conventions', () => {
  it('are followed by every founding subgraph and by the test partner', async () => {
    for (const [name, sdl] of Object.entries(committedAgencySdls())) expect([name, checkConventions(name, sdl)]).toEqual([name, []]);
    expect(checkConventions('culture', await culturePartnerSdl())).toEqual([]);
  });

  it('name the rule for a route of the wrong shape, a field without the consent guard and a missing access log', async () => {
    const sdl = (await culturePartnerSdl())
      .replace(/\n {2}"""\n {2}Who accessed[\s\S]*?cultureAccessLog[^\n]*\n/, '\n')
      .replace(/(type CultureRoute[^{]*\{[\s\S]*?)alerts: \[RouteAlert!\]!/, '$1alerts: [RouteAlert!]')
      .replace(/(type Person[^{]*\{)/, '$1\n  diagnosis: String\n');
    const violations = checkConventions('culture', sdl);
    expect(violations.map((v) => [v.rule, v.field])).toEqual(
      expect.arrayContaining([
        ['CONVENTIONS §2', 'cultureRoute'],
        ['CONVENTIONS §3', 'diagnosis'],
        ['CONVENTIONS §4', null],
      ]),
    );
    expect(violations.find((v) => v.field === 'cultureRoute')!.message).toMatch(
      /^CONVENTIONS §2: .*CultureRoute\.alerts must be `\[RouteAlert!\]!`/,
    );
  });

  it("refuse a route under another agency's type name", async () => {
    const sdl = (await culturePartnerSdl()).replace(/\bCultureRoute\b/g, 'HealthRoute');
    expect(checkConventions('culture', sdl)).toContainEqual(
      expect.objectContaining({
        rule: 'CONVENTIONS §2',
        field: 'cultureRoute',
        message: expect.stringMatching(/must return CultureRoute/),
      }),
    );
  });

  it('refuse a route whose @requires brings no consent grant', async () => {
    const sdl = (await culturePartnerSdl()).replace(
      /(cultureRoute: CultureRoute[^\n]*)@requires\(fields: "[^"]*"\)/,
      '$1@requires(fields: "agencyAccess { inScope }")',
    );
    expect(checkConventions('culture', sdl).map((v) => [v.rule, v.field])).toContainEqual(['CONVENTIONS §3', 'cultureRoute']);
  });
});

describe('composition problems', () => {
  it('name the subgraph, type and field the composer points at', async () => {
    const agencies = committedAgencySdls();
    const clash = (await culturePartnerSdl()).replace(/(type Person[^{]*\{)/, '$1\n  "The name, as culture knows it."\n  firstName: Int\n');
    const error = await composeSupergraphFromAgencySdls({ ...agencies, culture: clash }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CompositionError);
    const problems = compositionProblems((error as CompositionError).errors);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems).toContainEqual(expect.objectContaining({ type: 'Person', field: 'firstName' }));
    expect(problems.some((p) => p.subgraph === 'culture' || p.message.includes('culture'))).toBe(true);
  }, 60_000);
});

describe('reachability', () => {
  let server: http.Server;
  let url: string;
  let answer: unknown = null;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('passes when the URL serves the SDL, and gives it when none was given', async () => {
    answer = { data: { _service: { sdl: 'type Query {\n  a: Int\n}' } } };
    expect(await checkReachability(url, 'type Query { a: Int }')).toEqual({
      reachable: true,
      sdl: 'type Query {\n  a: Int\n}',
      sdlMatches: true,
      problem: null,
    });
    expect((await checkReachability(url, null)).sdl).toBe('type Query {\n  a: Int\n}');
  });

  it('says when the URL serves another schema, is no subgraph, or does not answer', async () => {
    answer = { data: { _service: { sdl: 'type Query { b: Int }' } } };
    expect((await checkReachability(url, 'type Query { a: Int }')).problem).toMatch(/serves another schema/);
    answer = { errors: [{ message: 'Cannot query field "_service"' }] };
    expect((await checkReachability(url, null)).problem).toMatch(/not a federation subgraph/);
    const closed = await checkReachability('http://127.0.0.1:9/graphql', null, 500);
    expect(closed).toMatchObject({ reachable: false, problem: expect.stringMatching(/does not answer/) });
  });
});

describe('usage reports', () => {
  it('accept a day and counts by coordinate, and refuse anything else', () => {
    expect(parseUsageReport({ day: '2026-12-04', fields: { 'Person.cultureRoute': 3 } })).toEqual({
      day: '2026-12-04',
      fields: { 'Person.cultureRoute': 3 },
    });
    expect(parseUsageReport({ day: '2026-02-30', fields: {} })).toMatch(/day/);
    expect(parseUsageReport({ day: '2026-12-04', fields: { 'not a coordinate': 1 } })).toMatch(/coordinate/);
    expect(parseUsageReport({ day: '2026-12-04', fields: { 'A.b': -1 } })).toMatch(/whole number/);
    expect(parseUsageReport([])).toMatch(/object/);
  });
});
