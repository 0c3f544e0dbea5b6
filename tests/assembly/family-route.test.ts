import { AlertSeverity, RouteStepStatus } from '../../subgraphs/conventions/route/contract';
import type { Contribution } from '../../subgraphs/assembly/contributions';
import { assembleFamilyRoute, ROUTE_STEP_LIMIT, type FamilyRepresentation } from '../../subgraphs/conventions/route/assembly';
import type { Alert, Step } from '../../subgraphs/conventions/route/rules';

/** The route contributions as findContributions reports them for these agencies. */
const route = (subgraph: string, agency: string, field: string): Contribution => ({
  convention: 'route',
  subgraph,
  agency,
  parentType: 'Person',
  field,
  type: `${field[0].toUpperCase()}${field.slice(1)}`,
});
const HEALTH = route('health', 'HEALTH', 'healthRoute');
const SOCIAL = route('social-protection', 'SOCIAL_PROTECTION', 'socialProtectionRoute');
const ROUTES = [HEALTH, SOCIAL];
const TODAY = '2026-06-10';

/** A step; `startsOn`/`endsOn` give its period. */
function step(
  id: string,
  { startsOn = null, endsOn = null, ...over }: Partial<Step> & { startsOn?: string | null; endsOn?: string | null } = {},
): Step {
  return {
    id,
    personId: 'mother',
    agency: 'HEALTH',
    kind: 'MEASURE',
    title: id,
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

const part = (agency: string, steps: Step[] = [], alerts: Alert[] = []) => ({ agency, steps, alerts, withheld: null });
const withheld = (agency: string, code: string, message: string) => ({ agency, steps: [], alerts: [], withheld: { code, message } });

/** A family as the router hands it to `Family.route`: members with each agency's part at its field. */
function family(members: FamilyRepresentation['members'], over: Partial<FamilyRepresentation> = {}): FamilyRepresentation {
  return { id: 'f1', displayName: 'Семья Ивановых', members, ...over };
}
const member = (id: string, parts: Record<string, unknown>, names: { firstName?: string | null; lastName?: string | null } = {}) => ({
  relation: 'PARENT',
  person: { id, firstName: 'Мария', lastName: 'Иванова', ...names, ...parts },
});

describe('assembleFamilyRoute: the family route from its members’ parts in every agency (seed 003 §33.3)', () => {
  test('steps of every member in every agency come together in time order', () => {
    const route = assembleFamilyRoute(
      family([
        member('mother', {
          healthRoute: part('HEALTH', [step('h1', { startsOn: '2026-03-01' })]),
          socialProtectionRoute: part('SOCIAL_PROTECTION', [step('s1', { agency: 'SOCIAL_PROTECTION', startsOn: '2026-01-01' })]),
        }),
        member('son', {
          healthRoute: part('HEALTH', [step('h2', { personId: 'son', startsOn: '2026-02-01' })]),
          socialProtectionRoute: part('SOCIAL_PROTECTION'),
        }),
      ]),
      ROUTES,
      TODAY,
    );
    expect(route.steps.map((s) => s.id)).toEqual(['s1', 'h2', 'h1']);
    expect(route.gaps).toEqual([]);
  });

  test("a part an agency withheld is a gap with the agency's code and reason, and brings no steps", () => {
    const route = assembleFamilyRoute(
      family([
        member('mother', {
          healthRoute: withheld('HEALTH', 'CONSENT_REQUIRED', 'нет согласия'),
          socialProtectionRoute: part('SOCIAL_PROTECTION', [step('s1', { agency: 'SOCIAL_PROTECTION' })]),
        }),
      ]),
      ROUTES,
      TODAY,
    );
    expect(route.gaps).toEqual([
      { personId: 'Person:mother', person: { id: 'Person:mother' }, agency: 'HEALTH', code: 'CONSENT_REQUIRED', message: 'нет согласия' },
    ]);
    expect(route.steps.map((s) => s.agency)).toEqual(['SOCIAL_PROTECTION']);
  });

  test('a partner the registry retired is a named gap for each member, with no alert and no part of the agencies (issue 16 §5)', () => {
    const route = assembleFamilyRoute(
      family([
        member('mother', { healthRoute: part('HEALTH'), socialProtectionRoute: part('SOCIAL_PROTECTION') }),
        member('son', { healthRoute: part('HEALTH'), socialProtectionRoute: part('SOCIAL_PROTECTION') }),
      ]),
      ROUTES,
      TODAY,
      null,
      { agencies: ['CULTURE'], code: 'SUBGRAPH_RETIRED' },
    );
    expect(route.gaps.map((g) => [g.personId, g.agency, g.code])).toEqual([
      ['Person:mother', 'CULTURE', 'SUBGRAPH_RETIRED'],
      ['Person:son', 'CULTURE', 'SUBGRAPH_RETIRED'],
    ]);
    expect(route.alerts).toEqual([]);
    expect(route.agencies).toEqual(['HEALTH', 'SOCIAL_PROTECTION']);
  });

  test('a withheld part brings no steps or alerts even if the agency sent some by mistake', () => {
    // The withholding decides: a part marked withheld is not shown, whatever else it carries.
    const leaky = { ...withheld('HEALTH', 'FORBIDDEN', 'нет права'), steps: [step('h1')], alerts: [{ code: 'X' }] };
    const route = assembleFamilyRoute(
      family([member('mother', { healthRoute: leaky, socialProtectionRoute: part('SOCIAL_PROTECTION') })]),
      ROUTES,
      TODAY,
    );
    expect(route.steps).toEqual([]);
    expect(route.alerts.map((a) => a.code)).toEqual(['FORBIDDEN']);
  });

  test.each([
    ['null', null],
    ['missing', undefined],
  ])('a %s part is an agency that did not answer or refused: a SUBGRAPH_UNAVAILABLE gap', (_, value) => {
    const route = assembleFamilyRoute(
      family([member('mother', { healthRoute: value, socialProtectionRoute: part('SOCIAL_PROTECTION') })]),
      ROUTES,
      TODAY,
    );
    expect(route.gaps).toEqual([
      {
        personId: 'Person:mother',
        person: { id: 'Person:mother' },
        agency: 'HEALTH',
        code: 'SUBGRAPH_UNAVAILABLE',
        message: expect.stringContaining('HEALTH'),
      },
    ]);
  });

  test('every gap becomes an alert for the coordinator: unavailable is CRITICAL, no consent is INFO', () => {
    const route = assembleFamilyRoute(
      family([member('mother', { healthRoute: null, socialProtectionRoute: withheld('SOCIAL_PROTECTION', 'CONSENT_REQUIRED', '') })]),
      ROUTES,
      TODAY,
    );
    expect(route.alerts.map((a) => [a.code, a.severity, a.agency])).toEqual([
      ['SUBGRAPH_UNAVAILABLE', 'CRITICAL', 'HEALTH'],
      ['CONSENT_REQUIRED', 'INFO', 'SOCIAL_PROTECTION'],
    ]);
  });

  test('a member whose person cannot be read is skipped: no gap, no node, no steps for them', () => {
    const route = assembleFamilyRoute(
      family([
        { relation: 'CHILD', person: null },
        member('mother', { healthRoute: part('HEALTH'), socialProtectionRoute: part('SOCIAL_PROTECTION') }),
      ]),
      ROUTES,
      TODAY,
    );
    expect(route.gaps).toEqual([]);
    expect(route.graph.nodes.filter((n) => n.kind === 'PERSON').map((n) => n.id)).toEqual(['person:Person:mother']);
  });

  test('a family whose members could not be read has an empty route, but still names its agencies', () => {
    const route = assembleFamilyRoute(family(undefined), ROUTES, TODAY);
    expect(route).toMatchObject({ familyId: 'f1', steps: [], alerts: [], gaps: [], agencies: ['HEALTH', 'SOCIAL_PROTECTION'] });
    expect(route.graph.nodes.map((n) => n.kind)).toEqual(['FAMILY']);
  });

  test('agencies lists every contributing agency, those that gave nothing included', () => {
    const culture = route('culture', 'CULTURE', 'cultureRoute');
    const result = assembleFamilyRoute(
      family([member('mother', { healthRoute: part('HEALTH'), socialProtectionRoute: null })]),
      [culture, ...ROUTES],
      TODAY,
    );
    expect(result.agencies).toEqual(['CULTURE', 'HEALTH', 'SOCIAL_PROTECTION']);
  });

  test('a partner that follows the route convention joins by its contribution alone', () => {
    const culture = route('culture', 'CULTURE', 'cultureRoute');
    const result = assembleFamilyRoute(
      family([member('mother', { cultureRoute: part('CULTURE', [step('c1', { agency: 'CULTURE', kind: 'INCLUSIVE_CULTURE_EVENT' })]) })]),
      [culture],
      TODAY,
    );
    expect(result.steps.map((s) => [s.id, s.agency])).toEqual([['c1', 'CULTURE']]);
  });

  test('fields that are not route contributions are ignored, even when they look like one', () => {
    const result = assembleFamilyRoute(
      family([member('mother', { healthRoute: part('HEALTH'), sportRoute: part('SPORT', [step('x')]) })]),
      [HEALTH],
      TODAY,
    );
    expect(result.steps).toEqual([]);
  });

  test('an open step past its deadline on the given day is OVERDUE (seed 003 §36–37)', () => {
    const route = assembleFamilyRoute(
      family([member('mother', { healthRoute: part('HEALTH', [step('late', { dueOn: '2026-06-09' }), step('today', { dueOn: TODAY })]) })]),
      [HEALTH],
      TODAY,
    );
    expect(route.steps.map((s) => [s.id, s.status])).toEqual([
      ['late', 'OVERDUE'],
      ['today', 'PLANNED'],
    ]);
  });

  test('every step carries the provisional mark, false where the agency sent none', () => {
    const route = assembleFamilyRoute(
      family([
        member('mother', {
          healthRoute: part('HEALTH', [step('a', { provisional: true, startsOn: '2026-01-01' }), step('b', { provisional: null })]),
        }),
      ]),
      [HEALTH],
      TODAY,
    );
    expect(route.steps.map((s) => s.provisional)).toEqual([true, false]);
  });

  test("the agencies' own alerts come first, then cross-agency IPRA alerts, then gap alerts", () => {
    const agencyAlert: Alert = {
      code: 'REFERRAL_UNANSWERED',
      severity: AlertSeverity.WARNING,
      message: '',
      personId: 'mother',
      stepId: 'h0',
      agency: 'HEALTH',
    };
    const measure = step('m1', { kind: 'IPRA_MEASURE', executorAgency: 'EMPLOYMENT' });
    const route = assembleFamilyRoute(
      family([member('mother', { healthRoute: part('HEALTH', [measure], [agencyAlert]), socialProtectionRoute: null })]),
      ROUTES,
      TODAY,
    );
    expect(route.alerts.map((a) => a.code)).toEqual(['REFERRAL_UNANSWERED', 'IPRA_MEASURE_WITHOUT_REFERRAL', 'SUBGRAPH_UNAVAILABLE']);
  });

  test('a referral in social protection covers a health IPRA measure: the rule sees across agencies (seed 003 §27, §33.6)', () => {
    const measure = step('HEALTH:IpraMeasure:m1', { kind: 'IPRA_MEASURE', executorAgency: 'EMPLOYMENT' });
    const referral = step('SOCIAL_PROTECTION:Referral:r1', { agency: 'SOCIAL_PROTECTION', kind: 'REFERRAL', followsFrom: [measure.id] });
    const covered = assembleFamilyRoute(
      family([member('mother', { healthRoute: part('HEALTH', [measure]), socialProtectionRoute: part('SOCIAL_PROTECTION', [referral]) })]),
      ROUTES,
      TODAY,
    );
    expect(covered.alerts).toEqual([]);
    // The same measure when social protection's part is withheld: the referral is not seen, so the alert is raised.
    const hidden = assembleFamilyRoute(
      family([
        member('mother', {
          healthRoute: part('HEALTH', [measure]),
          socialProtectionRoute: withheld('SOCIAL_PROTECTION', 'CONSENT_REQUIRED', ''),
        }),
      ]),
      ROUTES,
      TODAY,
    );
    expect(hidden.alerts.map((a) => a.code)).toEqual(['IPRA_MEASURE_WITHOUT_REFERRAL', 'CONSENT_REQUIRED']);
  });

  test('the alert for an IPRA measure is about the measure already marked late', () => {
    const measure = step('m1', { kind: 'IPRA_MEASURE', executorAgency: 'EMPLOYMENT', dueOn: '2026-01-01' });
    const route = assembleFamilyRoute(family([member('mother', { healthRoute: part('HEALTH', [measure]) })]), [HEALTH], TODAY);
    expect(route.steps[0].status).toBe('OVERDUE');
    expect(route.alerts).toMatchObject([{ code: 'IPRA_MEASURE_WITHOUT_REFERRAL', stepId: 'm1' }]);
  });

  describe('the graph', () => {
    const withOrganization = () =>
      assembleFamilyRoute(
        family([member('mother', { healthRoute: part('HEALTH', [step('h1', { organizationId: 'org-7' })]) })]),
        [HEALTH],
        TODAY,
      );

    test('an organization node refers to the directory entity by id, so a client can ask its name', () => {
      const node = withOrganization().graph.nodes.find((n) => n.kind === 'ORGANIZATION')!;
      expect(node).toMatchObject({
        id: 'organization:Organization:org-7',
        label: 'Organization:org-7',
        organization: { id: 'Organization:org-7' },
      });
    });

    test('nodes other than organizations refer to no organization', () => {
      const others = withOrganization().graph.nodes.filter((n) => n.kind !== 'ORGANIZATION');
      expect(others.map((n) => n.kind).sort()).toEqual(['FAMILY', 'PERSON', 'STEP']);
      expect(others.map((n) => n.organization)).toEqual([null, null, null]);
    });

    test('the graph has the steps in route order, each concerning its person', () => {
      const route = assembleFamilyRoute(
        family([
          member('mother', {
            healthRoute: part('HEALTH', [step('b', { startsOn: '2026-02-01' }), step('a', { startsOn: '2026-01-01' })]),
          }),
        ]),
        [HEALTH],
        TODAY,
      );
      expect(route.graph.nodes.filter((n) => n.kind === 'STEP').map((n) => [n.id, n.status])).toEqual([
        ['a', 'PLANNED'],
        ['b', 'PLANNED'],
      ]);
      expect(route.graph.edges.filter((e) => e.kind === 'CONCERNS')).toEqual([
        { from: 'a', to: 'person:Person:mother', kind: 'CONCERNS' },
        { from: 'b', to: 'person:Person:mother', kind: 'CONCERNS' },
      ]);
    });

    test.each([
      ['last name then first name', { firstName: 'Мария', lastName: 'Иванова' }, 'Иванова Мария'],
      ['the first name alone when the last name is refused', { firstName: 'Мария', lastName: null }, 'Мария'],
      ['the last name alone when the first name is refused', { firstName: null, lastName: 'Иванова' }, 'Иванова'],
      ['the person id when both names are refused', { firstName: null, lastName: null }, 'Person:mother'],
    ])('a person is labelled with %s', (_, names, label) => {
      const route = assembleFamilyRoute(family([member('mother', {}, names)]), [], TODAY);
      expect(route.graph.nodes.find((n) => n.id === 'person:Person:mother')!.label).toBe(label);
    });

    test('the family node is labelled with its display name, or its id when the name is not given', () => {
      expect(assembleFamilyRoute(family([]), [], TODAY).graph.nodes[0]).toMatchObject({ id: 'family:f1', label: 'Семья Ивановых' });
      expect(assembleFamilyRoute(family([], { displayName: null }), [], TODAY).graph.nodes[0]).toMatchObject({ label: 'f1' });
    });
  });

  describe('the period window (CONVENTIONS §7.5: the route takes a period)', () => {
    const steps = [
      step('old', { startsOn: '2024-01-10', endsOn: '2024-02-01', status: RouteStepStatus.DONE }),
      step('ongoing', { startsOn: '2025-05-01', status: RouteStepStatus.IN_PROGRESS }),
      step('done-day', { startsOn: '2025-05-01', status: RouteStepStatus.DONE }),
      step('due', { dueOn: '2026-07-01' }),
      step('unplanned'),
    ];
    const assemble = (period?: { startsOn?: string | null; endsOn?: string | null }) =>
      assembleFamilyRoute(family([member('mother', { healthRoute: part('HEALTH', steps) })]), [HEALTH], TODAY, period);

    test('left open, the window is the whole route', () => {
      expect(assemble().steps.map((s) => s.id)).toEqual(['old', 'done-day', 'ongoing', 'due', 'unplanned']);
    });

    test('a step is in the window when its days overlap it; an open step runs on, a step with no day is always there', () => {
      expect(assemble({ startsOn: '2026-01-01', endsOn: '2026-12-31' }).steps.map((s) => s.id)).toEqual(['ongoing', 'due', 'unplanned']);
      expect(assemble({ endsOn: '2024-12-31' }).steps.map((s) => s.id)).toEqual(['old', 'unplanned']);
    });

    test('the graph shows only the steps in the window', () => {
      const route = assemble({ startsOn: '2026-01-01' });
      expect(route.graph.nodes.filter((n) => n.kind === 'STEP').map((n) => n.id)).toEqual(['ongoing', 'due', 'unplanned']);
    });

    test('an alert about a step outside the window is left out; the rules still see every step', () => {
      const referral = step('ref', {
        kind: 'REFERRAL',
        agency: 'SOCIAL_PROTECTION',
        executorAgency: 'EMPLOYMENT',
        startsOn: '2024-01-01',
        endsOn: '2024-01-02',
        status: RouteStepStatus.DONE,
      });
      const measure = step('m1', { kind: 'IPRA_MEASURE', executorAgency: 'EMPLOYMENT', startsOn: '2026-03-01' });
      const late: Alert = {
        code: 'DEADLINE_OVERDUE',
        severity: AlertSeverity.CRITICAL,
        message: '',
        personId: null,
        stepId: 'ref',
        agency: 'HEALTH',
      };
      const route = assembleFamilyRoute(
        family([member('mother', { healthRoute: part('HEALTH', [referral, measure], [late]) })]),
        [HEALTH],
        TODAY,
        { startsOn: '2026-01-01' },
      );
      expect(route.steps.map((s) => s.id)).toEqual(['m1']);
      expect(route.alerts).toEqual([]);
    });

    test('a period that ends before it starts is refused with BAD_USER_INPUT', () => {
      expect(() => assemble({ startsOn: '2026-02-01', endsOn: '2026-01-01' })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    });

    test(`more than ${ROUTE_STEP_LIMIT} steps in the window are refused with BAD_USER_INPUT, never cut`, () => {
      const many = Array.from({ length: ROUTE_STEP_LIMIT + 1 }, (_, i) => step(`s${i}`, { dueOn: '2026-07-01' }));
      const run = (period?: { startsOn?: string; endsOn?: string }) =>
        assembleFamilyRoute(family([member('mother', { healthRoute: part('HEALTH', many) })]), [HEALTH], TODAY, period);
      expect(() => run()).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
      expect(run({ endsOn: '2026-06-30' }).steps).toEqual([]);
    });
  });

  test("a step's references are global ids: the person, the organization, and the record for node(id:)", () => {
    const route = assembleFamilyRoute(
      family([
        member('mother', {
          healthRoute: part('HEALTH', [step('h1', { organizationId: 'org-7', recordType: 'IpraMeasure', recordId: 'r1' })]),
        }),
      ]),
      [HEALTH],
      TODAY,
    );
    expect(route.steps[0]).toMatchObject({ personId: 'Person:mother', organizationId: 'Organization:org-7', recordId: 'IpraMeasure:r1' });
    expect(route.family).toEqual({ id: 'f1' });
  });
});
