import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO_ORGANIZATIONS as ORG } from '../../kit/demo/organizations';
import { daysFromToday as day } from '../../kit/demo/dates';
import { DEMO_PEOPLE as P } from '../../kit/demo/people';
import { stableId } from '../../kit/domain/stable-id';
import { RentalApplication } from '../application/rental-application.entity';
import { RentalContract } from '../contract/rental-contract.entity';
import { AcquisitionSource, ApplicationStatus, ContractStatus, DocumentKind, ItemCondition, RentalGround } from '../enums';
import { findAid } from '../rules/aid-catalogue';
import { deliveryRequired } from '../rules/delivery';
import { rentalDays, rentalFee } from '../rules/pricing';
import { RentalItem } from '../stock/rental-item.entity';
import { RentalPoint } from '../stock/rental-point.entity';

export const DEMO_RENTAL_POINTS = {
  irkutsk: stableId('rental-point', ORG.irkutskRentalPoint.code),
  angarsk: stableId('rental-point', ORG.angarskRentalPoint.code),
} as const;

const id = (kind: string, name: string) => stableId(`rental-${kind}`, name);

/** Stock per point: aid code → [units in working order, units under repair]. */
const STOCK: Record<string, Record<string, [number, number]>> = {
  [DEMO_RENTAL_POINTS.irkutsk]: {
    WHEELCHAIR_MANUAL: [3, 0],
    WALKER_FOLDING: [2, 0],
    CRUTCHES: [4, 0],
    RAMP_TELESCOPIC_2_SECTION: [1, 0],
    BED_MULTIFUNCTION_ELECTRIC: [1, 1],
  },
  [DEMO_RENTAL_POINTS.angarsk]: {
    BED_MULTIFUNCTION_ELECTRIC: [2, 0],
    WHEELCHAIR_MANUAL: [2, 0],
    CRUTCHES: [2, 0],
    BEDSIDE_TABLE: [0, 1],
  },
};
const VALUE_KOPECKS: Record<string, number> = {
  WHEELCHAIR_MANUAL: 1_250_000,
  WALKER_FOLDING: 320_000,
  CRUTCHES: 150_000,
  RAMP_TELESCOPIC_2_SECTION: 900_000,
  BED_MULTIFUNCTION_ELECTRIC: 6_500_000,
  BEDSIDE_TABLE: 450_000,
};

const markOf = (pointId: string, aidCode: string, n: number) =>
  `${pointId === DEMO_RENTAL_POINTS.irkutsk ? 'ИРК' : 'АНГ'}-${aidCode}-${String(n).padStart(3, '0')}`;

/**
 * Two demo rental points with stock, and the demo families' rentals, dated from the day the demo is
 * loaded (kit/demo/dates.ts):
 * - Artyom Ivanov (disabled child, queued for his own IPRA wheelchair): a free wheelchair from the
 *   Irkutsk point, delivered home, due back in 5 days (RENTAL_DUE_SOON);
 * - Nina Smirnova (group I, 67, after surgery, lives alone): a paid multifunction bed from the Angarsk
 *   point for her 90-day rehabilitation period (ground 4, §4.3), delivered home (§3.5), due back 3 days
 *   ago and not returned (RENTAL_OVERDUE); and she waits for a bedside table (none free) since 7 days.
 * Stable ids keep it idempotent: points are upserted, operational records only inserted when missing; a
 * reload on a later day re-lays the dates of the demo rentals that no work has touched since.
 */
