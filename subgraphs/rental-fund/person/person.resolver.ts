import { Args, ArgsType, Ctx, Directive, Field, FieldResolver, Resolver, Root } from 'type-graphql';
import { checkPageSize, decodeCursor, PageArgs, pageOf, type CursorKey } from '../../kit/platform/connection';
import { periodBounds, PeriodInput } from '../../kit/platform/period';
import { RentalApplicationConnection } from '../application/application.resolver';
import { RentalContractConnection } from '../contract/contract.resolver';
import { AGENCY_ACCESS_REQUIRES, agencyRouteAccess, assertMayReadAgencyRecords, refusable } from '../../kit/policy/agency-access';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy, loaderManyBy } from '../../kit/platform/entity-loaders';
import {
  AlertSeverity,
  RouteContribution,
  RouteStepStatus,
  stepId,
  type AgencyRoute,
  type RouteAlert,
  type RouteStep,
} from '../../conventions/route/contract';
import { today } from '../../kit/platform/clock';
import { RentalApplication } from '../application/rental-application.entity';
import { RentalContract } from '../contract/rental-contract.entity';
import { ApplicationStatus, ContractStatus } from '../enums';
import { AGENCY } from '../policy';
import { dueWithinDays, isOverdue } from '../rules/contract-term';
import { AidType } from '../stock/aid-type.entity';
import { RentalPoint } from '../stock/rental-point.entity';
import { Person } from './person.entity';

/** Return reminders start a week before the due date (issue 7: "a rental due back within 7 days"). */
export const DUE_SOON_DAYS = 7;

const applicationsOf = (ctx: HubContext) => loaderManyBy<RentalApplication>(ctx, RentalApplication, 'personId', { appliedAt: 'asc' });
const contractsOf = (ctx: HubContext) => loaderManyBy<RentalContract>(ctx, RentalContract, 'personId', { issuedOn: 'asc' });

const APPLICATION_STATUS: Record<ApplicationStatus, RouteStepStatus> = {
  QUEUED: RouteStepStatus.IN_PROGRESS,
  RESERVED: RouteStepStatus.IN_PROGRESS,
  RESERVATION_LAPSED: RouteStepStatus.CANCELLED,
  ISSUED: RouteStepStatus.DONE,
  REFUSED: RouteStepStatus.DECLINED,
  WITHDRAWN: RouteStepStatus.CANCELLED,
};

/** What the route's title adds to an application's state. */
const APPLICATION_NOTE: Partial<Record<ApplicationStatus, string>> = {
  QUEUED: ' (в очереди)',
  RESERVED: ' (ТСР зарезервировано: придите за ним до срока)',
  RESERVATION_LAPSED: ' (резерв снят: срок явки истёк)',
};

@ArgsType()
class PersonRentalArgs extends PageArgs {
  @Field(() => PeriodInput, { nullable: true, description: 'Only records whose day (application or issue) falls within this period.' })
  period?: PeriodInput | null;
}

const compareKeys = (a: CursorKey, b: CursorKey) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as string) < (b[i] as string) ? -1 : 1;
  return 0;
};

/** A keyset page over one person's records (already read in one batched statement), ordered by `keyOf`. */
function keysetPage<T>(all: T[], first: number, after: CursorKey | null, keyOf: (row: T) => CursorKey) {
  const sorted = [...all].sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
  const rest = after ? sorted.filter((row) => compareKeys(keyOf(row), after) > 0) : sorted;
  return pageOf(rest.slice(0, first + 1), sorted.length, first, after, keyOf);
}

@Resolver(() => Person)
export class PersonResolver {
  @Directive(AGENCY_ACCESS_REQUIRES)
  @FieldResolver(() => RentalApplicationConnection, {
    nullable: true,
    description: refusable("The person's applications to the rental fund, oldest first, in keyset pages."),
  })
  async rentalApplications(@Root() person: Person, @Args() args: PersonRentalArgs, @Ctx() ctx: HubContext) {
    assertMayReadAgencyRecords(ctx, AGENCY, person, 'Person.rentalApplications');
    const first = checkPageSize(args.first);
    const after = decodeCursor(args.after, 2);
    const { from, to } = periodBounds(args.period);
    // One statement for all persons of the request (the loader the route shares); a person's rentals are few.
    const all = (await applicationsOf(ctx).load(person.id)).filter((a) => a.appliedOn >= from && a.appliedOn <= to);
    return keysetPage(all, first, after, (a) => [new Date(a.appliedAt).toISOString(), a.id]);
  }

  @Directive(AGENCY_ACCESS_REQUIRES)
  @FieldResolver(() => RentalContractConnection, {
    nullable: true,
    description: refusable("The person's rental contracts, oldest issue first, in keyset pages."),
  })
  async rentalContracts(@Root() person: Person, @Args() args: PersonRentalArgs, @Ctx() ctx: HubContext) {
    assertMayReadAgencyRecords(ctx, AGENCY, person, 'Person.rentalContracts');
    const first = checkPageSize(args.first);
    const after = decodeCursor(args.after, 2);
    const { from, to } = periodBounds(args.period);
    const all = (await contractsOf(ctx).load(person.id)).filter((c) => c.issuedOn >= from && c.issuedOn <= to);
    return keysetPage(all, first, after, (c) => [c.issuedOn, c.id]);
  }

