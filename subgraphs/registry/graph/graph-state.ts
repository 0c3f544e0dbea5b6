import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { today } from '../../kit/platform/clock';
import { RegisteredSubgraph, SubgraphStatus } from '../subgraph/registered-subgraph.entity';
import { GraphVersion } from './graph-version.entity';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The newest version of the graph: what gateways serve and what candidates are checked against. */
export async function headVersion(em: EntityManager): Promise<GraphVersion> {
  const [head] = await em.find(GraphVersion, {}, { orderBy: { number: 'desc' }, limit: 1 });
  if (!head) throw new Error('the registry has no graph version: its reference data was not loaded');
  return head;
}

/** The URLs the gateways call partners at (founding agencies keep the release's, `composedUrl`). */
export async function partnerUrls(em: EntityManager): Promise<Record<string, string>> {
  const partners = await em.find(RegisteredSubgraph, { founding: false, status: SubgraphStatus.ACTIVE });
  return Object.fromEntries(partners.map((p) => [p.name, p.url]));
}

/** Agency codes of retired partners: the route names them as gaps rather than failing. */
export async function retiredAgencies(em: EntityManager): Promise<string[]> {
  const retired = await em.find(RegisteredSubgraph, { status: SubgraphStatus.RETIRED }, { orderBy: { name: 'asc' } });
  return retired.map((s) => s.agency);
}

/** How many days back usage makes a breaking change blocking (HUB_REGISTRY_USAGE_DAYS, default 30). */
export function usageDays(env: NodeJS.ProcessEnv = process.env): number {
  const days = Number(env.HUB_REGISTRY_USAGE_DAYS ?? 30);
  return Number.isInteger(days) && days > 0 ? days : 30;
}

/** The first day of the usage window: today (the kit clock, the region's day) minus the window plus one. */
export function usageSince(days = usageDays()): string {
  const day = new Date(`${today()}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - days + 1);
  return day.toISOString().slice(0, 10);
}

/** The coordinates real operations touched within the usage window. */
export async function usedCoordinates(em: EntityManager): Promise<Set<string>> {
  const rows: { coordinate: string }[] = await em
    .getConnection()
    .execute('select distinct coordinate from field_usage where day >= ? and operations > 0', [usageSince()]);
  return new Set(rows.map((r) => r.coordinate));
}
