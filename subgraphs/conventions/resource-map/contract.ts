import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Ctx, Directive, Field, FieldResolver, Float, ID, Int, ObjectType, Resolver, Root, type ClassType } from 'type-graphql';
import { CONVENTION_TAG } from '../tags';
import type { HubContext } from '../../kit/platform/context';
import { alignMany } from '../../kit/platform/loaders';
import { globalId } from '../../kit/platform/global-id';

/**
 * THE RESOURCE-MAP CONVENTION (seed 003 §34.2: resource centres map the territory's resources).
 * Every agency adds one `Territory` field of type `AgencyResources` (`<agencyCamel>Resources`, tagged hub-resources); the
 * assembly subgraph `@requires` them for `Territory.resourceMap`, next to social protection's demand. Shapes follow Open Referral
 * HSDS 3.1: organization → service → location (service_at_location) → service_capacity, so an HSDS export
 * is a projection of these rows. Only aggregates and public provider data: open to analysts.
 */
@Directive('@shareable')
@ObjectType({ description: 'A service offered at a location, with its capacity (HSDS service_at_location + service_capacity).' })
export class ServiceCapacity {
  @Field({
    description:
      'Service kind (partners may add kinds): EARLY_HELP, MEDICAL_REHABILITATION, SANATORIUM_TREATMENT, INCLUSIVE_EDUCATION, PSYCHOLOGICAL_PEDAGOGICAL, QUOTA_JOBS, SOCIAL_EMPLOYMENT, VOCATIONAL_TRAINING, TECHNICAL_AID_RENTAL, SOCIAL_SUPPORT, ...',
  })
  serviceKind!: string;

  @Field({ description: 'HSDS service.name: what the provider calls the service, in Russian.' })
  name!: string;

  @Field({ description: 'Agency code of the agency that offers the service.' })
  agency!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'The global id of the provider (`Organization.id` of the regional directory; HSDS organization), null when the directory has none.',
  })
  organizationId!: string | null;

  @Field(() => String, { nullable: true, description: 'HSDS location: where the service is given.' })
  address!: string | null;

  @Field(() => Float, { nullable: true, description: 'Latitude of the location (WGS 84), null when not geocoded.' })
  latitude!: number | null;

  @Field(() => Float, { nullable: true, description: 'Longitude of the location (WGS 84), null when not geocoded.' })
  longitude!: number | null;

  @Field(() => String, { nullable: true, description: 'HSDS schedule, as free text.' })
  openingHours!: string | null;

  @Field(() => String, { nullable: true, description: 'HSDS phone of the service, as the provider publishes it.' })
  phone!: string | null;

  @Field(() => Int, { nullable: true, description: 'HSDS service_capacity: places (or items) in total.' })
  capacityTotal!: number | null;

  @Field(() => Int, { nullable: true, description: 'Places (or items) free now.' })
  capacityAvailable!: number | null;

  @Field(() => Int, { nullable: true, description: 'People waiting.' })
  queueLength!: number | null;

  @Field({ description: 'What capacity counts: places, items, jobs.' })
  unit!: string;
}

@Directive('@shareable')
@ObjectType({ description: "One agency's providers and capacity on a territory." })
export class AgencyResources {
  @Field({ description: 'Agency code of the agency whose providers these are.' })
  agency!: string;

  @Field(() => [ServiceCapacity], {
    description: "The agency's services on the territory: its directory of providers there, with live capacity.",
  })
  services!: ServiceCapacity[];
}

/** A service an agency offers at a location with a fixed capacity (places of an early-help service, sanatorium beds…). */
@Entity({ tableName: 'provided_service' })
export class ProvidedService {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 11, index: true })
  territoryOktmo!: string;

  @Property({ type: 'string', length: 64 })
  serviceKind!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'uuid', nullable: true })
  organizationId!: string | null;

  @Property({ type: 'text', nullable: true })
  address!: string | null;

  @Property({ type: 'double', nullable: true })
  latitude!: number | null;

  @Property({ type: 'double', nullable: true })
  longitude!: number | null;

  @Property({ type: 'text', nullable: true })
  openingHours!: string | null;

  @Property({ type: 'text', nullable: true })
  phone!: string | null;

  @Property({ type: 'integer', nullable: true })
  capacityTotal!: number | null;

  @Property({ type: 'integer', nullable: true })
  capacityUsed!: number | null;

  @Property({ type: 'string', length: 32, default: 'places' })
  unit: string = 'places';
}

export type LiveCapacity = (ctx: HubContext, oktmos: readonly string[]) => Promise<Map<string, ServiceCapacity[]>>;

/**
 * The `<agencyCamel>Resources` field of one agency: its fixed services (provided_service) plus live capacity the
 * agency computes itself (free rental items, quota jobs), for all territories of the request in one pass.
 */
export function resourcesResolver(territoryType: ClassType<{ oktmo: string }>, agency: string, fieldName: string, live?: LiveCapacity) {
  @Resolver(() => territoryType)
  class ResourcesResolver {
    @Directive(CONVENTION_TAG.resources)
    @FieldResolver(() => AgencyResources, {
      name: fieldName,
      // Nullable: an agency that fails or refuses leaves the territory and the other agencies' resources in place.
      nullable: true,
      description: `Providers and capacity of ${agency} on the territory (resource map convention). Null when ${agency} does not answer: the error at this path says why.`,
    })
    async resources(@Root() territory: { oktmo: string }, @Ctx() ctx: HubContext): Promise<AgencyResources> {
      const loader = ctx.loaders.get<string, ServiceCapacity[]>(`${fieldName}.territory`, async (oktmos) => {
        const [rows, liveByTerritory] = await Promise.all([
          ctx.em.find(ProvidedService, { territoryOktmo: { $in: [...oktmos] } }, { orderBy: { serviceKind: 'asc', name: 'asc' } }),
          live ? live(ctx, oktmos) : Promise.resolve(new Map<string, ServiceCapacity[]>()),
        ]);
        const fixed = alignMany(oktmos, rows, (r) => r.territoryOktmo);
        return oktmos.map((oktmo, i) => [
          ...fixed[i].map((r) => ({
            serviceKind: r.serviceKind,
            name: r.name,
            agency,
            organizationId: r.organizationId ? globalId('Organization', r.organizationId) : null,
            address: r.address,
            latitude: r.latitude,
            longitude: r.longitude,
            openingHours: r.openingHours,
            phone: r.phone,
            capacityTotal: r.capacityTotal,
            capacityAvailable: r.capacityTotal === null ? null : Math.max(0, r.capacityTotal - (r.capacityUsed ?? 0)),
            queueLength: null,
            unit: r.unit,
          })),
          ...(liveByTerritory.get(oktmo) ?? []).map((s) => ({
            ...s,
            organizationId: s.organizationId ? globalId('Organization', s.organizationId) : null,
          })),
        ]);
      });
      return { agency, services: await loader.load(territory.oktmo) };
    }
  }
  return ResourcesResolver;
}

/** The `Territory` stub an agency extends; social protection owns territories. */
export function territoryStub() {
  @Directive('@key(fields: "oktmo")')
  @ObjectType('Territory', { description: 'A municipal territory of the region, by its OKTMO code; social protection owns territories.' })
  class Territory {
    @Field(() => ID, { description: 'OKTMO code of the territory (OK 033-2013).' })
    oktmo!: string;
  }
  return Territory;
}
