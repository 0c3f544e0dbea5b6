import { forbidden } from '../../kit/policy/authorization';
import type { Contribution } from '../../assembly/contributions';

interface Entry {
  at: string;
}

/**
 * A person's access log from every agency's own (access-log convention), newest first. Each agency decides whether
 * the caller may read its log; when none released its log, the caller is not the family's coordinator.
 */
export function mergeAccessLog(person: Record<string, unknown>, logs: Contribution[]): Entry[] {
  const parts = logs.map((c) => person[c.field] as Entry[] | null | undefined).filter((p): p is Entry[] => Array.isArray(p));
  if (parts.length === 0) throw forbidden('The access log is open to the coordinator of the person’s family only');
  return parts.flat().sort((a, b) => b.at.localeCompare(a.at));
}