  @Directive(AGENCY_ACCESS_REQUIRES)
  @RouteContribution(AGENCY, {
    description:
      "The rental fund's part of the person's route (route convention): `withheld` without consent, null with FORBIDDEN for a caller who may not read it.",
  })
  async rentalFundRoute(@Root() person: Person, @Ctx() ctx: HubContext): Promise<AgencyRoute> {
    const withheld = agencyRouteAccess(ctx, AGENCY, person, 'Person.rentalFundRoute');
    if (withheld) return withheld;
    // One statement per record type for all persons of the request (loaders batch across members).
    const [applications, contracts] = await Promise.all([applicationsOf(ctx).load(person.id), contractsOf(ctx).load(person.id)]);
    const pointIds = [...new Set([...applications, ...contracts].map((r) => r.rentalPoint.id))];
    const aidCodes = [...new Set([...applications, ...contracts].map((r) => r.aidType.code))];
    const [points, aids] = await Promise.all([
      loaderBy<RentalPoint>(ctx, RentalPoint, 'id').loadMany(pointIds),
      loaderBy<AidType>(ctx, AidType, 'code').loadMany(aidCodes),
    ]);
    const pointById = new Map(points.filter((p): p is RentalPoint => p instanceof RentalPoint).map((p) => [p.id, p]));
    const aidName = new Map(aids.filter((a): a is AidType => a instanceof AidType).map((a) => [a.code, a.name]));
    return routeOf(person.id, applications, contracts, pointById, aidName, today());
  }
}

/** Applications and contracts as route steps, with the rental fund's alerts (RENTAL_DUE_SOON, RENTAL_OVERDUE). */
export function routeOf(
  personId: string,
  applications: RentalApplication[],
  contracts: RentalContract[],
  points: Map<string, RentalPoint>,
  aidName: Map<string, string>,
  onDate: string,
): AgencyRoute {
  const steps: RouteStep[] = [];
  const alerts: RouteAlert[] = [];
  const contractByApplication = new Map(contracts.map((c) => [c.application.id, c]));
  const base = (pointId: string) => ({
    personId,
    agency: AGENCY,
    organizationId: points.get(pointId)?.organizationId ?? null,
    responsible: 'Специалист пункта проката ТСР',
    executorAgency: null,
  });
  for (const a of applications) {
    const contract = contractByApplication.get(a.id);
    steps.push({
      ...base(a.rentalPoint.id),
      id: stepId(AGENCY, 'RentalApplication', a.id),
      kind: 'RENTAL_APPLICATION',
      title: `Заявление на ТСР из пункта проката: ${aidName.get(a.aidType.code) ?? a.aidType.code}${APPLICATION_NOTE[a.status] ?? ''}`,
      status: APPLICATION_STATUS[a.status],
      period: { startsOn: a.appliedOn, endsOn: contract?.issuedOn ?? null },
      // A reserved item waits for the person until this day (issue 15 §5.5): the route shows by when to come.
      dueOn: a.status === ApplicationStatus.RESERVED ? (a.reservationDueOn ?? null) : null,
      recordType: 'RentalApplication',
      recordId: a.id,
      followsFrom: [],
    });
  }
  for (const c of contracts) {
    const id = stepId(AGENCY, 'RentalContract', c.id);
    const overdue = c.status === ContractStatus.ACTIVE && isOverdue(c.dueOn, onDate);
    const status =
      c.status === ContractStatus.ACTIVE
        ? overdue
          ? RouteStepStatus.OVERDUE
          : RouteStepStatus.IN_PROGRESS
        : c.status === ContractStatus.RETURNED
          ? RouteStepStatus.DONE
          : RouteStepStatus.CANCELLED;
    const aid = aidName.get(c.aidType.code) ?? c.aidType.code;
    steps.push({
      ...base(c.rentalPoint.id),
      id,
      kind: 'RENTAL_CONTRACT',
      title: `Прокат ТСР: ${aid}, договор ${c.contractNumber}${c.free ? ' (бесплатно)' : ''}${c.deliveryRequired ? ', с доставкой' : ''}`,
      status,
      period: { startsOn: c.issuedOn, endsOn: c.returnedOn ?? c.dueOn },
      dueOn: c.dueOn,
      recordType: 'RentalContract',
      recordId: c.id,
      followsFrom: [stepId(AGENCY, 'RentalApplication', c.application.id)],
    });
    if (overdue) {
      alerts.push({
        code: 'RENTAL_OVERDUE',
        severity: AlertSeverity.CRITICAL,
        message: `ТСР «${aid}» не возвращено: срок возврата ${c.dueOn} истёк`,
        personId,
        stepId: id,
        agency: AGENCY,
      });
    } else if (c.status === ContractStatus.ACTIVE && dueWithinDays(c.dueOn, onDate, DUE_SOON_DAYS)) {
      alerts.push({
        code: 'RENTAL_DUE_SOON',
        severity: AlertSeverity.WARNING,
        message: `ТСР «${aid}» нужно вернуть до ${c.dueOn}`,
        personId,
        stepId: id,
        agency: AGENCY,
      });
    }
  }
  return { agency: AGENCY, steps, alerts };
}
