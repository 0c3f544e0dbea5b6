import { statisticsReportReference } from '../conventions/statistics/contract';
import { HealthStatisticsResolver, StatisticsReportEntity } from './statistics/statistics';
import { accessLogResolver } from '../conventions/access-log/contract';
import { ProvidedService } from '../conventions/resource-map/contract';
import type { SubgraphModule } from '../kit/platform/subgraph';
import { HealthResourcesResolver, loadDemoServices, Territory } from './resource-map/resources';
import { ClinicAttachment } from './attachment/clinic-attachment.entity';
import { loadDemoData } from './data/demo-data';
import { Ipra, IpraMeasure } from './ipra/ipra.entity';
import { IpraMeasureResolver, IpraResolver, RehabilitationCourseResolver } from './ipra/ipra.resolver';
import { migrations } from './migrations';
import { MseReferral } from './mse/mse-referral.entity';
import { Person } from './person/person.entity';
import { PersonResolver } from './person/person.resolver';
import { RehabilitationCourse } from './rehabilitation/rehabilitation-course.entity';
import { SignalOutbox } from './signal-outbox/signal-outbox.entity';
import { Organization } from '../conventions/organization-reference';
import { agencyRecordReference } from '../kit/policy/record-reference';
import { AGENCY } from './shared/agency';

/**
 * Health: IPRAs with their measures by section and the execution reported back, MSE referrals and
 * re-examination dates, rehabilitation courses, clinic attachment (issue 5); a new IPRA becomes a
 * signal to social protection through the outbox (seed 003 §15 item 1; signal-outbox/).
 */
export const health: SubgraphModule = {
  name: 'health',
  agency: 'HEALTH',
  entities: [Ipra, IpraMeasure, MseReferral, RehabilitationCourse, ClinicAttachment, SignalOutbox, ProvidedService],
  migrations,
  resolvers: [
    PersonResolver,
    IpraResolver,
    IpraMeasureResolver,
    RehabilitationCourseResolver,
    HealthResourcesResolver,
    accessLogResolver(Person, 'HEALTH', 'healthAccessLog'),
    HealthStatisticsResolver,
  ],
  orphanedTypes: [Person, Organization, MseReferral, RehabilitationCourse, ClinicAttachment, Territory, StatisticsReportEntity],
  referenceResolvers: {
    StatisticsReport: statisticsReportReference,
    // The representation carries `agencyAccess` (@requires); keep it for the field resolvers.
    Person: { __resolveReference: (reference: Person) => reference },
    Territory: { __resolveReference: (reference: { oktmo: string }) => reference },
    // Health's own records, refetched by id (CONVENTIONS §7.4): one statement per type and request, health specialists only.
    Ipra: agencyRecordReference(AGENCY, Ipra, 'Ipra'),
    IpraMeasure: agencyRecordReference(AGENCY, IpraMeasure, 'IpraMeasure'),
    MseReferral: agencyRecordReference(AGENCY, MseReferral, 'MseReferral'),
    RehabilitationCourse: agencyRecordReference(AGENCY, RehabilitationCourse, 'RehabilitationCourse'),
    ClinicAttachment: agencyRecordReference(AGENCY, ClinicAttachment, 'ClinicAttachment'),
  },
  async loadDemoData(em) {
    await loadDemoData(em);
    await loadDemoServices(em);
  },
};
