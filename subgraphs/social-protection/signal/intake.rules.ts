import { badInput, illegalTransition } from '../../kit/platform/errors';
import { compareDates, type IsoDate } from '../calendar/iso-date';
import { SignalCloseReason, SignalIntakeStatus } from './signal.entity';

/** The fields of a signal the intake rules read. */
export interface IntakeSignal {
  id: string;
  personId: string | null;
  supportCaseId: string | null;
  closedOn: string | null;
  closeReason: SignalCloseReason | null;
  receivedOn: IsoDate;
}

/**
 * Nothing that arrives is lost (seed 003 §15; seed 004 §1.12): a signal waits in the intake queue until it has a
 * support case (matched to a person of a family) or a coordinator closes it with a reason.
 */
export function intakeStatusOf(signal: Pick<IntakeSignal, 'supportCaseId' | 'closedOn'>): SignalIntakeStatus {
  if (signal.supportCaseId) return SignalIntakeStatus.MATCHED;
  if (signal.closedOn) return SignalIntakeStatus.CLOSED;
  return SignalIntakeStatus.WAITING;
}

/**
 * A coordinator may match a waiting signal. A retry of the same match (the signal already holds this person's case)
 * is answered as done, not refused: `'ALREADY_MATCHED'`. A signal closed, or matched to another person, is refused.
 */
export function assertMayMatch(signal: IntakeSignal, personId: string): 'MATCH' | 'ALREADY_MATCHED' {
  const status = intakeStatusOf(signal);
  if (status === SignalIntakeStatus.CLOSED) {
    throw illegalTransition('This signal was closed; it cannot be matched to a person', { signalId: signal.id });
  }
  if (status === SignalIntakeStatus.MATCHED) {
    if (signal.personId === personId) return 'ALREADY_MATCHED';
    throw illegalTransition('This signal is already matched to another person', { signalId: signal.id });
  }
  return 'MATCH';
}

/** A signal that carries a SNILS can be matched only to the person with that SNILS (as submitSignal checks). */
export function assertSameSnils(signalSnils: string | null, personSnils: string): void {
  if (signalSnils && signalSnils !== personSnils) {
    throw badInput('The signal names a person with another SNILS', { field: 'personId' });
  }
}

export interface CloseSignalFields {
  reason?: SignalCloseReason | null;
  comment?: string | null;
  on: IsoDate;
}

/**
 * Closing a signal needs its reason (so the journal says what became of it, seed 004 §5.1.4) and, for OTHER, a
 * comment saying what the reason is; the day is not before the signal arrived nor in the future. A retry of the same
 * closing is answered as done (`'ALREADY_CLOSED'`); a matched signal, or one closed for another reason, is refused.
 */
export function assertMayClose(signal: IntakeSignal, fields: CloseSignalFields, today: IsoDate): 'CLOSE' | 'ALREADY_CLOSED' {
  if (!fields.reason) throw badInput('Closing a signal needs its reason', { field: 'reason' });
  if (!Object.values(SignalCloseReason).includes(fields.reason)) throw badInput(`Unknown reason ${fields.reason}`, { field: 'reason' });
  if (fields.reason === SignalCloseReason.OTHER && !fields.comment?.trim()) {
    throw badInput('Closing a signal for another reason needs a comment saying what it is', { field: 'comment' });
  }
  const status = intakeStatusOf(signal);
  if (status === SignalIntakeStatus.MATCHED) {
    throw illegalTransition("This signal is matched to a person's support case; it cannot be closed", { signalId: signal.id });
  }
  if (status === SignalIntakeStatus.CLOSED) {
    if (signal.closeReason === fields.reason) return 'ALREADY_CLOSED';
    throw illegalTransition(`This signal was already closed (${signal.closeReason})`, { signalId: signal.id });
  }
  if (compareDates(fields.on, signal.receivedOn) < 0) {
    throw badInput(`A signal cannot be closed before it arrived (${signal.receivedOn})`, { field: 'on' });
  }
  if (compareDates(fields.on, today) > 0) throw badInput(`${fields.on} is in the future`, { field: 'on' });
  return 'CLOSE';
}

