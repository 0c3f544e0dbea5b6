import type { HubContext } from '../../kit/platform/context';
import { FamilyMember } from '../family/family.entity';
import type { Person } from '../person/person.entity';
import { StageTransition, SupportCase } from '../support-case/support-case.entity';
import { appealDateOf } from '../support-case/support-case.rules';
import { isClosedStage, SupportStage } from '../support-case/stages';
import type { SignalSource } from './signal.entity';

export interface OpenedCase {
  supportCase: SupportCase;
  /** The new case and its opening transition, persisted by the caller only once its signal is written. */
  toPersist: object[];
  familyOperatorId: string;
  familyTerritoryOktmo: string;
}

/**
 * The family's open case takes the new signal; otherwise a case opens in IDENTIFIED for the family's
 * operator organization (seed 003 §15–16). A person in no family stays unassigned: the signal waits.
 * Shared by submitSignal (a signal that names a known person) and the intake queue (a coordinator matches one).
 */
export async function caseForSignal(
  em: HubContext['em'],
  person: Person,
  source: SignalSource,
  receivedOn: string,
  signalId: string,
): Promise<OpenedCase | null> {
  const membership = await em.findOne(FamilyMember, { person: person.id }, { populate: ['family'], orderBy: { id: 'asc' } });
  if (!membership) return null;
  const family = membership.family;
  const routing = { familyOperatorId: family.operatorOrganization.id, familyTerritoryOktmo: family.territory.oktmo };
  const open = await em.findOne(SupportCase, {
    familyId: family.id,
    stage: { $nin: [SupportStage.CONCLUDED, SupportStage.DECLINED, SupportStage.STOPPED] },
  });
  if (open && !isClosedStage(open.stage)) return { supportCase: open, toPersist: [], ...routing };
  const c = em.create(
    SupportCase,
    {
      familyId: family.id,
      personId: person.id,
      stage: SupportStage.IDENTIFIED,
      operatorOrganizationId: family.operatorOrganization.id,
      territoryOktmo: family.territory.oktmo,
      coordinatorSubject: null,
      coordinatorPost: null,
      openedOn: receivedOn,
      stageEnteredOn: receivedOn,
      appealedOn: appealDateOf(source, receivedOn),
      signalId,
      openingSource: source,
      conclusion: null,
      closedOn: null,
    },
    { persist: false },
  );
  const opening = em.create(
    StageTransition,
    {
      caseId: c.id,
      personId: person.id,
      fromStage: null,
      toStage: SupportStage.IDENTIFIED,
      bySubject: 'signal',
      byRole: 'SYSTEM',
      on: receivedOn,
      recordedAt: new Date(),
      reason: `Signal ${source}`,
      contactMethod: null,
    },
    { persist: false },
  );
  return { supportCase: c, toPersist: [c, opening], ...routing };
}
