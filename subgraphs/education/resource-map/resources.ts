import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO_ORGANIZATIONS as ORG } from '../../kit/demo/organizations';
import { ProvidedService, resourcesResolver, territoryStub } from '../../conventions/resource-map/contract';
import { stableId } from '../../kit/domain/stable-id';

export const Territory = territoryStub();

/** Education's supply on the map: early-help services and places in inclusive and special classes. */
export const EducationResourcesResolver = resourcesResolver(Territory, 'EDUCATION', 'educationResources');

/** The demo providers' services with their places (synthetic figures). */
export async function loadDemoServices(em: EntityManager): Promise<void> {
  await em.upsertMany(ProvidedService, [
    {
      id: stableId('provided-service', 'edu-irk-inclusive'),
      territoryOktmo: ORG.irkutskSchool.oktmo,
      serviceKind: 'INCLUSIVE_EDUCATION',
      name: 'Инклюзивные классы',
      organizationId: ORG.irkutskSchool.id,
      address: 'г. Иркутск, ул. Школьная (демо), 10',
      latitude: 52.2869,
      longitude: 104.305,
      openingHours: 'пн–пт 8:00–18:00',
      phone: '+7 3952 00-00-10',
      capacityTotal: 25,
      capacityUsed: 18,
      unit: 'places',
    },
    {
      id: stableId('provided-service', 'edu-brk-early-help'),
      territoryOktmo: ORG.bratskEarlyHelp.oktmo,
      serviceKind: 'EARLY_HELP',
      name: 'Служба ранней помощи',
      organizationId: ORG.bratskEarlyHelp.id,
      address: 'г. Братск, ул. Детская (демо), 5',
      latitude: 56.1514,
      longitude: 101.6342,
      openingHours: 'пн–пт 9:00–17:00',
      phone: '+7 3953 00-00-05',
      capacityTotal: 12,
      capacityUsed: 11,
      unit: 'places',
    },
  ]);
}
