import { ErrorCode } from '../../subgraphs/kit/platform/errors';
import { ContactOutcome as O } from '../../subgraphs/social-protection/contact-attempt/contact-attempt.entity';
import {
  assertContactAttempt,
  MAX_CONTACT_ATTEMPTS,
  mayTry,
  nextContactMethod,
  type Attempt,
} from '../../subgraphs/social-protection/contact-attempt/contact-attempt.rules';
import { csvDocument, csvField, csvRecord } from '../../subgraphs/social-protection/journal/csv';
import {
  APPEAL_SOURCES,
  appealRecord,
  HELPLINE_CALL_COLUMNS,
  HELPLINE_SOURCES,
  helplineCallRecord,
  registrationRecord,
  russianDateTime,
} from '../../subgraphs/social-protection/journal/journal.rules';
import {
  assertMayClose,
  assertMayMatch,
  assertSameSnils,
  intakeStatusOf,
  routeOfSignal,
  inIntakeScope,
  intakeScopeOf,
  type IntakeSignal,
} from '../../subgraphs/social-protection/signal/intake.rules';
import { SignalCloseReason as R, SignalIntakeStatus, SignalSource } from '../../subgraphs/social-protection/signal/signal.entity';
import { ContactMethod as M, SupportStage as S } from '../../subgraphs/social-protection/support-case/stages';
import { refusal } from '../support/refusal';

const waiting: IntakeSignal = {
  id: 'signal-1',
  personId: null,
  supportCaseId: null,
  closedOn: null,
  closeReason: null,
  receivedOn: '2026-11-20',
};

