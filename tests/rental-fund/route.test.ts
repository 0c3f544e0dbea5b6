import 'reflect-metadata';
import { RouteStepStatus } from '../../subgraphs/conventions/route/contract';
import type { RentalApplication } from '../../subgraphs/rental-fund/application/rental-application.entity';
import type { RentalContract } from '../../subgraphs/rental-fund/contract/rental-contract.entity';
import { routeOf } from '../../subgraphs/rental-fund/person/person.resolver';
import type { RentalPoint } from '../../subgraphs/rental-fund/stock/rental-point.entity';

const PERSON = 'p-1';
const POINT = { id: 'point-1', organizationId: 'org-1' } as RentalPoint;

const application = (id: string, status: RentalApplication['status']) =>
  ({
    id,
    status,
    appliedOn: '2026-05-01',
    rentalPoint: { id: POINT.id },
    aidType: { code: 'WHEELCHAIR_MANUAL' },
  }) as unknown as RentalApplication;
const contract = (id: string, applicationId: string, dueOn: string, status: RentalContract['status'] = 'ACTIVE') =>
  ({
    id,
    status,
    dueOn,
    issuedOn: '2026-05-01',
    returnedOn: null,
    contractNumber: `ДП-${id}`,
    free: true,
    deliveryRequired: true,
    application: { id: applicationId },
    rentalPoint: { id: POINT.id },
    aidType: { code: 'WHEELCHAIR_MANUAL' },
  }) as unknown as RentalContract;

const route = (applications: RentalApplication[], contracts: RentalContract[], today: string) =>
  routeOf(PERSON, applications, contracts, new Map([[POINT.id, POINT]]), new Map([['WHEELCHAIR_MANUAL', 'Кресло-коляска']]), today);

test('an active rental past its due date is an OVERDUE step with a RENTAL_OVERDUE alert (seed 004 annex 1 §3.6)', () => {
  const r = route([application('a1', 'ISSUED')], [contract('c1', 'a1', '2026-11-20')], '2026-11-23');
  const step = r.steps.find((s) => s.kind === 'RENTAL_CONTRACT')!;
  expect(step).toMatchObject({
    status: RouteStepStatus.OVERDUE,
    dueOn: '2026-11-20',
    organizationId: 'org-1',
    followsFrom: ['rental_fund:RentalApplication:a1'],
  });
  expect(r.alerts.map((a) => [a.code, a.severity])).toEqual([['RENTAL_OVERDUE', 'CRITICAL']]);
});

test('a rental due within 7 days raises RENTAL_DUE_SOON; the due day itself is not yet overdue (seed 004 annex 1 §3.6)', () => {
  expect(route([], [contract('c1', 'a1', '2026-11-30')], '2026-11-23').alerts.map((a) => a.code)).toEqual(['RENTAL_DUE_SOON']);
  expect(route([], [contract('c1', 'a1', '2026-11-23')], '2026-11-23').steps[0].status).toBe(RouteStepStatus.IN_PROGRESS);
  expect(route([], [contract('c1', 'a1', '2026-12-01')], '2026-11-23').alerts).toEqual([]);
});

test('a returned rental is DONE and raises nothing even when its due date has passed', () => {
  const r = route([], [contract('c1', 'a1', '2026-11-01', 'RETURNED')], '2026-11-23');
  expect(r.steps[0].status).toBe(RouteStepStatus.DONE);
  expect(r.alerts).toEqual([]);
});

test('a queued application is an IN_PROGRESS step that says it waits in the queue (seed 004 annex 1 §2.2)', () => {
  const [step] = route([application('a2', 'QUEUED')], [], '2026-11-23').steps;
  expect(step).toMatchObject({ kind: 'RENTAL_APPLICATION', status: RouteStepStatus.IN_PROGRESS, id: 'rental_fund:RentalApplication:a2' });
  expect(step.title).toContain('в очереди');
});
