import { accessLogResolver, ProvidedService, type SubgraphModule } from '@federation-hub/partner-kit';
import { AGENCY, SERVICE_NAME } from './agency';
import { SectionAttendanceResolver } from './attendance/attendance.resolver';
import { SectionAttendance } from './attendance/section-attendance.entity';
import { SectionEnrolmentResolver } from './enrolment/enrolment.resolver';
import { SectionEnrolment } from './enrolment/section-enrolment.entity';
import { migrations } from './migrations';
import { CultureRouteResolver } from './person/culture-route';
import { Person } from './person/person';
import { CultureResourcesResolver, Territory } from './resource-map/resources';
import { loadSections } from './sections/reference-data';
import { Section } from './sections/section.entity';
import { SectionResolver } from './sections/section.resolver';

/** The centre of adaptive sport and culture for disabled children, as one subgraph of the hub (schema/CONVENTIONS.md). */
export const culture: SubgraphModule = {
  name: SERVICE_NAME,
  agency: AGENCY,
  entities: [Section, SectionEnrolment, SectionAttendance, ProvidedService],
  migrations,
  resolvers: [
    SectionResolver,
    SectionEnrolmentResolver,
    SectionAttendanceResolver,
    CultureRouteResolver,
    CultureResourcesResolver,
    accessLogResolver(Person, AGENCY, 'cultureAccessLog'),
  ],
  orphanedTypes: [Person, Territory],
  referenceResolvers: {
    // The representation carries `agencyAccess` (@requires); the field resolvers read it.
    Person: { __resolveReference: (reference: Person) => reference },
    Territory: { __resolveReference: (reference: { oktmo: string }) => reference },
  },
  loadReferenceData: loadSections,
};
