import { DEMO_PEOPLE as P } from '../../subgraphs/kit/demo/people';
import { executorAgencyFor, IpraSection, isHealthSection, parseIpraSection } from '../../subgraphs/health/ipra/ipra-sections';
import { IpraDisabilityGroup, IpraMeasureExecutionStatus as E } from '../../subgraphs/health/ipra/ipra.entity';
import { activeIpraOf, checkExecutionReport, checkIpra, type IpraDraft } from '../../subgraphs/health/ipra/ipra.rules';
import { ipraSignalInput, territoryOfPerson } from '../../subgraphs/health/signal-outbox/ipra-signal';
import { refusal } from './refusal';

const TODAY = '2026-11-23';

const draft = (over: Partial<IpraDraft> = {}): IpraDraft => ({
  number: '9001.1.38/2026',
  personId: P.artyomIvanov.id,
  personSnils: '123-456-789 64',
  issuedOn: '2026-10-01',
  endsOn: '2027-10-01',
  disabilityGroup: IpraDisabilityGroup.DISABLED_CHILD,
  disabilityCause: 'ребёнок-инвалид',
  mseBureauName: 'Бюро № 12',
  measures: [
    { section: 'MEDICAL_REHABILITATION', title: 'Восстановительная терапия', period: { startsOn: '2026-10-01', endsOn: '2027-10-01' } },
  ],
  ...over,
});

test('the other agencies execute the professional, psychological-pedagogical and social sections of an IPRA (seed 003 §28–29, §8, §22)', () => {
  expect(executorAgencyFor(IpraSection.PROFESSIONAL)).toBe('EMPLOYMENT');
  expect(executorAgencyFor(IpraSection.PSYCHOLOGICAL_PEDAGOGICAL)).toBe('EDUCATION');
  expect(executorAgencyFor(IpraSection.SOCIAL)).toBe('SOCIAL_PROTECTION');
  for (const s of [
    IpraSection.MEDICAL_REHABILITATION,
    IpraSection.RECONSTRUCTIVE_SURGERY,
    IpraSection.PROSTHETICS,
    IpraSection.SANATORIUM_TREATMENT,
  ]) {
    expect(executorAgencyFor(s)).toBe('HEALTH');
    expect(isHealthSection(s)).toBe(true);
  }
  // Technical aids come from the social fund, outside the hub; health records them.
  expect(executorAgencyFor(IpraSection.TECHNICAL_AIDS)).toBeNull();
  expect(isHealthSection(IpraSection.PROFESSIONAL)).toBe(false);
});

test('an unknown IPRA section is refused with a coded error naming the measure', () => {
  const error = refusal(() =>
    checkIpra(draft({ measures: [{ section: 'ASTROLOGY', title: 'x', period: { startsOn: '2026-10-01', endsOn: '2026-12-01' } }] }), TODAY),
  );
  expect(error.code).toBe('BAD_USER_INPUT');
  expect(error.extensions).toMatchObject({ reason: 'UNKNOWN_IPRA_SECTION', field: 'measures[0].section' });
  expect(parseIpraSection(' professional ')).toBe(IpraSection.PROFESSIONAL);
});

test('a measure period ending before it starts, or with an open end, is refused', () => {
  const open = refusal(() =>
    checkIpra(draft({ measures: [{ section: 'SOCIAL', title: 'x', period: { startsOn: '2026-12-01' } }] }), TODAY),
  );
  expect([open.code, open.extensions.field]).toEqual(['BAD_USER_INPUT', 'measures[0].period.endsOn']);
  const error = refusal(() =>
    checkIpra(draft({ measures: [{ section: 'SOCIAL', title: 'x', period: { startsOn: '2026-12-01', endsOn: '2026-11-01' } }] }), TODAY),
  );
  expect(error.code).toBe('BAD_USER_INPUT');
  expect(error.extensions.field).toBe('measures[0].period.endsOn');
});

test('an IPRA with a SNILS whose checksum fails is refused as INVALID_SNILS, and the number is not echoed (152-FZ)', () => {
  const error = refusal(() => checkIpra(draft({ personSnils: '123-456-789 65' }), TODAY));
  expect(error.code).toBe('INVALID_SNILS');
  expect(error.message).not.toContain('123');
});

test('a technical aid names its aid by catalogue code; aid fields on other sections are refused', () => {
  const aid = {
    section: 'TECHNICAL_AIDS',
    title: 'Кресло-коляска с ручным приводом прогулочная',
    period: { startsOn: '2026-10-01', endsOn: '2027-04-01' },
  };
  expect(refusal(() => checkIpra(draft({ measures: [aid] }), TODAY)).extensions.field).toBe('measures[0].aidCode');
  const ok = checkIpra(draft({ measures: [{ ...aid, aidCode: 'WHEELCHAIR_MANUAL', queuedForOwnAid: true }] }), TODAY);
  expect(ok.measures[0]).toMatchObject({ aidCode: 'WHEELCHAIR_MANUAL', aidName: aid.title, queuedForOwnAid: true, executorAgency: null });
  const misplaced = { section: 'SOCIAL', title: 'x', period: { startsOn: '2026-10-01', endsOn: '2027-04-01' }, aidCode: 'CRUTCHES' };
  expect(refusal(() => checkIpra(draft({ measures: [misplaced] }), TODAY)).code).toBe('BAD_USER_INPUT');
});

