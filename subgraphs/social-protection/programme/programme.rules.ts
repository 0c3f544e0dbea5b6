import { badInput, ruleViolation } from '../../kit/platform/errors';
import { compareDates, type IsoDate } from '../calendar/iso-date';

export interface Term {
  validFrom: IsoDate;
  validUntil: IsoDate;
}

export function assertTerm(term: Term, what: string): void {
  if (compareDates(term.validFrom, term.validUntil) > 0) {
    throw badInput(`The ${what} ends (${term.validUntil}) before it starts (${term.validFrom})`);
  }
}

/** seed 001 §3.3(4): the support agreement is concluded for the term the programme needs. */
export function assertAgreementCoversProgramme(programme: Term, agreement: Term): void {
  assertTerm(programme, 'programme');
  assertTerm(agreement, 'support agreement');
  if (compareDates(agreement.validFrom, programme.validFrom) > 0 || compareDates(agreement.validUntil, programme.validUntil) < 0) {
    throw ruleViolation('The support agreement must cover the whole term of the programme', 'seed 001 §3.3(4)', {
      programme,
      agreement,
    });
  }
}

/** Measures are carried out within the programme they belong to (seed 003 §30; seed 001 §3.3(5)). */
export function assertMeasureWithinProgramme(programme: Term, plannedFrom: IsoDate, plannedTo: IsoDate): void {
  if (compareDates(plannedFrom, plannedTo) > 0) throw badInput(`The measure ends (${plannedTo}) before it starts (${plannedFrom})`);
  if (compareDates(plannedFrom, programme.validFrom) < 0 || compareDates(plannedTo, programme.validUntil) > 0) {
    throw ruleViolation('A measure is planned within the term of its programme', 'seed 001 §3.3(5)', { programme, plannedFrom, plannedTo });
  }
}

/** seed 004 annex 5 §3.2.7: the measures of the adaptation programme are monitored during the contract. */
export function assertSocialContract(c: {
  signedOn: IsoDate;
  validUntil: IsoDate;
  commissionDecisionOn: IsoDate;
  adaptationMeasures: string[];
  monitoringDates: IsoDate[];
}): void {
  if (compareDates(c.commissionDecisionOn, c.signedOn) > 0) {
    throw ruleViolation('A social contract is signed after the commission decision', 'seed 004 annex 5 §3.1.4');
  }
  assertTerm({ validFrom: c.signedOn, validUntil: c.validUntil }, 'social contract');
  if (c.adaptationMeasures.filter((m) => m.trim()).length === 0) {
    throw ruleViolation('A social contract carries a programme of social adaptation with measures', 'seed 004 annex 5 §3.1.2');
  }
  for (const d of c.monitoringDates) {
    if (compareDates(d, c.signedOn) < 0 || compareDates(d, c.validUntil) > 0) {
      throw ruleViolation(`Monitoring date ${d} lies outside the contract term`, 'seed 004 annex 5 §3.2.7');
    }
  }
}
