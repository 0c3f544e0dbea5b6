import { randomUUID } from 'node:crypto';
import type { HubCommand } from './args';
import * as documents from './documents';
import {
  formatCheckReport,
  formatHistory,
  formatSubgraphList,
  formatUserErrors,
  type CheckReport,
  type GraphChange,
  type RegisteredSubgraph,
  type UserError,
} from './report';

/** How the CLI reaches the hub; tests pass their own. */
export type Call = <T>(query: string, variables: Record<string, unknown>) => Promise<T>;

export interface Outcome {
  /** 0 passed or done, 1 refused (2, usage, is decided before a command runs). */
  exitCode: 0 | 1;
  output: string;
}

interface Connection<T> {
  edges: { node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

interface VersionPayload {
  graphVersion: { number: number } | null;
  userErrors: UserError[];
}

const json = (value: unknown) => JSON.stringify(value, null, 2);
const more = (page: Connection<unknown>, command: HubCommand) =>
  page.pageInfo.hasNextPage ? `\n… more: npm run hub -- subgraph ${command.action} --after ${page.pageInfo.endCursor}` : '';

/** One registry operation; `sdl` is the content of `--schema` (null: the registry fetches it from the URL). */
export async function runCommand(command: HubCommand, call: Call, sdl: string | null): Promise<Outcome> {
  switch (command.action) {
    case 'check': {
      const { checkSubgraph } = await call<{ checkSubgraph: CheckReport }>(documents.CHECK_SUBGRAPH, {
        input: { name: command.name, url: command.url, sdl },
      });
      return { exitCode: checkSubgraph.passed ? 0 : 1, output: command.json ? json(checkSubgraph) : formatCheckReport(checkSubgraph) };
    }
    case 'publish': {
      const { publishSubgraph: result } = await call<{
        publishSubgraph: VersionPayload & { subgraph: { name: string; status: string } | null; check: CheckReport | null };
      }>(documents.PUBLISH_SUBGRAPH, {
        input: {
          name: command.name,
          url: command.url,
          sdl,
          ownerOrganizationId: command.owner ?? null,
          reason: command.reason,
          // A retry after a lost answer publishes once: pass the same --idempotency-key.
          idempotencyKey: command.idempotencyKey ?? `hub-cli-${randomUUID()}`,
        },
      });
      const published = result.userErrors.length === 0 && result.subgraph !== null;
      if (command.json) return { exitCode: published ? 0 : 1, output: json(result) };
      const lines = [
        result.check ? formatCheckReport(result.check) : null,
        result.userErrors.length ? formatUserErrors(result.userErrors) : null,
      ];
      if (published)
        lines.push(
          `Published ${result.subgraph!.name} (${result.subgraph!.status}) as graph version ${result.graphVersion?.number ?? '?'}.`,
        );
      else lines.push(`Not published: nothing was changed.`);
      return { exitCode: published ? 0 : 1, output: lines.filter(Boolean).join('\n') };
    }
    case 'list': {
      const { registeredSubgraphs: page } = await call<{ registeredSubgraphs: Connection<RegisteredSubgraph> }>(documents.LIST_SUBGRAPHS, {
        status: command.status ?? null,
        first: command.first,
        after: command.after ?? null,
      });
      return { exitCode: 0, output: command.json ? json(page) : formatSubgraphList(page.edges.map((e) => e.node)) + more(page, command) };
    }
    case 'history': {
      const { graphHistory: page } = await call<{ graphHistory: Connection<GraphChange> }>(documents.GRAPH_HISTORY, {
        first: command.first,
        after: command.after ?? null,
      });
      return { exitCode: 0, output: command.json ? json(page) : formatHistory(page.edges.map((e) => e.node)) + more(page, command) };
    }
    case 'retire': {
      const { retireSubgraph: result } = await call<{ retireSubgraph: VersionPayload }>(documents.RETIRE_SUBGRAPH, {
        input: { name: command.name, reason: command.reason },
      });
      return versionOutcome(result, command, `Retired ${command.name}`);
    }
    case 'rollback': {
      const { rollbackGraph: result } = await call<{ rollbackGraph: VersionPayload }>(documents.ROLLBACK_GRAPH, {
        input: { toVersion: command.toVersion, reason: command.reason },
      });
      return versionOutcome(result, command, `Rolled the graph back to version ${command.toVersion}`);
    }
  }
}

function versionOutcome(result: VersionPayload, command: HubCommand, done: string): Outcome {
  const ok = result.userErrors.length === 0;
  if (command.json) return { exitCode: ok ? 0 : 1, output: json(result) };
  return {
    exitCode: ok ? 0 : 1,
    output: ok
      ? `${done}: graph version ${result.graphVersion?.number ?? '?'}.`
      : `${formatUserErrors(result.userErrors)}\nNothing was changed.`,
  };
}
