import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { daysFromToday } from '../../subgraphs/kit/demo/dates';
import { Migration } from '@mikro-orm/migrations';
import { Ctx, Directive, Field, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { AGENCY_ACCESS_REQUIRES, AgencyAccess, agencyRouteAccess } from '../../subgraphs/kit/policy/agency-access';
import type { HubContext } from '../../subgraphs/kit/platform/context';
import { loaderManyBy } from '../../subgraphs/kit/platform/entity-loaders';
import { RouteContribution, RouteStepStatus, stepId, type AgencyRoute } from '../../subgraphs/conventions/route/contract';
import type { SubgraphModule } from '../../subgraphs/kit/platform/subgraph';
import { ProvidedService, resourcesResolver, territoryStub } from '../../subgraphs/conventions/resource-map/contract';
import { accessLogResolver } from '../../subgraphs/conventions/access-log/contract';

const Territory = territoryStub();
const CultureResourcesResolver = resourcesResolver(Territory, 'CULTURE', 'cultureResources');

/**
 * A sixth, test-only subgraph: a partner agency (the ministry of culture, seed 003 §2, §23) that
 * follows the route convention of schema/CONVENTIONS.md using only the kit. Nothing else in the
 * hub knows it exists.
 */
const AGENCY = 'CULTURE';

@Entity({ tableName: 'culture_visit' })
class CultureVisit {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'date' })
  visitOn!: string;
}

@Directive('@key(fields: "id")')
@ObjectType()
class Person {
  @Field(() => ID)
  id!: string;

  @Directive('@external')
  @Field(() => AgencyAccess)
  agencyAccess?: AgencyAccess;
}

export const partnerSettings = { delayMs: 0 };

@Resolver(() => Person)
class CulturePersonResolver {
  @Directive(AGENCY_ACCESS_REQUIRES)
  @RouteContribution(AGENCY, { description: "Culture's part of the person's route." })
  async cultureRoute(@Root() person: Person, @Ctx() ctx: HubContext): Promise<AgencyRoute> {
    const withheld = agencyRouteAccess(ctx, AGENCY, person, 'Person.cultureRoute');
    if (withheld) return withheld;
    if (partnerSettings.delayMs) await new Promise((r) => setTimeout(r, partnerSettings.delayMs));
    const visits = await loaderManyBy(ctx, CultureVisit, 'personId').load(person.id);
    return {
      agency: AGENCY,
      alerts: [],
      steps: visits.map((v) => ({
        id: stepId(AGENCY, 'CultureVisit', v.id),
        personId: v.personId,
        agency: AGENCY,
        kind: 'INCLUSIVE_CULTURE_EVENT',
        title: v.title,
        status: RouteStepStatus.DONE,
        period: { startsOn: v.visitOn, endsOn: v.visitOn },
        dueOn: null,
        organizationId: null,
        responsible: null,
        recordType: 'CultureVisit',
        recordId: v.id,
        followsFrom: [],
        executorAgency: null,
      })),
    };
  }
}

class CultureInitial extends Migration {
  async up(): Promise<void> {
    this.addSql(
      'create table "culture_visit" ("id" uuid primary key, "person_id" uuid not null, "title" text not null, "visit_on" date not null);',
    );
    this.addSql('create index "culture_visit_person_id_index" on "culture_visit" ("person_id");');
    this.addSql(
      'create table "provided_service" ("id" uuid primary key, "territory_oktmo" varchar(11) not null, "service_kind" varchar(64) not null, ' +
        '"name" text not null, "organization_id" uuid null, "address" text null, "latitude" double precision null, "longitude" double precision null, ' +
        '"opening_hours" text null, "phone" text null, "capacity_total" int null, "capacity_used" int null, "unit" varchar(32) not null default \'places\');',
    );
    this.addSql(
      'create table "audit_record" ("id" uuid primary key, "at" timestamptz not null default now(), "subgraph" varchar(64) not null, ' +
        '"request_id" uuid not null, "subject" text not null, "role" varchar(32) not null, "organization_id" text null, ' +
        '"action" varchar(16) not null, "operation" text not null, "person_ids" uuid[] not null, "reason" text null);',
    );
  }
}

export function culturePartner(personId: string): SubgraphModule {
  return {
    name: 'culture',
    agency: AGENCY,
    entities: [CultureVisit, ProvidedService],
    migrations: [{ name: 'CultureInitial', class: CultureInitial }],
    // Its own access log (CONVENTIONS §4): the registry refuses a partner that adds data to Person without one.
    resolvers: [CulturePersonResolver, CultureResourcesResolver, accessLogResolver(Person, AGENCY, 'cultureAccessLog')],
    orphanedTypes: [Person, Territory],
    referenceResolvers: {
      Person: { __resolveReference: (reference: Person) => reference },
      Territory: { __resolveReference: (reference: { oktmo: string }) => reference },
    },
    async loadDemoData(em) {
      await em.upsert(ProvidedService, {
        id: '0c0c0c0c-0000-4000-8000-000000000002',
        territoryOktmo: '25701000',
        serviceKind: 'INCLUSIVE_CULTURE',
        name: 'Инклюзивная театральная студия',
        organizationId: null,
        address: 'г. Иркутск (демо)',
        latitude: null,
        longitude: null,
        openingHours: 'сб 11:00–14:00',
        phone: null,
        capacityTotal: 15,
        capacityUsed: 9,
        unit: 'places',
      });
      await em.upsert(CultureVisit, {
        id: '0c0c0c0c-0000-4000-8000-000000000001',
        personId,
        title: 'Инклюзивный спектакль в драмтеатре',
        visitOn: daysFromToday(-50),
      });
    },
  };
}
