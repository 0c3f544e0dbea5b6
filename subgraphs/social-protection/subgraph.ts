import type { SubgraphModule } from '../kit/subgraph';
import { loadDemoData } from './data/demo-data';
import { loadReferenceData } from './data/reference-data';
import { Family, FamilyMember } from './family/family.entity';
import { familyReference } from './family/family.reference';
import { FamilyMemberResolver, FamilyResolver } from './family/family.resolver';
import { migrations } from './migrations';
import { Consent } from './consent/consent.entity';
import { AgencyAccessResolver } from './person/agency-access.resolver';
import { Organization } from './organization/organization.entity';
import { OrganizationResolver, organizationReference } from './organization/organization.resolver';
import { Person } from './person/person.entity';
import { personReference } from './person/person.reference';
import { PersonResolver } from './person/person.resolver';
import { Territory } from './territory/territory.entity';
import { TerritoryResolver, territoryReference } from './territory/territory.resolver';

/** Social protection: owner of people, families, organizations and territories; home of the coordinator. */
export const socialProtection: SubgraphModule = {
  name: 'social-protection',
  agency: 'SOCIAL_PROTECTION',
  entities: [Territory, Organization, Person, Family, FamilyMember, Consent],
  migrations,
  resolvers: [TerritoryResolver, OrganizationResolver, PersonResolver, AgencyAccessResolver, FamilyResolver, FamilyMemberResolver],
  referenceResolvers: {
    Person: personReference,
    Family: familyReference,
    Organization: organizationReference,
    Territory: territoryReference,
  },
  loadReferenceData,
  loadDemoData,
};