describe('the intake queue: nothing that arrives is lost (seed 003 §15, seed 004 §1.12)', () => {
  it('a signal waits until it has a support case or is closed with a reason', () => {
    expect(intakeStatusOf(waiting)).toBe(SignalIntakeStatus.WAITING);
    const personInNoFamily: IntakeSignal = { ...waiting, personId: 'p' };
    expect(intakeStatusOf(personInNoFamily)).toBe(SignalIntakeStatus.WAITING);
    expect(intakeStatusOf({ ...waiting, supportCaseId: 'c' })).toBe(SignalIntakeStatus.MATCHED);
    expect(intakeStatusOf({ ...waiting, closedOn: '2026-11-21' })).toBe(SignalIntakeStatus.CLOSED);
  });

  it('a waiting signal can be matched; the same match again is a retry, another person or a closed signal is refused', () => {
    expect(assertMayMatch(waiting, 'p1')).toBe('MATCH');
    const matched = { ...waiting, personId: 'p1', supportCaseId: 'c1' };
    expect(assertMayMatch(matched, 'p1')).toBe('ALREADY_MATCHED');
    expect(refusal(() => assertMayMatch(matched, 'p2')).code).toBe(ErrorCode.ILLEGAL_TRANSITION);
    expect(refusal(() => assertMayMatch({ ...waiting, closedOn: '2026-11-21', closeReason: R.DUPLICATE }, 'p1')).code).toBe(
      ErrorCode.ILLEGAL_TRANSITION,
    );
  });

  it('a signal that carries a SNILS matches only the person with that SNILS', () => {
    expect(() => assertSameSnils(null, '12345678964')).not.toThrow();
    expect(() => assertSameSnils('12345678964', '12345678964')).not.toThrow();
    const refused = refusal(() => assertSameSnils('12345678964', '40250360413'));
    expect(refused.code).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('closing needs a reason, and a comment for OTHER; the refusal names the input (seed 004 §5.1.4)', () => {
    const missing = refusal(() => assertMayClose(waiting, { reason: null, on: '2026-11-21' }, '2026-11-25'));
    expect([missing.code, missing.extensions.field]).toEqual([ErrorCode.BAD_USER_INPUT, 'reason']);
    const other = refusal(() => assertMayClose(waiting, { reason: R.OTHER, comment: '  ', on: '2026-11-21' }, '2026-11-25'));
    expect([other.code, other.extensions.field]).toEqual([ErrorCode.BAD_USER_INPUT, 'comment']);
    expect(assertMayClose(waiting, { reason: R.OTHER, comment: 'Ошибочный звонок', on: '2026-11-21' }, '2026-11-25')).toBe('CLOSE');
    expect(assertMayClose(waiting, { reason: R.CONSULTATION_GIVEN, on: '2026-11-20' }, '2026-11-25')).toBe('CLOSE');
  });

  it('a signal is closed on a day between its arrival and today', () => {
    expect(refusal(() => assertMayClose(waiting, { reason: R.DUPLICATE, on: '2026-11-19' }, '2026-11-25')).extensions.field).toBe('on');
    expect(refusal(() => assertMayClose(waiting, { reason: R.DUPLICATE, on: '2026-11-26' }, '2026-11-25')).extensions.field).toBe('on');
  });

  it('closing again for the same reason is a retry; a matched signal or another reason is refused', () => {
    const closed = { ...waiting, closedOn: '2026-11-21', closeReason: R.DUPLICATE };
    expect(assertMayClose(closed, { reason: R.DUPLICATE, on: '2026-11-22' }, '2026-11-25')).toBe('ALREADY_CLOSED');
    expect(refusal(() => assertMayClose(closed, { reason: R.NOT_TARGET_CATEGORY, on: '2026-11-22' }, '2026-11-25')).code).toBe(
      ErrorCode.ILLEGAL_TRANSITION,
    );
    expect(
      refusal(() => assertMayClose({ ...waiting, supportCaseId: 'c' }, { reason: R.DUPLICATE, on: '2026-11-22' }, '2026-11-25')).code,
    ).toBe(ErrorCode.ILLEGAL_TRANSITION);
  });

  it("a signal lands in the family's operator's queue, else the recording coordinator's, else the named territory's only operator, else stays unrouted (seed 003 §20)", () => {
    const none = { family: null, coordinatorOrganization: null, givenTerritoryOktmo: null, territoryOperatorIds: [] };
    expect(routeOfSignal({ ...none, family: { operatorOrganizationId: 'op-f', territoryOktmo: '25701000' } })).toEqual({
      operatorOrganizationId: 'op-f',
      territoryOktmo: '25701000',
    });
    expect(routeOfSignal({ ...none, coordinatorOrganization: { id: 'op-c', territoryOktmo: '25714000' } })).toEqual({
      operatorOrganizationId: 'op-c',
      territoryOktmo: '25714000',
    });
    expect(routeOfSignal({ ...none, givenTerritoryOktmo: '25703000', territoryOperatorIds: ['op-t1'] })).toEqual({
      operatorOrganizationId: 'op-t1',
      territoryOktmo: '25703000',
    });
    // Several operators on the territory: the hub cannot tell which, so it stays unrouted, with its territory.
    expect(routeOfSignal({ ...none, givenTerritoryOktmo: '25701000', territoryOperatorIds: ['op-t1', 'op-t2'] })).toEqual({
      operatorOrganizationId: null,
      territoryOktmo: '25701000',
    });
    expect(routeOfSignal(none)).toEqual({ operatorOrganizationId: null, territoryOktmo: null });
  });

  it("an unrouted signal is seen by the coordinators of its territory's operators only; one with no territory by every operator's (seed 003 §20, §15)", () => {
    const irkutskCity = intakeScopeOf({ organizationId: 'op-irk', operatorTerritoryOktmo: '25701000' });
    const bratsk = intakeScopeOf({ organizationId: 'op-brk', operatorTerritoryOktmo: '25714000' });
    const ofIrkutskCity = { operatorOrganizationId: null, territoryOktmo: '25701000' };
    expect(inIntakeScope(irkutskCity, ofIrkutskCity)).toBe(true);
    expect(inIntakeScope(bratsk, ofIrkutskCity)).toBe(false);
    // No territory: nobody can tell whose it is, so every operator's coordinators see it, or it would be lost.
    const nowhere = { operatorOrganizationId: null, territoryOktmo: null };
    expect(inIntakeScope(irkutskCity, nowhere)).toBe(true);
    expect(inIntakeScope(bratsk, nowhere)).toBe(true);
    // A routed signal is its operator's only, whatever its territory.
    expect(inIntakeScope(bratsk, { operatorOrganizationId: 'op-brk', territoryOktmo: '25701000' })).toBe(true);
    expect(inIntakeScope(irkutskCity, { operatorOrganizationId: 'op-brk', territoryOktmo: '25701000' })).toBe(false);
    // A coordinator of an organization that is no operator sees only her own and the territory-less ones.
    const notOperator = intakeScopeOf({ organizationId: 'centre', operatorTerritoryOktmo: null });
    expect(inIntakeScope(notOperator, ofIrkutskCity)).toBe(false);
    expect(inIntakeScope(notOperator, nowhere)).toBe(true);
  });
});

describe('contact attempts: phone, then a home visit, then a letter (seed 003 §16–18)', () => {
  const on = (attemptedOn: string, method: Attempt['method'], outcome: Attempt['outcome']): Attempt => ({ attemptedOn, method, outcome });
  const ctx = { stage: S.IDENTIFIED, openedOn: '2026-11-20', today: '2026-11-27', hasPhone: true };
  const phoneFailed = on('2026-11-23', M.PHONE, O.NOT_REACHED);
  const visitFailed = on('2026-11-24', M.HOME_VISIT, O.NOT_REACHED);

  it('the phone comes first (§16); a home visit follows a call that did not reach the citizen or found they cannot come (§17)', () => {
    expect(mayTry(M.PHONE, [], true)).toBe(true);
    expect(mayTry(M.HOME_VISIT, [], true)).toBe(false);
    expect(mayTry(M.HOME_VISIT, [phoneFailed], true)).toBe(true);
    expect(mayTry(M.HOME_VISIT, [on('2026-11-23', M.PHONE, O.CANNOT_COME)], true)).toBe(true);
    const refused = refusal(() => assertContactAttempt([], on('2026-11-23', M.HOME_VISIT, O.NOT_REACHED), ctx));
    expect([refused.code, refused.extensions.rule]).toEqual([ErrorCode.RULE_VIOLATION, 'seed 003 §17']);
  });

  it('with no phone number known, a home visit is the first way (§17: no phone connection can be made)', () => {
    expect(mayTry(M.HOME_VISIT, [], false)).toBe(true);
    expect(nextContactMethod([], false)).toBe(M.HOME_VISIT);
    expect(() => assertContactAttempt([], on('2026-11-23', M.HOME_VISIT, O.NOT_REACHED), { ...ctx, hasPhone: false })).not.toThrow();
  });

  it('a letter by post follows a home visit that did not reach the citizen (§18), not a failed call alone', () => {
    expect(mayTry(M.POST, [phoneFailed], true)).toBe(false);
    expect(mayTry(M.POST, [phoneFailed, visitFailed], true)).toBe(true);
    const refused = refusal(() => assertContactAttempt([phoneFailed], on('2026-11-24', M.POST, O.SENT), ctx));
    expect([refused.code, refused.extensions.rule]).toEqual([ErrorCode.RULE_VIOLATION, 'seed 003 §18']);
    expect(() => assertContactAttempt([phoneFailed, visitFailed], on('2026-11-25', M.POST, O.SENT), ctx)).not.toThrow();
  });

  it('the next way follows from the failed ones, and none once the citizen answered or the letter went out', () => {
    expect(nextContactMethod([], true)).toBe(M.PHONE);
    expect(nextContactMethod([phoneFailed], true)).toBe(M.HOME_VISIT);
    expect(nextContactMethod([phoneFailed, visitFailed], true)).toBe(M.POST);
    expect(nextContactMethod([phoneFailed, visitFailed, on('2026-11-25', M.POST, O.SENT)], true)).toBeNull();
    expect(nextContactMethod([on('2026-11-23', M.PHONE, O.REACHED)], true)).toBeNull();
  });

  it('each way has its own outcomes: a letter is only posted, only a call learns the citizen cannot come', () => {
    expect(refusal(() => assertContactAttempt([], on('2026-11-23', M.PHONE, O.SENT), ctx)).extensions.field).toBe('outcome');
    expect(refusal(() => assertContactAttempt([phoneFailed], on('2026-11-24', M.HOME_VISIT, O.CANNOT_COME), ctx)).extensions.field).toBe(
      'outcome',
    );
  });

  it('attempts are recorded while the case waits for contact, until the citizen answers, the letter is sent, or the limit is reached', () => {
    expect(refusal(() => assertContactAttempt([], on('2026-11-23', M.PHONE, O.REACHED), { ...ctx, stage: S.CONTACTED })).code).toBe(
      ErrorCode.ILLEGAL_TRANSITION,
    );
    expect(
      refusal(() => assertContactAttempt([on('2026-11-23', M.PHONE, O.REFUSED)], on('2026-11-24', M.PHONE, O.REACHED), ctx)).code,
    ).toBe(ErrorCode.ILLEGAL_TRANSITION);
    const afterLetter = [phoneFailed, visitFailed, on('2026-11-25', M.POST, O.SENT)];
    expect(refusal(() => assertContactAttempt(afterLetter, on('2026-11-26', M.PHONE, O.REACHED), ctx)).extensions.rule).toBe(
      'seed 003 §18',
    );
    const many = Array.from({ length: MAX_CONTACT_ATTEMPTS }, () => phoneFailed);
    expect(refusal(() => assertContactAttempt(many, on('2026-11-26', M.PHONE, O.NOT_REACHED), ctx)).code).toBe(ErrorCode.RULE_VIOLATION);
  });

  it('an attempt is dated between the opening of the case and today, not before the last one', () => {
    expect(refusal(() => assertContactAttempt([], on('2026-11-19', M.PHONE, O.NOT_REACHED), ctx)).extensions.field).toBe('attemptedOn');
    expect(refusal(() => assertContactAttempt([], on('2026-11-28', M.PHONE, O.NOT_REACHED), ctx)).extensions.field).toBe('attemptedOn');
    expect(refusal(() => assertContactAttempt([visitFailed], on('2026-11-23', M.PHONE, O.NOT_REACHED), ctx)).extensions.field).toBe(
      'attemptedOn',
    );
  });
});

describe('the journals as CSV (RFC 4180; seed 004 §5.1, annex 4 §3.5)', () => {
  it('quotes fields holding commas, quotes or line breaks, and doubles the quotes inside', () => {
    expect(csvField('просто текст')).toBe('просто текст');
    expect(csvField('Иванова, мать')).toBe('"Иванова, мать"');
    expect(csvField('сказала "помогите"')).toBe('"сказала ""помогите"""');
    expect(csvField('строка 1\nстрока 2')).toBe('"строка 1\nстрока 2"');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField(null)).toBe('');
    expect(csvField(1954)).toBe('1954');
    expect(csvRecord(['1', 'a,b', '"', ''])).toBe('1,"a,b","""",');
  });

  it('a document is a BOM, a header record and one CRLF-ended record per row', () => {
    const doc = csvDocument(
      ['№', 'Текст'],
      [
        [1, 'a,b'],
        [2, 'x\ny'],
      ],
    );
    expect(doc).toBe('\uFEFF№,Текст\r\n1,"a,b"\r\n2,"x\ny"\r\n');
  });

  it('the call journal has the eight columns of seed 004 annex 4 §3.5, and the name stays blank for an anonymous call (§3.6)', () => {
    expect(HELPLINE_CALL_COLUMNS).toEqual([
      '№ п/п',
      'Дата и время поступления обращения',
      'Ф.И.О. заявителя',
      'Категория',
      'Год рождения',
      'Краткое содержание обращения',
      'Результат',
      'Код услуги',
    ]);
    const call = {
      callNumber: '7',
      calledAt: new Date('2026-11-20T03:15:00Z'),
      receivedOn: '2026-11-20',
      callerAnonymous: true,
      callerName: 'должно остаться пустым',
      callerCategory: 'сосед',
      callerBirthYear: null,
      summary: 'Соседка одна, после инсульта',
      result: 'Передано куратору',
      serviceCode: '4.2',
    };
    expect(helplineCallRecord(call, 1, 'Asia/Irkutsk')).toEqual([
      '7',
      '20.11.2026 11:15',
      '',
      'сосед',
      null,
      'Соседка одна, после инсульта',
      'Передано куратору',
      '4.2',
    ]);
    expect(
      helplineCallRecord({ ...call, callNumber: null, callerAnonymous: false, callerName: 'Кузьмина В. П.' }, 3, 'Asia/Irkutsk').slice(
        0,
        3,
      ),
    ).toEqual([3, '20.11.2026 11:15', 'Кузьмина В. П.']);
    expect(russianDateTime(new Date('2026-12-31T16:30:00Z'), 'Asia/Irkutsk')).toBe('01.01.2027 00:30');
  });

  it('the call journal holds helpline calls; the appeals journal personal and organizations’ appeals (seed 003 §15.2–3)', () => {
    expect(HELPLINE_SOURCES).toEqual([SignalSource.HELPLINE]);
    expect([...APPEAL_SOURCES].sort()).toEqual([SignalSource.ORGANIZATION_APPEAL, SignalSource.PERSONAL_APPEAL]);
  });

  it('an appeal names its applicant unless anonymous (seed 004 §1.12) and says what became of it', () => {
    const appeal = {
      receivedOn: '2026-11-20',
      source: SignalSource.PERSONAL_APPEAL,
      callerAnonymous: false,
      personName: 'Петрова Ольга Ивановна',
      organizationName: null,
      summary: 'Просит помочь с ПМПК',
      territoryName: 'г. Иркутск (25701000)',
      supportCaseId: null,
      closedOn: '2026-11-21',
      closeReason: R.OTHER,
      closeComment: 'Ошибка, "повтор"',
    };
    expect(appealRecord(appeal, 4)).toEqual([
      4,
      '20.11.2026',
      'личное обращение',
      'Петрова Ольга Ивановна',
      'Просит помочь с ПМПК',
      'г. Иркутск (25701000)',
      'закрыт 21.11.2026: иное (Ошибка, "повтор")',
    ]);
    expect(appealRecord({ ...appeal, callerAnonymous: true }, 1)[3]).toBe('анонимно');
    expect(appealRecord({ ...appeal, closedOn: null, closeReason: null, supportCaseId: 'c' }, 1)[6]).toBe(
      'взят на социальное сопровождение',
    );
  });

  it('a registration shows the target category as of the day the case opened (seed 003 §3)', () => {
    const row = registrationRecord(
      {
        openedOn: '2026-11-20',
        person: {
          lastName: 'Иванов',
          firstName: 'Артём',
          patronymic: null,
          snils: '12345678964',
          birthDate: '2017-05-04',
          disabilityGroup: 'DISABLED_CHILD',
          hasLimitedHealthCapabilities: false,
          isAtRisk: false,
        },
        source: SignalSource.IPRA_EXTRACT,
        territoryName: 'г. Иркутск (25701000)',
        stage: S.IDENTIFIED,
        closedOn: null,
      },
      1,
    );
    expect(row).toEqual([
      1,
      '20.11.2026',
      'Иванов Артём',
      '04.05.2017',
      '12345678964',
      'ребёнок-инвалид 3–18 лет',
      'выписка из ИПРА',
      'г. Иркутск (25701000)',
      'выявлен',
      '',
    ]);
  });
});