test('an IPRA is normalized: SNILS to 11 digits, executor agency from the section, never from the caller', () => {
  const checked = checkIpra(
    draft({ measures: [{ section: 'professional', title: 'Трудоустройство', period: { startsOn: '2026-10-01', endsOn: '2027-10-01' } }] }),
    TODAY,
  );
  expect(checked.personSnils).toBe('12345678964');
  expect(checked.measures[0]).toMatchObject({ section: 'PROFESSIONAL', executorAgency: 'EMPLOYMENT', executorOrganizationId: null });
});

test('an IPRA cannot be issued in the future, nor lapse before it is issued, nor list no measures', () => {
  expect(refusal(() => checkIpra(draft({ issuedOn: '2026-11-24' }), TODAY)).extensions.field).toBe('issuedOn');
  expect(refusal(() => checkIpra(draft({ endsOn: '2026-09-30' }), TODAY)).extensions.field).toBe('endsOn');
  expect(refusal(() => checkIpra(draft({ measures: [] }), TODAY)).extensions.field).toBe('measures');
});

test('execution reports: DONE and NOT_DONE are final, NOT_DONE names its reason, no report from the future', () => {
  const fresh = { executionStatus: E.NOT_STARTED, executionReportedOn: null };
  expect(checkExecutionReport(fresh, '2026-01-01', { status: E.IN_PROGRESS, reportedOn: '2026-11-01' }, TODAY)).toEqual({
    notDoneReason: null,
  });
  expect(
    refusal(() =>
      checkExecutionReport(
        { executionStatus: E.DONE, executionReportedOn: '2026-10-01' },
        '2026-01-01',
        { status: E.IN_PROGRESS, reportedOn: '2026-11-01' },
        TODAY,
      ),
    ).code,
  ).toBe('ILLEGAL_TRANSITION');
  const noReason = refusal(() => checkExecutionReport(fresh, '2026-01-01', { status: E.NOT_DONE, reportedOn: '2026-11-01' }, TODAY));
  expect(noReason.code).toBe('RULE_VIOLATION');
  expect(
    checkExecutionReport(fresh, '2026-01-01', { status: E.NOT_DONE, reportedOn: '2026-11-01', notDoneReason: ' отказ гражданина ' }, TODAY),
  ).toEqual({
    notDoneReason: 'отказ гражданина',
  });
  expect(
    refusal(() => checkExecutionReport(fresh, '2026-01-01', { status: E.DONE, reportedOn: '2026-11-24' }, TODAY)).extensions.field,
  ).toBe('reportedOn');
  expect(
    refusal(() => checkExecutionReport(fresh, '2026-01-01', { status: E.DONE, reportedOn: '2025-12-31' }, TODAY)).extensions.field,
  ).toBe('reportedOn');
});

test('the active IPRA is the latest one issued and not expired', () => {
  const old = { id: 'a', issuedOn: '2024-01-10', validUntil: '2025-01-10' };
  const current = { id: 'b', issuedOn: '2025-02-01', validUntil: '2027-02-01' };
  const indefinite = { id: 'c', issuedOn: '2023-01-01', validUntil: null };
  expect(activeIpraOf([old, current, indefinite], TODAY)?.id).toBe('b');
  expect(activeIpraOf([old], TODAY)).toBeNull();
  expect(activeIpraOf([old, indefinite], TODAY)?.id).toBe('c');
});

test('an IPRA extract becomes an IPRA_EXTRACT signal keyed by its number (seed 003 §15.1)', () => {
  const input = ipraSignalInput({ number: '9001.1.38/2026', personSnils: '12345678964', issuedOn: '2026-10-01' }, [
    IpraSection.TECHNICAL_AIDS,
    IpraSection.SOCIAL,
    IpraSection.SOCIAL,
  ]);
  expect(input).toEqual({
    idempotencyKey: 'ipra:9001.1.38/2026',
    source: 'IPRA_EXTRACT',
    personSnils: '12345678964',
    receivedOn: '2026-10-01',
    summary: 'Выписка из ИПРА № 9001.1.38/2026: технические средства реабилитации, социальная реабилитация',
    ipraNumber: '9001.1.38/2026',
  });
});

test("an IPRA signal names the territory of the person's clinic, so social protection can route it (seed 003 §20); none when health knows none", () => {
  const attachments = [
    { organizationId: 'clinic-old', fromDate: '2020-01-01', toDate: '2025-12-31' },
    { organizationId: 'clinic-now', fromDate: '2026-01-01', toDate: null },
  ];
  const mapped = [
    { organizationId: 'clinic-old', territoryOktmo: '25714000' },
    { organizationId: 'clinic-now', territoryOktmo: '25703000' },
    { organizationId: 'clinic-now', territoryOktmo: '25701000' },
    { organizationId: null, territoryOktmo: '25701000' },
  ];
  // The clinic attached today, placed where the resource map places it (the first OKTMO, as the statistics do).
  expect(territoryOfPerson(attachments, mapped, '2026-10-01')).toBe('25701000');
  expect(territoryOfPerson(attachments, mapped, '2025-06-01')).toBe('25714000');
  expect(territoryOfPerson([], mapped, '2026-10-01')).toBeNull();
  expect(territoryOfPerson(attachments, [], '2026-10-01')).toBeNull();

  const ipra = { number: '9001.1.38/2026', personSnils: '12345678964', issuedOn: '2026-10-01' };
  expect(ipraSignalInput(ipra, [IpraSection.SOCIAL], '25701000').territoryOktmo).toBe('25701000');
  expect(ipraSignalInput(ipra, [IpraSection.SOCIAL], null)).not.toHaveProperty('territoryOktmo');
});