export async function loadDemoData(em: EntityManager): Promise<void> {
  await em.upsertMany(RentalPoint, [
    {
      id: DEMO_RENTAL_POINTS.irkutsk,
      organizationId: ORG.irkutskRentalPoint.id,
      name: ORG.irkutskRentalPoint.name,
      address: 'г. Иркутск, ул. Демонстрационная, д. 10',
      territoryOktmo: ORG.irkutskRentalPoint.oktmo,
      latitude: 52.2869,
      longitude: 104.2806,
      openingHours: 'Пн–Пт 09:00–17:00, обед 13:00–14:00',
      phone: '+7 3952 00-00-10',
    },
    {
      id: DEMO_RENTAL_POINTS.angarsk,
      organizationId: ORG.angarskRentalPoint.id,
      name: ORG.angarskRentalPoint.name,
      address: 'г. Ангарск, 84-й квартал, д. 5',
      territoryOktmo: ORG.angarskRentalPoint.oktmo,
      latitude: 52.5441,
      longitude: 103.8882,
      openingHours: 'Пн–Пт 08:30–16:30',
      phone: '+7 3955 00-00-20',
    },
  ]);

  const items: Partial<RentalItem>[] = [];
  for (const [pointId, aids] of Object.entries(STOCK)) {
    for (const [aidCode, [working, repair]] of Object.entries(aids)) {
      for (let n = 1; n <= working + repair; n++) {
        const mark = markOf(pointId, aidCode, n);
        items.push({
          id: id('item', mark),
          mark,
          aidType: aidCode as never,
          rentalPoint: pointId as never,
          condition: n <= working ? ItemCondition.WORKING_ORDER : ItemCondition.UNDER_REPAIR,
          onLoan: false,
          acquisitionSource:
            n === 2 && aidCode === 'WHEELCHAIR_MANUAL' ? AcquisitionSource.RETURNED_UNUSED_FROM_IPRA : AcquisitionSource.BOUGHT,
          valueKopecks: VALUE_KOPECKS[aidCode],
          acquiredOn: day(-660),
        });
      }
    }
  }
  const artyomItem = markOf(DEMO_RENTAL_POINTS.irkutsk, 'WHEELCHAIR_MANUAL', 1);
  const ninaItem = markOf(DEMO_RENTAL_POINTS.angarsk, 'BED_MULTIFUNCTION_ELECTRIC', 1);
  for (const item of items) if (item.mark === artyomItem || item.mark === ninaItem) item.onLoan = true;
  // Stock, applications and contracts change with real work (lent, returned, repaired): a reload only
  // adds what is missing and never puts an operational state back to the demo's.
  const keep = { onConflictAction: 'ignore' as const };
  await em.upsertMany(RentalItem, items as RentalItem[], keep);

  const artyomDelivery = {
    required: true,
    // §3.5 gives a disabled child nothing by group; the point delivers "при необходимости" for the
    // mother, who cannot carry a wheelchair and the child at once — recorded as the specialist's decision.
    reason: 'Delivered home at the legal representative’s request, by decision of the point (seed 004 annex 1 §3.5 "при необходимости")',
  };
  const ninaDelivery = deliveryRequired({ disabilityGroup: 1, age: 67, cannotMoveOrSelfCare: true, ableBodiedRelativesPresent: false });

  const application = (
    key: string,
    person: { id: string; snils: string },
    aidCode: string,
    pointId: string,
    ground: RentalGround,
    documents: DocumentKind[],
    ipraAids: string[] | null,
    appliedOn: string,
    requestedDays: number,
    delivery: { required: boolean; reason: string },
    status: ApplicationStatus,
  ) => ({
    id: id('application', key),
    idempotencyKey: `demo:${key}`,
    personId: person.id,
    snils: person.snils,
    aidType: aidCode,
    rentalPoint: pointId,
    ground,
    documents,
    ipraAids,
    priorityCategory: null,
    appliedAt: new Date(`${appliedOn}T02:00:00Z`),
    appliedOn,
    requestedDays,
    deliveryRequired: delivery.required,
    deliveryReason: delivery.reason,
    status,
    submittedBy: 'demo',
  });
  const artyom = { issuedOn: day(-179), dueOn: day(5) };
  const nina = { issuedOn: day(-92), dueOn: day(-3), tableAppliedOn: day(-7) };
  const applications = [
    application(
      'artyom-wheelchair',
      P.artyomIvanov,
      'WHEELCHAIR_MANUAL',
      DEMO_RENTAL_POINTS.irkutsk,
      RentalGround.QUEUED_FOR_IPRA_AID,
      [DocumentKind.IDENTITY_DOCUMENT, DocumentKind.IPRA],
      ['WHEELCHAIR_MANUAL'],
      artyom.issuedOn,
      rentalDays(artyom.issuedOn, artyom.dueOn),
      artyomDelivery,
      ApplicationStatus.ISSUED,
    ),
    application(
      'nina-bed',
      P.ninaSmirnova,
      'BED_MULTIFUNCTION_ELECTRIC',
      DEMO_RENTAL_POINTS.angarsk,
      RentalGround.REHABILITATION_PERIOD,
      [DocumentKind.IDENTITY_DOCUMENT, DocumentKind.MEDICAL_CONCLUSION],
      null,
      nina.issuedOn,
      rentalDays(nina.issuedOn, nina.dueOn),
      { required: ninaDelivery.required, reason: `${ninaDelivery.reason} (${ninaDelivery.rule})` },
      ApplicationStatus.ISSUED,
    ),
    application(
      'nina-bedside-table',
      P.ninaSmirnova,
      'BEDSIDE_TABLE',
      DEMO_RENTAL_POINTS.angarsk,
      RentalGround.REHABILITATION_PERIOD,
      [DocumentKind.IDENTITY_DOCUMENT, DocumentKind.MEDICAL_CONCLUSION],
      null,
      nina.tableAppliedOn,
      60,
      { required: ninaDelivery.required, reason: `${ninaDelivery.reason} (${ninaDelivery.rule})` },
      ApplicationStatus.QUEUED,
    ),
  ];
  await em.upsertMany(RentalApplication, applications as never[], keep);

  const contract = (
    key: string,
    personId: string,
    itemMark: string,
    pointId: string,
    aidCode: string,
    issuedOn: string,
    dueOn: string,
    ground: RentalGround,
    inIpra: boolean,
    delivery: boolean,
  ) => {
    const fee = rentalFee({ ground, aidCode, aidInIpra: inIpra, issuedOn, dueOn });
    const n = key.toUpperCase();
    return {
      id: id('contract', key),
      application: id('application', key),
      item: id('item', itemMark),
      rentalPoint: pointId,
      aidType: aidCode,
      personId,
      contractNumber: `ДП-${issuedOn.replace(/-/g, '')}-${n}`,
      signedOn: issuedOn,
      issuedOn,
      dueOn,
      extensionsCount: 0,
      tariffKopecks: findAid(aidCode)!.tariffKopecks,
      feeKopecks: fee.kopecks,
      free: fee.free,
      priceReason: `${fee.reason} (${fee.rule})`,
      deliveryRequired: delivery,
      handOverActNumber: `АПП-${issuedOn.replace(/-/g, '')}-${n}`,
      returnedOn: null,
      returnCondition: null,
      acceptanceActNumber: null,
      refundKopecks: null,
      repairChargeKopecks: 0,
      transportChargeKopecks: 0,
      compensationChargeKopecks: 0,
      settlementReason: null,
      withdrawalReason: null,
      status: ContractStatus.ACTIVE,
    };
  };
  const contracts = [
    contract(
      'artyom-wheelchair',
      P.artyomIvanov.id,
      artyomItem,
      DEMO_RENTAL_POINTS.irkutsk,
      'WHEELCHAIR_MANUAL',
      artyom.issuedOn,
      artyom.dueOn,
      RentalGround.QUEUED_FOR_IPRA_AID,
      true,
      true,
    ),
    contract(
      'nina-bed',
      P.ninaSmirnova.id,
      ninaItem,
      DEMO_RENTAL_POINTS.angarsk,
      'BED_MULTIFUNCTION_ELECTRIC',
      nina.issuedOn,
      nina.dueOn,
      RentalGround.REHABILITATION_PERIOD,
      false,
      ninaDelivery.required,
    ),
  ];
  await em.upsertMany(RentalContract, contracts as never[], keep);

  // Re-lay the dates of what is still as the demo left it (same status, not extended, not returned);
  // anything specialists have worked on since keeps its own dates.
  for (const a of applications) {
    await em.nativeUpdate(
      RentalApplication,
      { id: a.id, status: a.status } as never,
      { appliedOn: a.appliedOn, appliedAt: a.appliedAt, requestedDays: a.requestedDays } as never,
    );
  }
  for (const c of contracts) {
    const { signedOn, issuedOn, dueOn, contractNumber, handOverActNumber, feeKopecks, free, priceReason } = c;
    await em.nativeUpdate(
      RentalContract,
      { id: c.id, status: ContractStatus.ACTIVE, extensionsCount: 0, returnedOn: null } as never,
      { signedOn, issuedOn, dueOn, contractNumber, handOverActNumber, feeKopecks, free, priceReason } as never,
    );
  }
}
