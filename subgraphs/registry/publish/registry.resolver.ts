import { GraphQLJSONObject } from 'graphql-scalars';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Organization, organizationRef } from '../../conventions/organization-reference';
import { checkPageSize, Connection, decodeCursor, pageOf, PageArgs, type Page } from '../../kit/platform/connection';
import type { HubContext } from '../../kit/platform/context';
import { MutationPayload, payloadOf } from '../../kit/platform/user-errors';
import { Role } from '../../kit/policy/roles';
import { SubgraphCheckReport } from '../checks/report';
import { GraphVersion } from '../graph/graph-version.entity';
import { RegisteredSubgraph, SubgraphStatus } from '../subgraph/registered-subgraph.entity';
import { SubgraphSchemaVersion } from '../subgraph/schema-version.entity';
import { CheckFailed, checkSubgraph, publishSubgraph, retireSubgraph, rollbackGraph, type GraphChange } from './graph-changes';

@InputType({ description: 'A subgraph schema to check against the current graph: nothing is written.' })
export class SubgraphSchemaInput {
  @Field({ description: 'Service name: lower case letters, digits and dashes, 2–40 characters, e.g. `culture`.' })
  name!: string;

  @Field({ description: 'The URL the gateways would call (http or https); the registry asks it for `_service { sdl }`.' })
  url!: string;

  @Field(() => String, { nullable: true, description: 'The subgraph schema (SDL); when left out, the one the URL serves is checked.' })
  sdl?: string | null;
}

@InputType({ description: 'A partner subgraph to register or a new schema (or URL) of one, with why.' })
export class PublishSubgraphInput {
  @Field({
    description: 'Service name: lower case letters, digits and dashes, 2–40 characters; its agency code is it in upper snake case.',
  })
  name!: string;

  @Field({ description: 'The URL the gateways call (http or https); it must answer `_service { sdl }` with the schema published.' })
  url!: string;

  @Field(() => String, { nullable: true, description: 'The subgraph schema (SDL); when left out, the one the URL serves is published.' })
  sdl?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The id of the organization that owns the subgraph; required to register a new partner.',
  })
  ownerOrganizationId?: string | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'The partner’s Ed25519 public key set (JWKS `{"keys": [...]}`), checked.',
  })
  publicKeySet?: Record<string, unknown> | null;

  @Field({ description: 'Why it is published: the graph history shows it.' })
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Client-supplied key, 1–200 characters: a retry with the same key answers what the first call published.',
  })
  idempotencyKey?: string | null;
}

@InputType({ description: 'A partner subgraph to take out of the graph for good.' })
export class RetireSubgraphInput {
  @Field({ description: 'Service name of the partner subgraph.' })
  name!: string;

  @Field({ description: 'Why it leaves: the graph history shows it.' })
  reason!: string;
}

@InputType({ description: 'An earlier version of the graph to publish again.' })
export class RollbackGraphInput {
  @Field(() => Int, { nullable: true, description: 'The version to go back to; the version before the current one when left out.' })
  toVersion?: number | null;

  @Field({ description: 'Why the graph goes back: the graph history shows it.' })
  reason!: string;
}

@ObjectType({ description: 'The answer to publishSubgraph: the subgraph and the new graph version, the checks run; or userErrors.' })
export class PublishSubgraphPayload extends MutationPayload {
  @Field(() => RegisteredSubgraph, { nullable: true, description: 'The subgraph as registered now; null when refused.' })
  subgraph!: RegisteredSubgraph | null;

  @Field(() => GraphVersion, { nullable: true, description: 'The graph version with the schema in it; null when refused.' })
  graphVersion!: GraphVersion | null;

  @Field(() => SubgraphCheckReport, { nullable: true, description: 'The checks run: what failed when refused with CHECK_FAILED.' })
  check!: SubgraphCheckReport | null;
}

@ObjectType({ description: 'The answer to retireSubgraph: the retired subgraph and the graph version without it; or userErrors.' })
export class RetireSubgraphPayload extends MutationPayload {
  @Field(() => RegisteredSubgraph, { nullable: true, description: 'The subgraph, now RETIRED; null when refused.' })
  subgraph!: RegisteredSubgraph | null;

