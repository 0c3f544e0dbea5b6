import { statisticsReportReference } from '../conventions/statistics/contract';
import { EducationStatisticsResolver, StatisticsReportEntity } from './statistics/statistics';
import { accessLogResolver } from '../conventions/access-log/contract';
import { ProvidedService } from '../conventions/resource-map/contract';
import type { SubgraphModule } from '../kit/platform/subgraph';
import { EducationResourcesResolver, loadDemoServices, Territory } from './resource-map/resources';
import { loadDemoData } from './data/demo-data';
import { EarlyHelpProgramme } from './early-help/early-help-programme.entity';
import { EarlyHelpSession } from './early-help/early-help-session.entity';
import { EarlyHelpProgrammeResolver, EarlyHelpSessionResolver } from './early-help/early-help.resolver';
import { Enrolment } from './enrolment/enrolment.entity';
import { EnrolmentResolver } from './enrolment/enrolment.resolver';
import { migrations } from './migrations';
import { Person } from './person/person.entity';
import { PersonResolver } from './person/person.resolver';
import { PmpkConclusion } from './pmpk/pmpk-conclusion.entity';
import { PmpkConclusionResolver } from './pmpk/pmpk.resolver';
import { Organization } from '../conventions/organization-reference';
import { agencyRecordReference } from '../kit/policy/record-reference';
import { AGENCY } from './shared/specialist.policy';
import { VocationalGuidance } from './vocational-guidance/vocational-guidance.entity';
import { VocationalGuidanceResolver } from './vocational-guidance/vocational-guidance.resolver';

/** Education: early help 0–3, PMPK conclusions, enrolment, vocational guidance from 14 (seed 003 §4.3, §8.1–8.5). */
export const education: SubgraphModule = {
  name: 'education',
  agency: 'EDUCATION',
  entities: [EarlyHelpProgramme, EarlyHelpSession, PmpkConclusion, Enrolment, VocationalGuidance, ProvidedService],
  migrations,
  resolvers: [
    PersonResolver,
    EarlyHelpProgrammeResolver,
    EarlyHelpSessionResolver,
    PmpkConclusionResolver,
    EnrolmentResolver,
    VocationalGuidanceResolver,
    EducationResourcesResolver,
    accessLogResolver(Person, 'EDUCATION', 'educationAccessLog'),
    EducationStatisticsResolver,
  ],
  orphanedTypes: [Person, Organization, Territory, StatisticsReportEntity],
  referenceResolvers: {
    StatisticsReport: statisticsReportReference,
    // The representation carries `agencyAccess` and `birthDate` (@requires); keep it for the field resolvers.
    Person: { __resolveReference: (reference: Person) => reference },
    Territory: { __resolveReference: (reference: { oktmo: string }) => reference },
    // Education's records, refetched by id (node, a route step's record): one statement per batch, the same policy
    // and audit as the person's fields that list them (shared/record-reference.ts).
    EarlyHelpProgramme: agencyRecordReference(AGENCY, EarlyHelpProgramme, 'EarlyHelpProgramme'),
    EarlyHelpSession: agencyRecordReference(AGENCY, EarlyHelpSession, 'EarlyHelpSession'),
    PmpkConclusion: agencyRecordReference(AGENCY, PmpkConclusion, 'PmpkConclusion'),
    Enrolment: agencyRecordReference(AGENCY, Enrolment, 'Enrolment'),
    VocationalGuidance: agencyRecordReference(AGENCY, VocationalGuidance, 'VocationalGuidance'),
  },
  async loadDemoData(em) {
    await loadDemoData(em);
    await loadDemoServices(em);
  },
};
