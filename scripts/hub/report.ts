/**
 * What the CLI prints for people: a check report grouped by check with ✓/✗, tables for list and history.
 * Pure functions of the registry's answers, so the wording is tested without a hub.
 */
export interface CheckReport {
  passed: boolean;
  composition: { subgraph: string | null; typeName: string | null; fieldName: string | null; message: string }[];
  breakingChanges: { kind: string; coordinate: string; description: string; blocking: boolean }[];
  conventions: { rule: string; typeName: string | null; fieldName: string | null; message: string }[];
  reachability: { reachable: boolean; sdlMatches: boolean | null; message: string | null } | null;
  warnings: string[];
}

export interface UserError {
  code: string;
  message: string;
  field: string[] | null;
  rule: string | null;
}

export interface RegisteredSubgraph {
  name: string;
  url: string;
  agency: string;
  status: string;
  founding: boolean;
  currentVersion: { publishedAt: string; publishedBy: string; reason: string | null } | null;
}

export interface GraphChange {
  number: number;
  change: string;
  subgraphName: string | null;
  changedBy: string;
  changedAt: string;
  reason: string | null;
}

const mark = (ok: boolean) => (ok ? '✓' : '✗');

function where(item: { subgraph?: string | null; typeName?: string | null; fieldName?: string | null }): string {
  const coordinate = [item.typeName, item.fieldName].filter(Boolean).join('.');
  return [item.subgraph, coordinate].filter(Boolean).join(' ');
}

/** The report, one section per check: composition, breaking changes, hub conventions, reachability, then warnings. */
export function formatCheckReport(report: CheckReport): string {
  const lines: string[] = [];
  lines.push(`${mark(report.composition.length === 0)} Composition with the current graph`);
  for (const error of report.composition) lines.push(`    ${where(error) ? `${where(error)}: ` : ''}${error.message}`);

  const blocking = report.breakingChanges.filter((c) => c.blocking);
  lines.push(
    `${mark(blocking.length === 0)} Breaking changes${report.breakingChanges.length ? ` (${blocking.length} of ${report.breakingChanges.length} blocking)` : ''}`,
  );
  for (const change of report.breakingChanges) {
    lines.push(
      `    ${change.blocking ? '✗' : '!'} ${change.kind} ${change.coordinate}: ${change.description}${change.blocking ? '' : ' (unused: allowed)'}`,
    );
  }

  lines.push(`${mark(report.conventions.length === 0)} Hub conventions (schema/CONVENTIONS.md)`);
  for (const finding of report.conventions)
    lines.push(`    ${finding.rule}${where(finding) ? ` ${where(finding)}` : ''}: ${finding.message}`);

  const reach = report.reachability;
  if (reach) {
    const ok = reach.reachable && reach.sdlMatches !== false;
    lines.push(
      `${mark(ok)} Reachability${reach.reachable ? (reach.sdlMatches === false ? ': the URL answers another SDL' : '') : ': the URL does not answer'}`,
    );
    if (reach.message) lines.push(`    ${reach.message}`);
  }

  for (const warning of report.warnings) lines.push(`! ${warning}`);
  lines.push(report.passed ? 'Check passed.' : 'Check failed: the registry would refuse this schema.');
  return lines.join('\n');
}

export function formatUserErrors(errors: readonly UserError[]): string {
  return errors
    .map((e) => `✗ ${e.code}: ${e.message}${e.field?.length ? ` (${e.field.join('.')})` : ''}${e.rule ? ` [${e.rule}]` : ''}`)
    .join('\n');
}

/** Plain text columns, padded to the widest cell; empty cells as "-". */
export function formatTable(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const cells = [
    header,
    ...rows.map((row) => row.map((cell) => (cell === null || cell === undefined || cell === '' ? '-' : String(cell)))),
  ];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]?.length ?? 0)));
  return cells.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')).join('\n');
}

export function formatSubgraphList(subgraphs: readonly RegisteredSubgraph[]): string {
  if (subgraphs.length === 0) return 'No subgraphs.';
  return formatTable(
    ['NAME', 'AGENCY', 'STATUS', 'URL', 'PUBLISHED', 'BY', 'REASON'],
    subgraphs.map((s) => [
      s.founding ? `${s.name} (founding)` : s.name,
      s.agency,
      s.status,
      s.url,
      s.currentVersion?.publishedAt,
      s.currentVersion?.publishedBy,
      s.currentVersion?.reason,
    ]),
  );
}

export function formatHistory(changes: readonly GraphChange[]): string {
  if (changes.length === 0) return 'No changes yet.';
  return formatTable(
    ['VERSION', 'CHANGE', 'SUBGRAPH', 'BY', 'AT', 'REASON'],
    changes.map((c) => [c.number, c.change, c.subgraphName, c.changedBy, c.changedAt, c.reason]),
  );
}
