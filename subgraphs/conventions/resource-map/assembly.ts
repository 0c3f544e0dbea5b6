import type { Contribution } from '../../assembly/contributions';
import { coverage, type Demand, type Supply } from './coverage';

/**
 * A territory's resource map (resource-map convention, seed 003 §34.2): every agency's supply, social protection's
 * demand, and the coverage of each service kind. An agency that did not answer is named in `missingAgencies`.
 */
export function assembleResourceMap(territory: Record<string, unknown>, resources: Contribution[], demand: Contribution | undefined) {
  const supply: (Supply & Record<string, unknown>)[] = [];
  const missingAgencies: string[] = [];
  for (const r of resources) {
    const part = territory[r.field] as { services: (Supply & Record<string, unknown>)[] } | null | undefined;
    if (part) supply.push(...part.services);
    else missingAgencies.push(r.agency);
  }
  const need = demand ? (territory[demand.field] as { byServiceKind?: Demand[] } | null | undefined) : null;
  return {
    territoryOktmo: String(territory.oktmo),
    supply,
    demand: need ?? null,
    coverage: coverage(supply, need?.byServiceKind ?? []),
    agencies: resources.map((r) => r.agency),
    missingAgencies,
  };
}
