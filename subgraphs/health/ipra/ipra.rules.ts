import { badInput, illegalTransition, ruleViolation } from '../../kit/platform/errors';
import { normalizeSnils } from '../../kit/domain/snils';
import type { IsoDate } from '../../kit/platform/dates';
import { assertNotFuture, assertPeriod, assertText, assertUuid } from '../../kit/platform/input-rules';
import { executorAgencyFor, IpraSection, parseIpraSection } from './ipra-sections';
import { IpraDisabilityGroup, IpraMeasureExecutionStatus } from './ipra.entity';

export interface IpraMeasureDraft {
  section: string;
  title: string;
  /** The recommended period; both ends are required. */
  period: { startsOn?: IsoDate | null; endsOn?: IsoDate | null };
  organizationId?: string | null;
  aidCode?: string | null;
  aidName?: string | null;
  queuedForOwnAid?: boolean | null;
}

export interface IpraDraft {
  number: string;
  personId: string;
  personSnils: string;
  issuedOn: IsoDate;
  /** The last day the IPRA is in force; null or absent when issued indefinitely. */
  endsOn?: IsoDate | null;
  disabilityGroup: IpraDisabilityGroup;
  disabilityCause: string;
  mseBureauName: string;
  measures: IpraMeasureDraft[];
}

export interface CheckedIpraMeasure {
  section: IpraSection;
  title: string;
  periodFrom: IsoDate;
  periodTo: IsoDate;
  executorAgency: string | null;
  executorOrganizationId: string | null;
  aidCode: string | null;
  aidName: string | null;
  queuedForOwnAid: boolean | null;
}

export interface CheckedIpra {
  number: string;
  personId: string;
  personSnils: string;
  issuedOn: IsoDate;
  validUntil: IsoDate | null;
  disabilityGroup: IpraDisabilityGroup;
  disabilityCause: string;
  mseBureauName: string;
  measures: CheckedIpraMeasure[];
}

/** Aid codes follow the rental-fund catalogue style: upper-case words joined by underscores. */
const AID_CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

/**
 * Checks an IPRA as it arrives from the bureau and returns it normalized; throws a coded DomainError
 * on the first problem, before anything is written. The executor agency of each measure is derived
 * from its section (ipra-sections.ts), never taken from the caller.
 */
export function checkIpra(draft: IpraDraft, today: IsoDate): CheckedIpra {
  const number = assertText(draft.number, 'number', 64);
  const personId = assertUuid(draft.personId, 'personId');
  const personSnils = normalizeSnils(draft.personSnils);
  assertNotFuture(draft.issuedOn, today, 'issuedOn');
  if (draft.endsOn && draft.endsOn <= draft.issuedOn) {
    throw badInput(`endsOn ${draft.endsOn} must be after the date of issue ${draft.issuedOn}`, { field: 'endsOn' });
  }
  if (!Object.values(IpraDisabilityGroup).includes(draft.disabilityGroup)) {
    throw badInput(`Unknown disability group "${String(draft.disabilityGroup)}"`, { field: 'disabilityGroup' });
  }
  const disabilityCause = assertText(draft.disabilityCause, 'disabilityCause', 500);
  const mseBureauName = assertText(draft.mseBureauName, 'mseBureauName', 500);
  if (!draft.measures.length) throw badInput('An IPRA lists at least one measure', { field: 'measures' });
  const measures = draft.measures.map((m, i) => checkMeasure(m, i, draft));
  return {
    number,
    personId,
    personSnils,
    issuedOn: draft.issuedOn,
    validUntil: draft.endsOn ?? null,
    disabilityGroup: draft.disabilityGroup,
    disabilityCause,
    mseBureauName,
    measures,
  };
}

