/**
 * Coverage gaps for the resource map (seed 003 §34.2–34.3): where demand meets no provider, or far
 * exceeds what the providers can take. Plain function over the agencies' supply and social protection's demand.
 */
export interface Supply {
  serviceKind: string;
  capacityTotal: number | null;
  capacityAvailable: number | null;
  queueLength: number | null;
}

export interface Demand {
  kind: string;
  value: string;
  count: number | null;
}

export interface Coverage {
  serviceKind: string;
  demand: string;
  providers: number;
  capacityTotal: number | null;
  capacityAvailable: number | null;
  queueLength: number;
  gap: 'NONE' | 'NO_PROVIDER' | 'OVER_CAPACITY';
}

/** "Far above capacity": demand more than this many times the free places, or people queuing with nothing free. */
export const OVER_CAPACITY_FACTOR = 2;

const sum = (values: (number | null)[]) => (values.some((v) => v !== null) ? values.reduce<number>((a, v) => a + (v ?? 0), 0) : null);

export function coverage(supply: Supply[], demand: Demand[]): Coverage[] {
  const kinds = [...new Set([...supply.map((s) => s.serviceKind), ...demand.map((d) => d.kind)])].sort();
  return kinds.map((kind) => {
    const providers = supply.filter((s) => s.serviceKind === kind);
    const need = demand.find((d) => d.kind === kind);
    // A suppressed demand ("<10") is at least 1: enough to flag a territory with no provider at all.
    const needCount = need ? (need.count ?? 1) : 0;
    const capacityTotal = sum(providers.map((p) => p.capacityTotal));
    const capacityAvailable = sum(providers.map((p) => p.capacityAvailable));
    const queueLength = providers.reduce((a, p) => a + (p.queueLength ?? 0), 0);
    let gap: Coverage['gap'] = 'NONE';
    if (needCount > 0 && providers.length === 0) gap = 'NO_PROVIDER';
    else if (queueLength > 0 && capacityAvailable === 0) gap = 'OVER_CAPACITY';
    else if (capacityAvailable !== null && needCount > OVER_CAPACITY_FACTOR * Math.max(capacityAvailable, 0) && needCount > 0)
      gap = 'OVER_CAPACITY';
    return {
      serviceKind: kind,
      demand: need?.value ?? '0',
      providers: providers.length,
      capacityTotal,
      capacityAvailable,
      queueLength,
      gap,
    };
  });
}
