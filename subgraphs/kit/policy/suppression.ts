/**
 * Small-cell suppression for statistics released to analysts (152-FZ: aggregates must not reveal a person).
 * Primary: a count in 1..threshold-1 is shown as "<threshold". Secondary: when a table shows its total and
 * exactly one cell of a row group is suppressed, that cell could be computed as total − the others, so the
 * smallest other non-zero cell of the group is suppressed as well.
 */
export interface Cell {
  /** Cells of one group add up to its total (e.g. one month × territory × indicator, over categories). */
  group: string;
  key: string;
  count: number;
}

export interface ReleasedCell extends Cell {
  /** The count as released: the number, or "<10". */
  value: string;
  suppressed: boolean;
}

export const DEFAULT_SUPPRESSION_THRESHOLD = 10;

export function suppressionThreshold(): number {
  const configured = Number(process.env.HUB_SUPPRESSION_THRESHOLD);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_SUPPRESSION_THRESHOLD;
}

export function suppress(cells: Cell[], threshold = DEFAULT_SUPPRESSION_THRESHOLD): ReleasedCell[] {
  const small = (count: number) => count > 0 && count < threshold;
  const hidden = new Set(cells.filter((c) => small(c.count)));
  const groups = new Map<string, Cell[]>();
  for (const cell of cells) groups.set(cell.group, [...(groups.get(cell.group) ?? []), cell]);
  for (const group of groups.values()) {
    const suppressedHere = group.filter((c) => hidden.has(c));
    if (suppressedHere.length !== 1) continue;
    const candidate = group.filter((c) => !hidden.has(c) && c.count > 0).sort((a, b) => a.count - b.count || a.key.localeCompare(b.key))[0];
    if (candidate) hidden.add(candidate);
  }
  return cells.map((c) => ({ ...c, suppressed: hidden.has(c), value: hidden.has(c) ? `<${threshold}` : String(c.count) }));
}
