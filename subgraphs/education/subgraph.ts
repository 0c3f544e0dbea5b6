import type { SubgraphModule } from '../kit/subgraph';
import { migrations } from './migrations';
import { Person } from './person/person.entity';
import { PersonResolver } from './person/person.resolver';

/** Education: scaffold to be filled with the agency's records. */
export const education: SubgraphModule = {
  name: 'education',
  agency: 'EDUCATION',
  entities: [],
  migrations,
  resolvers: [PersonResolver],
  orphanedTypes: [Person],
  referenceResolvers: {
    // The representation carries `agencyAccess` (@requires); keep it for the field resolvers.
    Person: { __resolveReference: (reference: Person) => reference },
  },
};
