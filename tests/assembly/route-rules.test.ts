import { AlertSeverity, RouteStepStatus } from '../../subgraphs/conventions/route/contract';
import {
  buildGraph,
  gapAlerts,
  ipraMeasuresWithoutReferral,
  orderSteps,
  withOverdue,
  withProvisionalMark,
  type Gap,
  type Step,
} from '../../subgraphs/conventions/route/rules';

/** A step as an agency sends it; each test states only what its rule reads. */
/** A step; `startsOn`/`endsOn` give its period. */
function step(
  id: string,
  { startsOn = null, endsOn = null, ...over }: Partial<Step> & { startsOn?: string | null; endsOn?: string | null } = {},
): Step {
  return {
    id,
    personId: 'p1',
    agency: 'SOCIAL_PROTECTION',
    kind: 'MEASURE',
    title: `step ${id}`,
    status: RouteStepStatus.PLANNED,
    period: { startsOn, endsOn },
    dueOn: null,
    organizationId: null,
    responsible: null,
    recordType: 'Measure',
    recordId: id,
    followsFrom: [],
    executorAgency: null,
    ...over,
  };
}

const ids = (steps: Step[]) => steps.map((s) => s.id);

describe('orderSteps: the route reads as a story, in time order', () => {
  test('steps are ordered by the day they started', () => {
    const steps = [step('c', { startsOn: '2026-03-01' }), step('a', { startsOn: '2026-01-10' }), step('b', { startsOn: '2026-02-05' })];
    expect(ids(orderSteps(steps))).toEqual(['a', 'b', 'c']);
  });

  test('a step not started yet takes its place by its due date', () => {
    const steps = [step('started', { startsOn: '2026-02-01' }), step('due', { dueOn: '2026-01-15' })];
    expect(ids(orderSteps(steps))).toEqual(['due', 'started']);
  });

  test('a step with neither start nor due date takes its place by its end date', () => {
    const steps = [step('started', { startsOn: '2026-02-01' }), step('ended', { endsOn: '2026-01-20' })];
    expect(ids(orderSteps(steps))).toEqual(['ended', 'started']);
  });

  test('the start date wins over the due date and the end date of the same step', () => {
    // Started in March but due in January (already late): it is told where it started, after February's step.
    const steps = [
      step('late', { startsOn: '2026-03-01', dueOn: '2026-01-01', endsOn: '2026-01-02' }),
      step('feb', { startsOn: '2026-02-01' }),
    ];
    expect(ids(orderSteps(steps))).toEqual(['feb', 'late']);
  });

  test('the due date wins over the end date', () => {
    const steps = [step('x', { dueOn: '2026-04-01', endsOn: '2026-01-01' }), step('y', { startsOn: '2026-02-01' })];
    expect(ids(orderSteps(steps))).toEqual(['y', 'x']);
  });

  test('steps of the same day are ordered by agency', () => {
    const day = '2026-05-05';
    const steps = [
      step('1', { startsOn: day, agency: 'SOCIAL_PROTECTION' }),
      step('2', { startsOn: day, agency: 'EDUCATION' }),
      step('3', { startsOn: day, agency: 'HEALTH' }),
    ];
    expect(orderSteps(steps).map((s) => s.agency)).toEqual(['EDUCATION', 'HEALTH', 'SOCIAL_PROTECTION']);
  });

  test('steps of the same day and agency are ordered by id, so the order is stable across requests', () => {
    const steps = [step('HEALTH:M:2', { startsOn: '2026-05-05' }), step('HEALTH:M:1', { startsOn: '2026-05-05' })];
    expect(ids(orderSteps(steps))).toEqual(['HEALTH:M:1', 'HEALTH:M:2']);
    expect(ids(orderSteps([...steps].reverse()))).toEqual(['HEALTH:M:1', 'HEALTH:M:2']);
  });

  test('undated steps come last, after the latest dated one', () => {
    const steps = [step('undated'), step('far', { dueOn: '2099-12-31' }), step('near', { startsOn: '2026-01-01' })];
    expect(ids(orderSteps(steps))).toEqual(['near', 'far', 'undated']);
  });

  test('undated steps among themselves follow agency then id', () => {
    const steps = [step('b', { agency: 'HEALTH' }), step('a', { agency: 'HEALTH' }), step('z', { agency: 'EDUCATION' })];
    expect(ids(orderSteps(steps))).toEqual(['z', 'a', 'b']);
  });

  test("the agencies' arrays are not reordered in place", () => {
    const steps = [step('b', { startsOn: '2026-02-01' }), step('a', { startsOn: '2026-01-01' })];
    orderSteps(steps);
    expect(ids(steps)).toEqual(['b', 'a']);
  });

  test('no steps give an empty route', () => {
    expect(orderSteps([])).toEqual([]);
  });
});