function checkMeasure(m: IpraMeasureDraft, i: number, ipra: IpraDraft): CheckedIpraMeasure {
  const at = (field: string) => `measures[${i}].${field}`;
  const section = parseIpraSection(m.section, at('section'));
  const title = assertText(m.title, at('title'), 500);
  const periodFrom = m.period?.startsOn;
  const periodTo = m.period?.endsOn;
  if (!periodFrom) throw badInput(`Measure ${i + 1} has no first day of its period`, { field: at('period.startsOn') });
  if (!periodTo) throw badInput(`Measure ${i + 1} has no last day of its period`, { field: at('period.endsOn') });
  assertPeriod(periodFrom, periodTo, [at('period.startsOn'), at('period.endsOn')]);
  // A measure is recommended within the programme's own term: outside it there is no IPRA to execute.
  if (periodFrom < ipra.issuedOn || (ipra.endsOn && periodTo > ipra.endsOn)) {
    throw badInput(`The period of measure ${i + 1} lies outside the term of the IPRA`, { field: at('period') });
  }
  const executorOrganizationId = m.organizationId ? assertUuid(m.organizationId, at('organizationId')) : null;
  const isAid = section === IpraSection.TECHNICAL_AIDS;
  if (isAid) {
    if (!m.aidCode || !AID_CODE.test(m.aidCode.trim())) {
      throw badInput('A technical-aid measure names its aid by code, e.g. WHEELCHAIR_MANUAL', { field: at('aidCode') });
    }
  } else if (m.aidCode || m.aidName || (m.queuedForOwnAid !== null && m.queuedForOwnAid !== undefined)) {
    throw badInput('Aid code, aid name and queue mark belong to TECHNICAL_AIDS measures only', { field: at('aidCode') });
  }
  return {
    section,
    title,
    periodFrom,
    periodTo,
    executorAgency: executorAgencyFor(section),
    executorOrganizationId,
    aidCode: isAid ? m.aidCode!.trim() : null,
    aidName: isAid ? m.aidName?.trim() || title : null,
    queuedForOwnAid: isAid ? Boolean(m.queuedForOwnAid) : null,
  };
}

export interface ExecutionReport {
  status: IpraMeasureExecutionStatus;
  reportedOn: IsoDate;
  notDoneReason?: string | null;
}

const NEXT: Record<IpraMeasureExecutionStatus, IpraMeasureExecutionStatus[]> = {
  NOT_STARTED: [IpraMeasureExecutionStatus.IN_PROGRESS, IpraMeasureExecutionStatus.DONE, IpraMeasureExecutionStatus.NOT_DONE],
  IN_PROGRESS: [IpraMeasureExecutionStatus.IN_PROGRESS, IpraMeasureExecutionStatus.DONE, IpraMeasureExecutionStatus.NOT_DONE],
  DONE: [],
  NOT_DONE: [],
};

/**
 * An executor reports a measure as started, done or not done. DONE and NOT_DONE are final: the report
 * on IPRA execution goes back to the MSE bureau and is not rewritten afterwards. A NOT_DONE report
 * names its reason (the bureau and the coordinator act on it); reports are not dated in the future
 * nor before the IPRA was issued.
 */
export function checkExecutionReport(
  current: { executionStatus: IpraMeasureExecutionStatus; executionReportedOn: IsoDate | null },
  ipraIssuedOn: IsoDate,
  report: ExecutionReport,
  today: IsoDate,
): { notDoneReason: string | null } {
  assertNotFuture(report.reportedOn, today, 'reportedOn');
  if (report.reportedOn < ipraIssuedOn)
    throw badInput(`reportedOn ${report.reportedOn} is before the IPRA was issued`, { field: 'reportedOn' });
  if (current.executionReportedOn && report.reportedOn < current.executionReportedOn) {
    throw badInput(`reportedOn ${report.reportedOn} is before the previous report (${current.executionReportedOn})`, {
      field: 'reportedOn',
    });
  }
  if (report.status === IpraMeasureExecutionStatus.NOT_STARTED || !NEXT[current.executionStatus].includes(report.status)) {
    throw illegalTransition(`An IPRA measure cannot go from ${current.executionStatus} to ${report.status}`, {
      from: current.executionStatus,
      to: report.status,
    });
  }
  if (report.status === IpraMeasureExecutionStatus.NOT_DONE) {
    if (!report.notDoneReason?.trim()) {
      throw ruleViolation('A measure reported as not done must give the reason', 'IPRA execution report', { field: 'notDoneReason' });
    }
    return { notDoneReason: assertText(report.notDoneReason, 'notDoneReason', 1000) };
  }
  if (report.notDoneReason) throw badInput('notDoneReason belongs to NOT_DONE reports only', { field: 'notDoneReason' });
  return { notDoneReason: null };
}

/** The IPRA in force on `today`: issued, not yet expired; the latest issued wins. */
export function activeIpraOf<T extends { issuedOn: IsoDate; validUntil: IsoDate | null }>(ipras: T[], today: IsoDate): T | null {
  const inForce = ipras.filter((i) => i.issuedOn <= today && (!i.validUntil || i.validUntil >= today));
  return inForce.sort((a, b) => b.issuedOn.localeCompare(a.issuedOn))[0] ?? null;
}
