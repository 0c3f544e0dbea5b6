import { statisticsReportReference } from '../conventions/statistics/contract';
import { StatisticsReportEntity } from './statistics/statistics.resolver';
import type { SubgraphModule } from '../kit/platform/subgraph';
import { RentalApplicationResolver } from './application/application.resolver';
import { RentalApplication } from './application/rental-application.entity';
import { RentalContractResolver } from './contract/contract.resolver';
import { RentalContract } from './contract/rental-contract.entity';
import { RentalReservationResolver } from './contract/reservation.resolver';
import { loadDemoData } from './data/demo-data';
import { loadReferenceData } from './data/reference-data';
import { IssueJournalEntryResolver, JournalResolver, MovementJournalEntryResolver } from './journal/journal.resolver';
import { migrations } from './migrations';
import { accessLogResolver } from '../conventions/access-log/contract';
import { ProvidedService } from '../conventions/resource-map/contract';
import { RentalFundResourcesResolver, Territory } from './resource-map/resources';
import { RentalStatisticsResolver } from './statistics/statistics.resolver';
import { Person } from './person/person.entity';
import { PersonResolver } from './person/person.resolver';
import { rentalFundReferences } from './references';
import { AidType } from './stock/aid-type.entity';
import { RentalItem } from './stock/rental-item.entity';
import { Organization } from '../conventions/organization-reference';
import { RentalPoint } from './stock/rental-point.entity';
import { AidCapacityResolver, RentalItemResolver, RentalPointResolver } from './stock/stock.resolver';

/**
 * The rental fund of technical rehabilitation aids (seed 004 annex 1): catalogue and stock per
 * rental point, applications and their queue, contracts with returns and extensions, journals.
 */
export const rentalFund: SubgraphModule = {
  name: 'rental-fund',
  agency: 'RENTAL_FUND',
  entities: [AidType, RentalPoint, RentalItem, RentalApplication, RentalContract, ProvidedService],
  migrations,
  resolvers: [
    PersonResolver,
    RentalPointResolver,
    AidCapacityResolver,
    RentalItemResolver,
    RentalApplicationResolver,
    RentalContractResolver,
    JournalResolver,
    IssueJournalEntryResolver,
    MovementJournalEntryResolver,
    accessLogResolver(Person, 'RENTAL_FUND', 'rentalFundAccessLog'),
    RentalFundResourcesResolver,
    RentalStatisticsResolver,
    RentalReservationResolver,
  ],
  orphanedTypes: [Person, Organization, Territory, StatisticsReportEntity],
  referenceResolvers: {
    ...rentalFundReferences,
    StatisticsReport: statisticsReportReference,
    Territory: { __resolveReference: (reference: { oktmo: string }) => reference },
    // The representation carries `agencyAccess` (@requires); keep it for the field resolvers.
    Person: { __resolveReference: (reference: Person) => reference },
  },
  loadReferenceData,
  loadDemoData,
};