describe('withOverdue: an open step past its deadline is late (seed 003 §36–37: timeliness)', () => {
  const today = '2026-06-10';

  test.each([RouteStepStatus.PLANNED, RouteStepStatus.IN_PROGRESS])('a %s step due yesterday is OVERDUE', (status) => {
    expect(withOverdue(step('s', { status, dueOn: '2026-06-09' }), today).status).toBe('OVERDUE');
  });

  test('a step due today is not late yet', () => {
    expect(withOverdue(step('s', { dueOn: today }), today).status).toBe('PLANNED');
  });

  test('a step due tomorrow is not late', () => {
    expect(withOverdue(step('s', { dueOn: '2026-06-11' }), today).status).toBe('PLANNED');
  });

  test.each([RouteStepStatus.DONE, RouteStepStatus.CANCELLED, RouteStepStatus.DECLINED])(
    'a %s step past its deadline keeps its status: it is no longer open',
    (status) => {
      expect(withOverdue(step('s', { status, dueOn: '2026-01-01' }), today).status).toBe(status);
    },
  );

  test('a step with no deadline is never late, however old', () => {
    expect(withOverdue(step('s', { startsOn: '2020-01-01' }), today).status).toBe('PLANNED');
  });

  test('dates compare as days across a month and a year boundary', () => {
    expect(withOverdue(step('s', { dueOn: '2025-12-31' }), '2026-01-01').status).toBe('OVERDUE');
    expect(withOverdue(step('s', { dueOn: '2026-01-31' }), '2026-02-01').status).toBe('OVERDUE');
  });

  test("marking a step late leaves the agency's step untouched and keeps every other field", () => {
    const original = step('s', { dueOn: '2026-06-01', title: 'Курс реабилитации' });
    const late = withOverdue(original, today);
    expect(original.status).toBe('PLANNED');
    expect(late).toEqual({ ...original, status: RouteStepStatus.OVERDUE });
  });
});

describe('withProvisionalMark: every step says whether its deadline may still move', () => {
  test('a step the agency marked provisional stays provisional', () => {
    expect(withProvisionalMark(step('s', { provisional: true })).provisional).toBe(true);
  });

  test.each([
    ['false', false],
    ['null (the agency does not mark it)', null],
    ['missing', undefined],
  ])('a step whose mark is %s is not provisional', (_, provisional) => {
    expect(withProvisionalMark(step('s', { provisional })).provisional).toBe(false);
  });

  test('the mark is added to a copy, the rest of the step unchanged', () => {
    const original = step('s');
    delete original.provisional;
    expect(withProvisionalMark(original)).toEqual({ ...original, provisional: false });
    expect('provisional' in original).toBe(false);
  });
});

