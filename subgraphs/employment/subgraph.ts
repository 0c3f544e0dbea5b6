import { statisticsReportReference } from '../conventions/statistics/contract';
import { EmploymentStatisticsResolver, StatisticsReportEntity } from './statistics/statistics';
import { accessLogResolver } from '../conventions/access-log/contract';
import { ProvidedService } from '../conventions/resource-map/contract';
import type { SubgraphModule } from '../kit/platform/subgraph';
import { EmploymentResourcesResolver, loadDemoServices, Territory } from './resource-map/resources';
import { loadDemoData } from './data/demo-data';
import { JobSeekerRegistration } from './job-seeker/job-seeker-registration.entity';
import { JobSeekerResolver } from './job-seeker/job-seeker.resolver';
import { migrations } from './migrations';
import { Person } from './person/person.entity';
import { PersonResolver } from './person/person.resolver';
import { JobPlacement } from './placement/job-placement.entity';
import { PlacementResolver } from './placement/placement.resolver';
import { QuotaJob } from './quota-job/quota-job.entity';
import { QuotaJobResolver } from './quota-job/quota-job.resolver';
import { SocialContractEmploymentMeasure } from './social-contract/social-contract-measure.entity';
import { SocialContractMeasureResolver } from './social-contract/social-contract.resolver';
import { SocialEmployment } from './social-employment/social-employment.entity';
import { SocialEmploymentResolver } from './social-employment/social-employment.resolver';
import { VocationalTraining } from './vocational-training/vocational-training.entity';
import { VocationalTrainingResolver } from './vocational-training/vocational-training.resolver';
import { agencyRecordReference } from '../kit/policy/record-reference';
import { AGENCY } from './shared/specialist.policy';
import { quotaJobReference } from './shared/references';

/**
 * Employment: job seekers, quota jobs and placements with the special measures of 181-FZ art. 20–21
 * (seed 003 §28), social employment (seed 003 §29), vocational training, social-contract measures (seed 004 annex 5).
 */
export const employment: SubgraphModule = {
  name: 'employment',
  agency: 'EMPLOYMENT',
  entities: [
    JobSeekerRegistration,
    QuotaJob,
    JobPlacement,
    SocialEmployment,
    VocationalTraining,
    SocialContractEmploymentMeasure,
    ProvidedService,
  ],
  migrations,
  resolvers: [
    PersonResolver,
    JobSeekerResolver,
    QuotaJobResolver,
    PlacementResolver,
    SocialEmploymentResolver,
    VocationalTrainingResolver,
    SocialContractMeasureResolver,
    EmploymentResourcesResolver,
    accessLogResolver(Person, 'EMPLOYMENT', 'employmentAccessLog'),
    EmploymentStatisticsResolver,
  ],
  orphanedTypes: [Person, Territory, StatisticsReportEntity],
  referenceResolvers: {
    StatisticsReport: statisticsReportReference,
    // The representation carries `agencyAccess` (@requires); keep it for the field resolvers.
    Person: { __resolveReference: (reference: Person) => reference },
    Territory: { __resolveReference: (reference: { oktmo: string }) => reference },
    // Employment's records, refetched by id (node, entity references): one statement per type per request, and
    // the same authorization as the person's fields that list them (shared/references.ts).
    JobSeekerRegistration: agencyRecordReference(AGENCY, JobSeekerRegistration, 'JobSeekerRegistration'),
    JobPlacement: agencyRecordReference(AGENCY, JobPlacement, 'JobPlacement'),
    SocialEmployment: agencyRecordReference(AGENCY, SocialEmployment, 'SocialEmployment'),
    VocationalTraining: agencyRecordReference(AGENCY, VocationalTraining, 'VocationalTraining'),
    SocialContractEmploymentMeasure: agencyRecordReference(AGENCY, SocialContractEmploymentMeasure, 'SocialContractEmploymentMeasure'),
    QuotaJob: quotaJobReference(QuotaJob),
  },
  async loadDemoData(em) {
    await loadDemoData(em);
    await loadDemoServices(em);
  },
};