  @Field(() => GraphVersion, { nullable: true, description: 'The graph version without it; null when refused.' })
  graphVersion!: GraphVersion | null;
}

@ObjectType({ description: 'The answer to rollbackGraph: the new ROLLBACK graph version; or userErrors.' })
export class RollbackGraphPayload extends MutationPayload {
  @Field(() => GraphVersion, { nullable: true, description: 'The new graph version, a copy of the one rolled back to; null when refused.' })
  graphVersion!: GraphVersion | null;
}

@ObjectType({ description: 'A page of registered subgraphs, by name.' })
export class RegisteredSubgraphConnection extends Connection(RegisteredSubgraph) {}

@ObjectType({ description: 'A page of the graph history, newest version first.' })
export class GraphVersionConnection extends Connection(GraphVersion) {}

/** A graph change as a payload, keeping the check report a CHECK_FAILED refusal carries. */
async function changePayload(ctx: HubContext, work: () => Promise<GraphChange>) {
  let refused: SubgraphCheckReport | null = null;
  const payload = await payloadOf(ctx, async () => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof CheckFailed) refused = error.report;
      throw error;
    }
  });
  const refusedOnly = payload.userErrors.length > 0;
  return {
    ...payload,
    subgraph: refusedOnly ? null : payload.subgraph,
    graphVersion: refusedOnly ? null : payload.graphVersion,
    check: refusedOnly ? refused : payload.check,
  };
}

/** The schema registry's API (issue 16 §1, §2): administrators only. */
@Resolver()
export class RegistryResolver {
  @Authorized(Role.ADMINISTRATOR)
  @Query(() => RegisteredSubgraphConnection, {
    nullable: true,
    description: 'The registered subgraphs by name, founding agencies included (administrators).',
  })
  async registeredSubgraphs(
    @Args() { first, after }: PageArgs,
    @Arg('status', () => SubgraphStatus, { nullable: true, description: 'Only the subgraphs in this status.' })
    status: SubgraphStatus | null,
    @Ctx() ctx: HubContext,
  ): Promise<Page<RegisteredSubgraph>> {
    checkPageSize(first);
    const cursor = decodeCursor(after, 1);
    const where = status ? { status } : {};
    const [rows, total] = await Promise.all([
      ctx.em.find(
        RegisteredSubgraph,
        { ...where, ...(cursor ? { name: { $gt: String(cursor[0]) } } : {}) },
        { orderBy: { name: 'asc' }, limit: first + 1 },
      ),
      ctx.em.count(RegisteredSubgraph, where),
    ]);
    return pageOf(rows, total, first, cursor, (s) => [s.name]);
  }

  @Authorized(Role.ADMINISTRATOR)
  @Query(() => RegisteredSubgraph, {
    nullable: true,
    description: 'One registered subgraph by name; null when none has it (administrators).',
  })
  registeredSubgraph(@Arg('name', { description: 'Service name of the subgraph.' }) name: string, @Ctx() ctx: HubContext) {
    return ctx.em.findOne(RegisteredSubgraph, { name });
  }

  @Authorized(Role.ADMINISTRATOR)
  @Query(() => GraphVersionConnection, {
    nullable: true,
    description: 'The versions of the graph, newest first: who changed the graph, when and why (administrators).',
  })
  async graphHistory(@Args() { first, after }: PageArgs, @Ctx() ctx: HubContext): Promise<Page<GraphVersion>> {
    checkPageSize(first);
    const cursor = decodeCursor(after, 1);
    const [rows, total] = await Promise.all([
      ctx.em.find(GraphVersion, cursor ? { number: { $lt: Number(cursor[0]) } } : {}, { orderBy: { number: 'desc' }, limit: first + 1 }),
      ctx.em.count(GraphVersion, {}),
    ]);
    return pageOf(rows, total, first, cursor, (v) => [v.number]);
  }