describe('ipraMeasuresWithoutReferral: a measure another agency executes needs a referral (seed 003 §27, §33.6)', () => {
  /** An IPRA measure recorded by health whose professional section employment must execute. */
  const measure = (over: Partial<Step> = {}) =>
    step('HEALTH:IpraMeasure:m1', {
      agency: 'HEALTH',
      kind: 'IPRA_MEASURE',
      title: 'Профессиональная ориентация',
      executorAgency: 'EMPLOYMENT',
      ...over,
    });
  const referral = (over: Partial<Step> = {}) =>
    step('SOCIAL_PROTECTION:Referral:r1', { kind: 'REFERRAL', status: RouteStepStatus.IN_PROGRESS, ...over });

  test('a measure for another agency with no referral at all raises a WARNING on that measure', () => {
    expect(ipraMeasuresWithoutReferral([measure()])).toEqual([
      {
        code: 'IPRA_MEASURE_WITHOUT_REFERRAL',
        severity: AlertSeverity.WARNING,
        message: expect.stringContaining('Профессиональная ориентация'),
        personId: 'p1',
        stepId: 'HEALTH:IpraMeasure:m1',
        agency: 'HEALTH',
      },
    ]);
  });

  test('the message names the agency that must execute the measure', () => {
    expect(ipraMeasuresWithoutReferral([measure()])[0].message).toContain('EMPLOYMENT');
  });

  test('a measure the recording agency executes itself needs no referral', () => {
    expect(ipraMeasuresWithoutReferral([measure({ executorAgency: 'HEALTH' })])).toEqual([]);
  });

  test('a measure with no executor named needs no referral', () => {
    expect(ipraMeasuresWithoutReferral([measure({ executorAgency: null })])).toEqual([]);
  });

  test('a referral that follows from the measure covers it, whatever agency it names', () => {
    const steps = [measure(), referral({ followsFrom: ['HEALTH:IpraMeasure:m1'], executorAgency: null })];
    expect(ipraMeasuresWithoutReferral(steps)).toEqual([]);
  });

  test('a referral to the executing agency covers the measure, even without a link to it', () => {
    expect(ipraMeasuresWithoutReferral([measure(), referral({ executorAgency: 'EMPLOYMENT' })])).toEqual([]);
  });

  test('a referral to another agency does not cover the measure', () => {
    expect(ipraMeasuresWithoutReferral([measure(), referral({ executorAgency: 'EDUCATION' })])).toHaveLength(1);
  });

  test("a referral for another family member does not cover this member's measure", () => {
    const steps = [measure(), referral({ personId: 'p2', executorAgency: 'EMPLOYMENT', followsFrom: ['HEALTH:IpraMeasure:m1'] })];
    expect(ipraMeasuresWithoutReferral(steps).map((a) => a.personId)).toEqual(['p1']);
  });

  test('a cancelled referral does not count', () => {
    const steps = [
      measure(),
      referral({ status: RouteStepStatus.CANCELLED, executorAgency: 'EMPLOYMENT', followsFrom: ['HEALTH:IpraMeasure:m1'] }),
    ];
    expect(ipraMeasuresWithoutReferral(steps)).toHaveLength(1);
  });

  test.each([RouteStepStatus.PLANNED, RouteStepStatus.IN_PROGRESS, RouteStepStatus.DONE])('a %s referral counts', (status) => {
    expect(ipraMeasuresWithoutReferral([measure(), referral({ status, executorAgency: 'EMPLOYMENT' })])).toEqual([]);
  });

  test('a step of another kind naming the executor is not a referral', () => {
    const steps = [measure(), step('x', { kind: 'MEASURE', executorAgency: 'EMPLOYMENT', followsFrom: ['HEALTH:IpraMeasure:m1'] })];
    expect(ipraMeasuresWithoutReferral(steps)).toHaveLength(1);
  });

  test.each([RouteStepStatus.DONE, RouteStepStatus.CANCELLED])('a %s measure raises no alert: nothing is left to refer', (status) => {
    expect(ipraMeasuresWithoutReferral([measure({ status })])).toEqual([]);
  });

  test('an overdue measure still needs its referral', () => {
    expect(ipraMeasuresWithoutReferral([measure({ status: RouteStepStatus.OVERDUE })])).toHaveLength(1);
  });

  test('a step of another kind handed to another agency is not an IPRA measure', () => {
    expect(ipraMeasuresWithoutReferral([measure({ kind: 'MEASURE' })])).toEqual([]);
  });

  test('each uncovered measure has its own alert; a covered one has none', () => {
    const steps = [
      measure(),
      measure({ id: 'HEALTH:IpraMeasure:m2', executorAgency: 'EDUCATION', title: 'ППк' }),
      measure({ id: 'HEALTH:IpraMeasure:m3', executorAgency: 'RENTAL_FUND' }),
      referral({ followsFrom: ['HEALTH:IpraMeasure:m3'] }),
    ];
    expect(ipraMeasuresWithoutReferral(steps).map((a) => a.stepId)).toEqual(['HEALTH:IpraMeasure:m1', 'HEALTH:IpraMeasure:m2']);
  });

  test('one referral to an agency covers every measure that agency executes for the person', () => {
    const steps = [measure(), measure({ id: 'HEALTH:IpraMeasure:m2' }), referral({ executorAgency: 'EMPLOYMENT' })];
    expect(ipraMeasuresWithoutReferral(steps)).toEqual([]);
  });
});

