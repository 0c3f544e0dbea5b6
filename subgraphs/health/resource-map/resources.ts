import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO_ORGANIZATIONS as ORG } from '../../kit/demo/organizations';
import { ProvidedService, resourcesResolver, territoryStub } from '../../conventions/resource-map/contract';
import { stableId } from '../../kit/domain/stable-id';

export const Territory = territoryStub();

/** Health's supply on the map: medical rehabilitation and sanatorium places of its organizations. */
export const HealthResourcesResolver = resourcesResolver(Territory, 'HEALTH', 'healthResources');

/** The demo providers' services with their places (synthetic figures). */
export async function loadDemoServices(em: EntityManager): Promise<void> {
  await em.upsertMany(ProvidedService, [
    {
      id: stableId('provided-service', 'health-irk-rehabilitation'),
      territoryOktmo: ORG.irkutskChildrenClinic.oktmo,
      serviceKind: 'MEDICAL_REHABILITATION',
      name: 'Отделение медицинской реабилитации детей',
      organizationId: ORG.irkutskChildrenClinic.id,
      address: 'г. Иркутск, ул. Больничная (демо), 1',
      latitude: 52.2791,
      longitude: 104.2806,
      openingHours: 'пн–сб 8:00–20:00',
      phone: '+7 3952 00-00-01',
      capacityTotal: 30,
      capacityUsed: 26,
      unit: 'places',
    },
    {
      id: stableId('provided-service', 'health-brk-rehabilitation'),
      territoryOktmo: ORG.bratskHospital.oktmo,
      serviceKind: 'MEDICAL_REHABILITATION',
      name: 'Реабилитационное отделение',
      organizationId: ORG.bratskHospital.id,
      address: 'г. Братск, ул. Больничная (демо), 2',
      latitude: 56.1601,
      longitude: 101.6101,
      openingHours: 'пн–пт 8:00–18:00',
      phone: '+7 3953 00-00-02',
      capacityTotal: 20,
      capacityUsed: 20,
      unit: 'places',
    },
  ]);
}
