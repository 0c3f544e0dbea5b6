import { forbidden } from '../kit/policy/authorization';
import type { HubContext } from '../kit/platform/context';
import { loaderBy, loaderManyBy } from '../kit/platform/entity-loaders';
import { mayReadConsents } from './consent/citizen.policy';
import { Consent } from './consent/consent.entity';
import { Family } from './family/family.entity';
import { assertMayReadFamily } from './family/family.policy';
import { Measure, Programme } from './programme/programme.entity';
import { Referral } from './referral/referral.entity';
import { referralSideFor, referralSideOf } from './referral/referral.policy';
import { Signal } from './signal/signal.entity';
import { mayTakeSignal } from './signal/intake.policy';
import { ContactAttempt } from './contact-attempt/contact-attempt.entity';
import { SocialContract } from './social-contract/social-contract.entity';
import { StageTransition, SupportCase } from './support-case/support-case.entity';
import { assertMayReadSupportRecords, assertMayRunCase } from './support-case/support-case.policy';

/**
 * Reference resolvers of social protection's records (CONVENTIONS §7.4): a client refetches a record by its id (a
 * route step's record, `node(id:)`) under the same policy as the field or query that shows it. Each loads its batch
 * in one statement (loaderBy) and refuses with the same coded error, audited the same way.
 */
async function caseOf(ctx: HubContext, caseId: string): Promise<SupportCase> {
  return assertMayRunCase(ctx, await loaderBy(ctx, SupportCase, 'id').load(caseId), caseId);
}

export const familyReference = {
  async __resolveReference(reference: { id: string }, ctx: HubContext) {
    const family = await loaderBy(ctx, Family, 'id').load(reference.id);
    if (!family) return null;
    await assertMayReadFamily(ctx, family, 'Family');
    return family;
  },
};

/** As `Person.consents`: the coordinator of the person's family, or the citizen who is or represents the person. */
export const consentReference = {
  async __resolveReference(reference: { id: string }, ctx: HubContext) {
    const consent = await loaderBy(ctx, Consent, 'id').load(reference.id);
    if (!consent) return null;
    if (!(await mayReadConsents(ctx, consent.person.id))) {
      ctx.audit.denied('Consent', consent.person.id, 'FORBIDDEN');
      throw forbidden('Consents are open to the coordinator of the person’s family and to the person only');
    }
    ctx.audit.read('Consent', consent.person.id);
    return consent;
  },
};

/**
 * As `SupportCase.signal`: the coordinator running the case; a signal without a case (waiting or closed), its
 * submitter, or a coordinator whose intake queue holds it (as `intakeQueue`).
 */
export const signalReference = {
  async __resolveReference(reference: { id: string }, ctx: HubContext) {
    const signal = await loaderBy(ctx, Signal, 'id').load(reference.id);
    if (!signal) return null;
    if (signal.submittedBy === ctx.identity.subject && !signal.supportCaseId) return signal;
    if (!signal.supportCaseId && (await mayTakeSignal(ctx, signal))) {
      if (signal.personId) ctx.audit.read('Signal', signal.personId);
      return signal;
    }
    if (!signal.supportCaseId) throw forbidden('A signal without a case is open to its submitter and the coordinators of its intake queue');
    const c = await caseOf(ctx, signal.supportCaseId);
    ctx.audit.read('Signal', c.personId);
    return signal;
  },
};

/** As `SupportCase.transitions`: the coordinator running the case. */
export const stageTransitionReference = {
  async __resolveReference(reference: { id: string }, ctx: HubContext) {
    const transition = await loaderBy(ctx, StageTransition, 'id').load(reference.id);
    if (!transition) return null;
    ctx.audit.read('StageTransition', (await caseOf(ctx, transition.caseId)).personId);
    return transition;
  },
};

/** As `SupportCase.programmes`: the coordinator running the case. */
export const programmeReference = {
  async __resolveReference(reference: { id: string }, ctx: HubContext) {
    const programme = await loaderBy(ctx, Programme, 'id').load(reference.id);
    if (!programme) return null;
    ctx.audit.read('Programme', (await caseOf(ctx, programme.caseId)).personId);
    return programme;
  },
};

/** As `Programme.measures` (the coordinator running the case) or `Referral.measure` (the executing side of a referral). */
export const measureReference = {
  async __resolveReference(reference: { id: string }, ctx: HubContext) {
    const measure = await loaderBy(ctx, Measure, 'id').load(reference.id);
    if (!measure) return null;
    const referrals = await loaderManyBy(ctx, Referral, 'measureId').load(measure.id);
    const executes = referrals.some((r) => {
      try {
        return referralSideOf(ctx.identity, r) === 'EXECUTOR';
      } catch {
        return false;
      }
    });
    if (!executes) await caseOf(ctx, measure.caseId);
    ctx.audit.read('Measure', measure.personId);
    return measure;
  },
};

/** As the `referral` query: the requesting coordinator or the executing agency. */
export const referralReference = {
  async __resolveReference(reference: { id: string }, ctx: HubContext) {
    const referral = await loaderBy(ctx, Referral, 'id').load(reference.id);
    if (!referral) return null;
    referralSideFor(ctx, referral, 'referral');
    ctx.audit.read('referral', referral.personId);
    return referral;
  },
};

/** As `Person.socialContracts`: the coordinator of the person's family. */
export const socialContractReference = {
  async __resolveReference(reference: { id: string }, ctx: HubContext) {
    const contract = await loaderBy(ctx, SocialContract, 'id').load(reference.id);
    if (!contract) return null;
    await assertMayReadSupportRecords(ctx, contract.personId, 'SocialContract');
    return contract;
  },
};

/** As the `supportCase` query: the coordinator of the operator organization running it. */
export const supportCaseReference = {
  async __resolveReference(reference: { id: string }, ctx: HubContext) {
    const c = await loaderBy(ctx, SupportCase, 'id').load(reference.id);
    if (!c) return null;
    assertMayRunCase(ctx, c, reference.id);
    ctx.audit.read('supportCase', c.personId);
    return c;
  },
};

/** As `SupportCase.contactAttempts`: the coordinator running the case. */
export const contactAttemptReference = {
  async __resolveReference(reference: { id: string }, ctx: HubContext) {
    const attempt = await loaderBy(ctx, ContactAttempt, 'id').load(reference.id);
    if (!attempt) return null;
    ctx.audit.read('ContactAttempt', (await caseOf(ctx, attempt.supportCaseId)).personId);
    return attempt;
  },
};