  @Authorized(Role.ADMINISTRATOR)
  @Query(() => SubgraphCheckReport, {
    nullable: true,
    description: 'Runs the checks publishSubgraph runs (composition, breaking changes, conventions, reachability); changes nothing.',
  })
  checkSubgraph(
    @Arg('input', () => SubgraphSchemaInput, { description: 'The subgraph and schema to check.' }) input: SubgraphSchemaInput,
    @Ctx() ctx: HubContext,
  ) {
    return checkSubgraph(ctx, input);
  }

  @Authorized(Role.ADMINISTRATOR)
  @Mutation(() => PublishSubgraphPayload, {
    description: 'Registers a partner subgraph or publishes its new schema after the checks; records a PUBLISH graph version.',
  })
  publishSubgraph(
    @Arg('input', () => PublishSubgraphInput, { description: 'The subgraph to publish, and why.' }) input: PublishSubgraphInput,
    @Ctx() ctx: HubContext,
  ) {
    return changePayload(ctx, () => publishSubgraph(ctx, input));
  }

  @Authorized(Role.ADMINISTRATOR)
  @Mutation(() => RetireSubgraphPayload, {
    description: 'Takes a partner subgraph out of the graph for good; records a RETIRE graph version.',
  })
  retireSubgraph(
    @Arg('input', () => RetireSubgraphInput, { description: 'The partner to retire, and why.' }) input: RetireSubgraphInput,
    @Ctx() ctx: HubContext,
  ) {
    return changePayload(ctx, () => retireSubgraph(ctx, input));
  }

  @Authorized(Role.ADMINISTRATOR)
  @Mutation(() => RollbackGraphPayload, {
    description:
      'Publishes an earlier graph version’s subgraphs again (default: the version before the current one) as a ROLLBACK version.',
  })
  rollbackGraph(
    @Arg('input', () => RollbackGraphInput, { description: 'The version to go back to, and why.' }) input: RollbackGraphInput,
    @Ctx() ctx: HubContext,
  ) {
    return changePayload(ctx, () => rollbackGraph(ctx, input));
  }
}

@ObjectType({ description: 'A subgraph in one version of the graph, with the schema version it was in it with.' })
export class GraphMember {
  @Field({ description: 'Service name of the subgraph.' })
  name!: string;

  @Field(() => SubgraphSchemaVersion, { nullable: true, description: 'The schema it had in this graph version.' })
  schemaVersion!: SubgraphSchemaVersion | null;
}

/** What a graph version was composed of. */
@Resolver(() => GraphVersion)
export class GraphVersionResolver {
  @FieldResolver(() => [GraphMember], { description: 'Every subgraph in this version of the graph (the assembly excepted), by name.' })
  async members(@Root() version: GraphVersion, @Ctx() ctx: HubContext): Promise<GraphMember[]> {
    const schemas = await ctx.em.find(SubgraphSchemaVersion, { id: { $in: Object.values(version.members) } });
    const byId = new Map(schemas.map((s) => [s.id, s]));
    return Object.entries(version.members)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, id]) => ({ name, schemaVersion: byId.get(id) ?? null }));
  }
}

/** The owner of a partner subgraph as an edge to the regional directory (CONVENTIONS §7.4), and its current schema. */
@Resolver(() => RegisteredSubgraph)
export class RegisteredSubgraphResolver {
  @FieldResolver(() => SubgraphSchemaVersion, { nullable: true, description: 'The schema it published last; null before any.' })
  latestSchema(@Root() subgraph: RegisteredSubgraph, @Ctx() ctx: HubContext): Promise<SubgraphSchemaVersion | null> {
    return ctx.em.findOne(SubgraphSchemaVersion, { subgraph: subgraph.id }, { orderBy: { revision: 'desc' } });
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'The organization that owns the subgraph; null for founding agencies.',
  })
  ownerOrganization(@Root() subgraph: RegisteredSubgraph): Organization | null {
    return organizationRef(subgraph.ownerOrganizationId);
  }
}
