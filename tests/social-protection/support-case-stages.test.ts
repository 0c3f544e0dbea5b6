import { ErrorCode } from '../../subgraphs/kit/platform/errors';
import { ProductionCalendar } from '../../subgraphs/social-protection/calendar/production-calendar';
import { RUSSIA_2025_2026 } from '../../subgraphs/social-protection/calendar/russia-2025-2026';
import { SignalSource } from '../../subgraphs/social-protection/signal/signal.entity';
import {
  ContactMethod,
  SupportStage,
  assertTransition,
  identificationTerm,
  isOverdue,
  stageDeadline,
} from '../../subgraphs/social-protection/support-case/stages';
import { refusal } from '../support/refusal';

const calendar = new ProductionCalendar(RUSSIA_2025_2026);
const S = SupportStage;

describe('support case stages (seed 003 ch. 7, seed 001 §3.3, seed 000 §3)', () => {
  test('a case walks the route one stage at a time, recording how contact was made (seed 003 §16–19)', () => {
    expect(() => assertTransition(S.IDENTIFIED, S.CONTACTED, { contactMethod: ContactMethod.PHONE })).not.toThrow();
    expect(() => assertTransition(S.CONTACTED, S.NEEDS_ASSESSED)).not.toThrow();
    expect(() => assertTransition(S.NEEDS_ASSESSED, S.PROGRAMME_AGREED)).not.toThrow();
    expect(() => assertTransition(S.PROGRAMME_AGREED, S.IN_IMPLEMENTATION)).not.toThrow();
    expect(() => assertTransition(S.IN_IMPLEMENTATION, S.CONCLUDED)).not.toThrow();
  });

  test('contact by home visit or by letter counts when the phone fails (seed 003 §17–18)', () => {
    expect(() => assertTransition(S.IDENTIFIED, S.CONTACTED, { contactMethod: ContactMethod.HOME_VISIT })).not.toThrow();
    expect(() => assertTransition(S.IDENTIFIED, S.CONTACTED, { contactMethod: ContactMethod.POST })).not.toThrow();
  });

  test('CONTACTED without a contact method is refused: the notification must be recorded (seed 003 §16.4)', () => {
    const e = refusal(() => assertTransition(S.IDENTIFIED, S.CONTACTED));
    expect(e.code).toBe(ErrorCode.ILLEGAL_TRANSITION);
    expect(e.extensions).toMatchObject({ from: S.IDENTIFIED, to: S.CONTACTED });
    expect(refusal(() => assertTransition(S.IDENTIFIED, S.CONTACTED, { contactMethod: 'EMAIL' })).code).toBe(ErrorCode.ILLEGAL_TRANSITION);
  });

  test('skipping a stage is refused: no programme before the needs are assessed (seed 003 ch. 7)', () => {
    const e = refusal(() => assertTransition(S.CONTACTED, S.PROGRAMME_AGREED));
    expect(e.code).toBe(ErrorCode.ILLEGAL_TRANSITION);
    expect(e.extensions).toMatchObject({ from: S.CONTACTED, to: S.PROGRAMME_AGREED });
    expect(refusal(() => assertTransition(S.IDENTIFIED, S.CONCLUDED)).code).toBe(ErrorCode.ILLEGAL_TRANSITION);
  });

  test('the citizen may decline or stop at any open stage, with the reason recorded (seed 001 §1.5, seed 002 §2.4)', () => {
    for (const from of [S.IDENTIFIED, S.CONTACTED, S.NEEDS_ASSESSED, S.PROGRAMME_AGREED, S.IN_IMPLEMENTATION]) {
      expect(() => assertTransition(from, S.DECLINED, { reason: 'family refused support' })).not.toThrow();
      expect(() => assertTransition(from, S.STOPPED, { reason: 'moved to another region' })).not.toThrow();
      expect(refusal(() => assertTransition(from, S.DECLINED)).code).toBe(ErrorCode.ILLEGAL_TRANSITION);
      expect(refusal(() => assertTransition(from, S.STOPPED, { reason: '   ' })).code).toBe(ErrorCode.ILLEGAL_TRANSITION);
    }
  });

  test('going back to rework the programme needs a recorded reason (seed 001 §3.5: proposals to correct the programme)', () => {
    expect(refusal(() => assertTransition(S.IN_IMPLEMENTATION, S.NEEDS_ASSESSED)).code).toBe(ErrorCode.ILLEGAL_TRANSITION);
    expect(() => assertTransition(S.IN_IMPLEMENTATION, S.NEEDS_ASSESSED, { reason: 'new IPRA issued, needs changed' })).not.toThrow();
    expect(() => assertTransition(S.PROGRAMME_AGREED, S.NEEDS_ASSESSED, { reason: 'citizen disagreed' })).not.toThrow();
  });

  test('nothing leaves a concluded, declined or stopped case: a new signal opens a new case', () => {
    for (const from of [S.CONCLUDED, S.DECLINED, S.STOPPED]) {
      const e = refusal(() => assertTransition(from, S.IN_IMPLEMENTATION, { reason: 'reopen' }));
      expect(e.code).toBe(ErrorCode.ILLEGAL_TRANSITION);
      expect(e.extensions).toMatchObject({ from, to: S.IN_IMPLEMENTATION });
    }
  });

  test('unknown stages are bad input, and staying in place is not a transition', () => {
    expect(refusal(() => assertTransition('OPEN' as SupportStage, S.CONTACTED)).code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(refusal(() => assertTransition(S.CONTACTED, S.CONTACTED)).code).toBe(ErrorCode.ILLEGAL_TRANSITION);
  });
});

describe('stage deadlines in working days', () => {
  test('contact is due within 5 working days after the signal, skipping the New Year holidays (seed 003 §16)', () => {
    // Signal on Mon 29 Dec 2025: 30 Dec (1), then 31 Dec – 11 Jan off, 12 (2), 13 (3), 14 (4), 15 Jan (5)
    const d = stageDeadline(S.IDENTIFIED, '2025-12-29', calendar, { openingSource: SignalSource.IPRA_EXTRACT });
    expect(d).toMatchObject({ dueDate: '2026-01-15', rule: 'contact-after-signal', source: 'seed 003 §16' });
  });

  test('the 5-working-day contact term runs after an IPRA extract or an appeal of another organization only (seed 003 §16)', () => {
    for (const source of [SignalSource.IPRA_EXTRACT, SignalSource.ORGANIZATION_APPEAL]) {
      expect([source, identificationTerm(source)?.rule]).toEqual([source, 'contact-after-signal']);
    }
    // A health institution's report is an appeal of another organization within inter-agency interaction (§15(4), §23).
    expect(identificationTerm(SignalSource.HEALTH_INSTITUTION)?.source).toBe('seed 003 §16');
  });

  test('after a personal appeal the citizen is already in contact: the primary reception runs 3 working days from the appeal (seed 004 §3.2.3)', () => {
    // Appeal on Mon 29 Dec 2025: 30 Dec (1), then 12 (2), 13 Jan (3) — not the 5 days of seed 003 §16.
    const d = stageDeadline(S.IDENTIFIED, '2025-12-29', calendar, {
      openingSource: SignalSource.PERSONAL_APPEAL,
      appealedOn: '2025-12-29',
    });
    expect(d).toMatchObject({ dueDate: '2026-01-13', rule: 'needs-assessment-after-appeal', source: 'seed 004 §3.2.3' });
  });

  test('a helpline call and a case opened without a signal carry no identification term in the seeds (seed 004 annex 4; seed 003 §14–16)', () => {
    expect(stageDeadline(S.IDENTIFIED, '2025-12-29', calendar, { openingSource: SignalSource.HELPLINE })).toBeNull();
    expect(stageDeadline(S.IDENTIFIED, '2025-12-29', calendar, { openingSource: null })).toBeNull();
  });

  test('needs are assessed within 3 working days of identifying the problem (seed 004 §3.2.3)', () => {
    // Contact on Wed 7 May 2025: 8 and 9 May are off → 12 (1), 13 (2), 14 May (3)
    const d = stageDeadline(S.CONTACTED, '2025-05-07', calendar);
    expect(d).toMatchObject({ dueDate: '2025-05-14', rule: 'needs-assessment', source: 'seed 004 §3.2.3' });
  });

  test('the programme is proposed within 5 working days of the appeal (seed 004 §3.2.7)', () => {
    // Counted from entering the stage by default: Tue 10 Jun 2025 → 11 (1), [12, 13 off], 16, 17, 18, 19 Jun (5)
    expect(stageDeadline(S.NEEDS_ASSESSED, '2025-06-10', calendar)).toMatchObject({
      dueDate: '2025-06-19',
      source: 'seed 004 §3.2.7',
    });
    // The seed counts from the appeal itself; given the appeal date the term is the seed's stricter one.
    expect(stageDeadline(S.NEEDS_ASSESSED, '2025-06-10', calendar, { appealedOn: '2025-06-04' })).toMatchObject({
      dueDate: '2025-06-11',
    });
  });

  test('implementation starts no later than 15 working days after the IPPSU is approved (seed 004 §3.2.8)', () => {
    // Agreed with the citizen on Wed 22 Oct, approved Fri 24 Oct 2025: the term counts from the approval.
    // The Saturday worked on 1 Nov counts, 3–4 Nov do not.
    const d = stageDeadline(S.PROGRAMME_AGREED, '2025-10-22', calendar, { serviceProgrammeApprovedOn: '2025-10-24' });
    // 27–31 Oct (5), Sat 1 Nov (6), 5–7 Nov (9), 10–14 Nov (14), Mon 17 Nov (15)
    expect(d).toMatchObject({ dueDate: '2025-11-17', rule: 'implementation-start', source: 'seed 004 §3.2.8' });
    expect(calendar.workingDaysBetween('2025-10-24', d!.dueDate)).toBe(15);
  });

  test('an IPSS has no start term: seed 004 §3.2.8 sets it for the IPPSU only (seed 003 §30.2)', () => {
    expect(stageDeadline(S.PROGRAMME_AGREED, '2025-10-24', calendar, { serviceProgrammeApprovedOn: null })).toBeNull();
  });

  test('implementation and closed stages carry no term in the seeds', () => {
    for (const stage of [S.IN_IMPLEMENTATION, S.CONCLUDED, S.DECLINED, S.STOPPED]) {
      expect(stageDeadline(stage, '2025-06-10', calendar)).toBeNull();
    }
  });

  test('a deadline that runs into a year without a decree is counted on the Labour Code and marked provisional (issue 18)', () => {
    const approved = (on: string) => stageDeadline(S.PROGRAMME_AGREED, on, calendar, { serviceProgrammeApprovedOn: on });
    expect(approved('2026-12-20')).toMatchObject({ dueDate: '2027-01-19', provisional: true });
    expect(approved('2026-11-20')).toMatchObject({ provisional: false });
  });

  test('a measure is overdue only after the due day has passed', () => {
    expect(isOverdue('2026-01-15', '2026-01-15')).toBe(false);
    expect(isOverdue('2026-01-15', '2026-01-16')).toBe(true);
    expect(isOverdue('2026-01-15', '2026-01-14')).toBe(false);
  });
});