describe('gapAlerts: a hidden agency is itself something the coordinator must see', () => {
  const gap = (code: string, over: Partial<Gap> = {}): Gap => ({
    personId: 'p1',
    agency: 'HEALTH',
    code,
    message: `why: ${code}`,
    ...over,
  });

  test('no consent becomes CONSENT_REQUIRED, for information, naming the agency', () => {
    expect(gapAlerts([gap('CONSENT_REQUIRED')])).toEqual([
      {
        code: 'CONSENT_REQUIRED',
        severity: AlertSeverity.INFO,
        message: expect.stringContaining('HEALTH'),
        personId: 'p1',
        stepId: null,
        agency: 'HEALTH',
      },
    ]);
  });

  test("no right to the records becomes FORBIDDEN, for information, with the agency's own reason", () => {
    expect(gapAlerts([gap('FORBIDDEN')])).toEqual([
      { code: 'FORBIDDEN', severity: AlertSeverity.INFO, message: 'why: FORBIDDEN', personId: 'p1', stepId: null, agency: 'HEALTH' },
    ]);
  });

  test('an agency that did not answer is CRITICAL: the route may be missing steps that matter', () => {
    expect(gapAlerts([gap('SUBGRAPH_UNAVAILABLE')])).toEqual([
      {
        code: 'SUBGRAPH_UNAVAILABLE',
        severity: AlertSeverity.CRITICAL,
        message: 'why: SUBGRAPH_UNAVAILABLE',
        personId: 'p1',
        stepId: null,
        agency: 'HEALTH',
      },
    ]);
  });

  test('a reason the hub does not know is treated as an agency unavailable, never silently dropped', () => {
    expect(gapAlerts([gap('SOMETHING_NEW')])).toMatchObject([{ code: 'SUBGRAPH_UNAVAILABLE', severity: AlertSeverity.CRITICAL }]);
  });

  test('one alert per gap, in the order of the gaps, each for its own person and agency', () => {
    const alerts = gapAlerts([
      gap('CONSENT_REQUIRED', { personId: 'p2', agency: 'EDUCATION' }),
      gap('FORBIDDEN', { personId: 'p1', agency: 'EMPLOYMENT' }),
      gap('SUBGRAPH_UNAVAILABLE', { personId: 'p3', agency: 'CULTURE' }),
    ]);
    expect(alerts.map((a) => [a.code, a.personId, a.agency])).toEqual([
      ['CONSENT_REQUIRED', 'p2', 'EDUCATION'],
      ['FORBIDDEN', 'p1', 'EMPLOYMENT'],
      ['SUBGRAPH_UNAVAILABLE', 'p3', 'CULTURE'],
    ]);
  });

  test('no gaps, no alerts', () => {
    expect(gapAlerts([])).toEqual([]);
  });
});

