/**
 * Which services a need calls for, so supply and demand meet on the same service kinds on the map
 * (seed 003 §34.3: resource centres analyse needs; §8 lists the kinds of help).
 */
export const SERVICE_KIND_FOR_CATEGORY: Record<string, string | undefined> = {
  // Early help for children 0–3 (seed 003 §8.1–8.5).
  EARLY_HELP_CHILD: 'EARLY_HELP',
  // Disabled children 3–18 need inclusive or special education conditions (seed 003 §8.6–8.8).
  DISABLED_CHILD: 'INCLUSIVE_EDUCATION',
  // Children with OVZ learn under the special conditions a PMPK sets: inclusive or special education too.
  CHILD_WITH_LIMITED_HEALTH_CAPABILITIES: 'INCLUSIVE_EDUCATION',
  // Disabled adults of working age: employment support, quota jobs (seed 003 §28).
  DISABLED_ADULT_WORKING_AGE: 'QUOTA_JOBS',
};

export const SERVICE_KIND_FOR_MEASURE: Record<string, string | undefined> = {
  MEDICAL: 'MEDICAL_REHABILITATION',
  PSYCHOLOGICAL: 'PSYCHOLOGICAL_PEDAGOGICAL',
  PEDAGOGICAL: 'PSYCHOLOGICAL_PEDAGOGICAL',
  EMPLOYMENT: 'SOCIAL_EMPLOYMENT',
  TECHNICAL_AID: 'TECHNICAL_AID_RENTAL',
  SOCIAL: 'SOCIAL_SUPPORT',
  SOCIAL_SERVICE: 'SOCIAL_SUPPORT',
  LEGAL: 'LEGAL_AID',
};

export interface DemandCount {
  serviceKind: string;
  count: number;
}

export function demandByServiceKind(
  people: { category: string; count: number }[],
  openMeasures: { kind: string; count: number }[],
): DemandCount[] {
  const totals = new Map<string, number>();
  const add = (kind: string | undefined, count: number) => kind && totals.set(kind, (totals.get(kind) ?? 0) + count);
  for (const p of people) add(SERVICE_KIND_FOR_CATEGORY[p.category], p.count);
  for (const m of openMeasures) add(SERVICE_KIND_FOR_MEASURE[m.kind], m.count);
  return [...totals].map(([serviceKind, count]) => ({ serviceKind, count })).sort((a, b) => a.serviceKind.localeCompare(b.serviceKind));
}