export interface SignalRouting {
  /** The family the signal's person belongs to, when it opened or joined a case. */
  family: { operatorOrganizationId: string; territoryOktmo: string } | null;
  /** The organization of the coordinator who recorded the signal (a personal appeal, a helpline call). */
  coordinatorOrganization: { id: string; territoryOktmo: string } | null;
  /** The territory a partner named for a person it could not identify. */
  givenTerritoryOktmo: string | null;
  /** The operator organizations registered on that territory. */
  territoryOperatorIds: string[];
}

/**
 * Whose intake queue holds a signal (seed 003 §20: each operator organization keeps the register of its territory):
 * the family's operator first, then the coordinator who recorded it, then the operator of the territory the partner
 * named when it has exactly one. Otherwise unrouted: the queues of the operators of its territory show it (or, with no
 * territory at all, every operator's queue: `intakeScopeOf`) until one takes it, never dropped.
 */
export function routeOfSignal(r: SignalRouting): { territoryOktmo: string | null; operatorOrganizationId: string | null } {
  if (r.family) return { territoryOktmo: r.family.territoryOktmo, operatorOrganizationId: r.family.operatorOrganizationId };
  if (r.coordinatorOrganization) {
    return {
      territoryOktmo: r.givenTerritoryOktmo ?? r.coordinatorOrganization.territoryOktmo,
      operatorOrganizationId: r.coordinatorOrganization.id,
    };
  }
  // Several operators on one territory (Irkutsk city has many) serve different age bands and districts: the hub cannot
  // tell which, so the signal stays unrouted, with its territory for the coordinators to filter by.
  return {
    territoryOktmo: r.givenTerritoryOktmo,
    operatorOrganizationId: r.territoryOperatorIds.length === 1 ? r.territoryOperatorIds[0] : null,
  };
}

/** The coordinator's side of the intake policy: her organization, and its territory when it is an operator organization. */
export interface IntakeCaller {
  organizationId: string;
  /** OKTMO of the territory her organization serves as an operator; null when it is no operator organization. */
  operatorTerritoryOktmo: string | null;
}

/** One alternative of an intake scope: a signal is in it when it has every field the clause names, equal. */
export interface IntakeScopeClause {
  operatorOrganizationId: string | null;
  territoryOktmo?: string | null;
}

/**
 * Which signals without a case a coordinator may see, with their SNILS and summary (seed 003 §20: each operator
 * organization keeps the register of its own territory; §34: personal data only to those who work with the person):
 * - the signals routed to her organization;
 * - the unrouted signals of the territory her organization serves as an operator (Irkutsk city's several operators
 *   all see the signals of the city, not the region's);
 * - the unrouted signals with no territory at all. Nobody can tell whose they are, so every operator's coordinators
 *   see them: otherwise no one would, and nothing that arrives may be lost (seed 003 §15, §20; seed 004 §1.12).
 * The clauses are plain field equalities, so the same scope is the SQL filter of the queue (`{ $or: clauses }`) and
 * the check of one record (`inIntakeScope`): one rule, two uses.
 */
export function intakeScopeOf(caller: IntakeCaller): IntakeScopeClause[] {
  const clauses: IntakeScopeClause[] = [
    { operatorOrganizationId: caller.organizationId },
    { operatorOrganizationId: null, territoryOktmo: null },
  ];
  if (caller.operatorTerritoryOktmo) clauses.push({ operatorOrganizationId: null, territoryOktmo: caller.operatorTerritoryOktmo });
  return clauses;
}

/** Whether a signal is in the scope `intakeScopeOf` gives: some clause's fields all equal the signal's. */
export function inIntakeScope(
  clauses: readonly IntakeScopeClause[],
  signal: { operatorOrganizationId: string | null; territoryOktmo: string | null },
): boolean {
  return clauses.some((clause) => (Object.keys(clause) as (keyof IntakeScopeClause)[]).every((field) => clause[field] === signal[field]));
}