describe('buildGraph: the route as people, organizations, agencies and steps', () => {
  const graph = (steps: Step[], people = [{ id: 'p1', label: 'Иванова Мария' }]) =>
    buildGraph({ family: { id: 'f1', label: 'Семья Ивановых' }, people, steps, organizationLabel: (id) => `org ${id}` });
  const edgesOfKind = (g: ReturnType<typeof graph>, kind: string) => g.edges.filter((e) => e.kind === kind);

  test('the family is a FAMILY node labelled with its name', () => {
    expect(graph([]).nodes).toContainEqual({
      id: 'family:f1',
      kind: 'FAMILY',
      label: 'Семья Ивановых',
      agency: null,
      status: null,
      on: null,
    });
  });

  test('each member is a PERSON node, MEMBER_OF the family', () => {
    const g = graph(
      [],
      [
        { id: 'p1', label: 'Мать' },
        { id: 'p2', label: 'Сын' },
      ],
    );
    expect(g.nodes.filter((n) => n.kind === 'PERSON').map((n) => [n.id, n.label])).toEqual([
      ['person:p1', 'Мать'],
      ['person:p2', 'Сын'],
    ]);
    expect(edgesOfKind(g, 'MEMBER_OF')).toEqual([
      { from: 'person:p1', to: 'family:f1', kind: 'MEMBER_OF' },
      { from: 'person:p2', to: 'family:f1', kind: 'MEMBER_OF' },
    ]);
  });

  test('each step is a STEP node with its title, agency, status and date, and CONCERNS its person', () => {
    const g = graph([step('s1', { title: 'Обследование', agency: 'HEALTH', status: RouteStepStatus.DONE, startsOn: '2026-02-01' })]);
    expect(g.nodes).toContainEqual({
      id: 's1',
      kind: 'STEP',
      label: 'Обследование',
      agency: 'HEALTH',
      status: RouteStepStatus.DONE,
      on: '2026-02-01',
    });
    expect(g.edges).toContainEqual({ from: 's1', to: 'person:p1', kind: 'CONCERNS' });
  });

  test("a step's date is when it started, else when it is due; an end date alone does not date it", () => {
    const g = graph([
      step('started', { startsOn: '2026-01-01', dueOn: '2026-02-01' }),
      step('due', { dueOn: '2026-03-01' }),
      step('ended', { endsOn: '2026-04-01' }),
    ]);
    const date = (id: string) => g.nodes.find((n) => n.id === id)!.on;
    expect([date('started'), date('due'), date('ended')]).toEqual(['2026-01-01', '2026-03-01', null]);
  });

  test('the organization that carries out a step EXECUTES it', () => {
    const g = graph([step('s1', { organizationId: 'o1' })]);
    expect(g.nodes).toContainEqual({
      id: 'organization:o1',
      kind: 'ORGANIZATION',
      label: 'org o1',
      agency: null,
      status: null,
      on: null,
    });
    expect(g.edges).toContainEqual({ from: 'organization:o1', to: 's1', kind: 'EXECUTES' });
  });

  test('a referral points the other way: the step is REFERRED_TO the organization', () => {
    const g = graph([step('r1', { kind: 'REFERRAL', organizationId: 'o2' })]);
    expect(g.edges).toContainEqual({ from: 'r1', to: 'organization:o2', kind: 'REFERRED_TO' });
    expect(edgesOfKind(g, 'EXECUTES')).toEqual([]);
  });

  test('a step with no organization has no organization node or edge', () => {
    const g = graph([step('s1')]);
    expect(g.nodes.filter((n) => n.kind === 'ORGANIZATION')).toEqual([]);
    expect(g.edges.map((e) => e.kind)).toEqual(['MEMBER_OF', 'CONCERNS']);
  });

  test('a step handed to another agency HANDS_OVER_TO that agency, drawn as an AGENCY node', () => {
    const g = graph([step('m1', { agency: 'HEALTH', executorAgency: 'EMPLOYMENT' })]);
    expect(g.nodes).toContainEqual({
      id: 'agency:EMPLOYMENT',
      kind: 'AGENCY',
      label: 'EMPLOYMENT',
      agency: 'EMPLOYMENT',
      status: null,
      on: null,
    });
    expect(g.edges).toContainEqual({ from: 'm1', to: 'agency:EMPLOYMENT', kind: 'HANDS_OVER_TO' });
  });

  test('a step its own agency executes hands nothing over', () => {
    const g = graph([step('m1', { agency: 'HEALTH', executorAgency: 'HEALTH' })]);
    expect(g.nodes.filter((n) => n.kind === 'AGENCY')).toEqual([]);
    expect(edgesOfKind(g, 'HANDS_OVER_TO')).toEqual([]);
  });

  test('a step FOLLOWS_FROM the steps it names', () => {
    const g = graph([step('signal'), step('case', { followsFrom: ['signal'] })]);
    expect(edgesOfKind(g, 'FOLLOWS_FROM')).toEqual([{ from: 'case', to: 'signal', kind: 'FOLLOWS_FROM' }]);
  });

  test('a step it follows from that is not in the route (hidden, or another family) gives no dangling edge', () => {
    const g = graph([step('case', { followsFrom: ['EDUCATION:Hidden:1', 'signal'] }), step('signal')]);
    expect(edgesOfKind(g, 'FOLLOWS_FROM')).toEqual([{ from: 'case', to: 'signal', kind: 'FOLLOWS_FROM' }]);
  });

  test('an organization or agency met by several steps is one node with an edge to each step', () => {
    const g = graph([
      step('a', { organizationId: 'o1', agency: 'HEALTH', executorAgency: 'EDUCATION' }),
      step('b', { organizationId: 'o1', agency: 'HEALTH', executorAgency: 'EDUCATION' }),
      step('c', { kind: 'REFERRAL', organizationId: 'o1' }),
    ]);
    expect(g.nodes.filter((n) => n.id === 'organization:o1')).toHaveLength(1);
    expect(g.nodes.filter((n) => n.id === 'agency:EDUCATION')).toHaveLength(1);
    expect(g.edges.filter((e) => e.from === 'organization:o1' || e.to === 'organization:o1')).toHaveLength(3);
    expect(edgesOfKind(g, 'HANDS_OVER_TO')).toHaveLength(2);
  });

  test('no node id appears twice, and every edge joins two nodes of the graph', () => {
    const g = graph(
      [
        step('s1', { organizationId: 'o1', executorAgency: 'EMPLOYMENT', followsFrom: ['s2', 'gone'] }),
        step('s2', { personId: 'p2', kind: 'REFERRAL', organizationId: 'o1', executorAgency: 'EMPLOYMENT' }),
        step('s1', { title: 'the same step sent twice' }),
      ],
      [
        { id: 'p1', label: 'A' },
        { id: 'p2', label: 'B' },
      ],
    );
    const nodeIds = g.nodes.map((n) => n.id);
    expect(new Set(nodeIds).size).toBe(nodeIds.length);
    for (const e of g.edges) expect([nodeIds.includes(e.from), nodeIds.includes(e.to)]).toEqual([true, true]);
    // The first copy of a step is the one drawn.
    expect(g.nodes.find((n) => n.id === 's1')!.label).toBe('step s1');
  });

  test('organization labels come from the lookup the caller gives', () => {
    const g = buildGraph({
      family: { id: 'f1', label: 'F' },
      people: [],
      steps: [step('s1', { organizationId: '42' })],
      organizationLabel: (id) => (id === '42' ? 'ОГБУ «Центр»' : '?'),
    });
    expect(g.nodes.find((n) => n.kind === 'ORGANIZATION')!.label).toBe('ОГБУ «Центр»');
  });
});
