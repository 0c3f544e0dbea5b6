import { Directive, Field, FieldResolver, ID, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import { contributionTypeName, CONVENTION_TAG } from '../tags';
import { LocalDate } from '../../kit/platform/scalars';
import { Period } from '../../kit/platform/period';
import { globalId } from '../../kit/platform/global-id';
import { HubErrorCode } from '../../kit/platform/user-errors';

/**
 * THE ROUTE CONVENTION (documented for partners in schema/CONVENTIONS.md).
 * Every agency — founding or partner — adds ONE field to `Person`, declared with `@RouteContribution(agency)`
 * (by custom `<agencyCamel>Route`, e.g. `healthRoute`). The hub's assembly subgraph finds those fields when the
 * supergraph is composed and `@requires` them for `Family.route`; nobody else changes code when a partner joins.
 * The step, alert and withholding types are value types: identical in every subgraph, hence @shareable.
 */
export enum RouteStepStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  OVERDUE = 'OVERDUE',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(RouteStepStatus, {
  name: 'RouteStepStatus',
  description: 'Where a step of the route stands; the same words as the records behind the steps.',
  valuesConfig: {
    PLANNED: { description: 'Agreed or scheduled, not started yet.' },
    IN_PROGRESS: { description: 'Started and not finished.' },
    DONE: { description: 'Finished as planned.' },
    OVERDUE: { description: 'Still open after its deadline (`dueOn`), whatever the agency last wrote (seed 003 §36–37).' },
    DECLINED: { description: 'The family or the executing agency declined it.' },
    CANCELLED: { description: 'Called off before it was done.' },
  },
});

export enum AlertSeverity {
  INFO = 'INFO',
  WARNING = 'WARNING',
  CRITICAL = 'CRITICAL',
}
registerEnumType(AlertSeverity, {
  name: 'AlertSeverity',
  description: 'How urgently a coordinator should look at a route alert.',
  valuesConfig: {
    INFO: { description: 'For information: nothing is late (an agency hidden for lack of consent or access).' },
    WARNING: { description: 'Needs action soon: a deadline near, a referral missing.' },
    CRITICAL: { description: 'Needs action now: a deadline passed, an agency not answering.' },
  },
});

@Directive('@shareable')
// simpleResolvers: value types with no guarded or computed fields; graphql reads their properties directly
// instead of through type-graphql's per-field wrapper (a route has dozens of steps of fifteen fields each).
@ObjectType({ description: "One step of a person's support in one agency: done, under way or planned.", simpleResolvers: true })
export class RouteStep {
  @Field(() => ID, { description: 'Unique across the hub: `<agency>:<recordType>:<uuid>`; other steps name it in `followsFrom`.' })
  id!: string;

  @Field(() => ID, { description: 'The global id of the person the step is about (`Person.id`; pass it to `node(id:)`).' })
  personId!: string;

  @Field({ description: 'Agency code: SOCIAL_PROTECTION, HEALTH, EDUCATION, EMPLOYMENT, RENTAL_FUND or a partner code.' })
  agency!: string;

  @Field({
    description:
      'Kind of step: SIGNAL, CONTACT, ASSESSMENT, PROGRAMME, MEASURE, REFERRAL, IPRA_MEASURE, MSE_EXAMINATION, ' +
      'EARLY_HELP_SESSION, ENROLMENT, JOB_PLACEMENT, SOCIAL_EMPLOYMENT, RENTAL_CONTRACT, ... (partners may add kinds).',
  })
  kind!: string;

  @Field({ description: 'What a coordinator reads in the route, in Russian as agencies write it.' })
  title!: string;

  @Field(() => RouteStepStatus, { description: 'Where the step stands; an open step past `dueOn` is OVERDUE.' })
  status!: RouteStepStatus;

  @Field(() => Period, { description: 'When the step started or is planned to start, and when it ended or is planned to end.' })
  period!: Period;

  @Field(() => LocalDate, { nullable: true, description: 'The deadline of the step, if it has one; past it an open step is OVERDUE.' })
  dueOn!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "True when the due day counts working days of a provisional production calendar (the year's decree on days off " +
      'is not loaded yet) and may still move; false or null otherwise (null: the agency does not mark it).',
  })
  provisional?: boolean | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The global id of the organization responsible for the step (`Organization.id`), null when none is named.',
  })
  organizationId!: string | null;

  @Field(() => String, { nullable: true, description: 'Who is responsible (a role or a named post, never a private person).' })
  responsible!: string | null;

  @Field({ description: 'GraphQL type of the underlying record, e.g. `IpraMeasure`.' })
  recordType!: string;

  @Field(() => ID, {
    description: 'The global id of the record behind the step (`<recordType>:<uuid>`): pass it to `node(id:)` to open the record.',
  })
  recordId!: string;

  @Field(() => [ID], {
    description: 'Ids (`RouteStep.id`) of the steps this one follows from (a referral for a measure, a signal for a case).',
  })
  followsFrom!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Agency expected to execute the step when it is not the recording agency (IPRA sections).',
  })
  executorAgency!: string | null;
}

@Directive('@shareable')
@ObjectType({ description: 'Something in a route that needs attention.', simpleResolvers: true })
export class RouteAlert {
  @Field({
    description:
      'Stable code: DEADLINE_OVERDUE, REFERRAL_UNANSWERED, RENTAL_DUE_SOON, IPRA_MEASURE_WITHOUT_REFERRAL; for a hidden agency the ' +
      'ErrorCode that hid it (CONSENT_REQUIRED, FORBIDDEN, SUBGRAPH_UNAVAILABLE). Partners may add codes of their own.',
  })
  code!: string;

  @Field(() => AlertSeverity, { description: 'How urgently the coordinator should look at it.' })
  severity!: AlertSeverity;

  @Field({ description: 'What the coordinator reads, in Russian as the agency or the rule writes it.' })
  message!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The global id of the person the alert is about (`Person.id`), null for the whole family.',
  })
  personId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The step the alert is about (`RouteStep.id`), null when it is about no single step.' })
  stepId!: string | null;

  @Field({ description: 'Agency code of the agency that raised the alert, or whose part is missing.' })
  agency!: string;
}

@Directive('@shareable')
@ObjectType({ description: "Why an agency's part of a person's route is not shown.", simpleResolvers: true })
export class RouteWithholding {
  @Field(() => HubErrorCode, { description: 'Why the part is withheld: CONSENT_REQUIRED when no consent covers the agency.' })
  code!: string;

  @Field({ description: 'What the coordinator reads, in Russian.' })
  message!: string;
}

/**
 * The shape of one agency's part of a person's route. Each agency returns it under a type of its own
 * (`HealthRoute`, `RentalFundRoute`, …: `agencyRouteType`): a value type returned only by `@requires` fields
 * must have one owner, or a router cannot tell whose definition is canonical (Hive Gateway refuses such a supergraph).
 */
// Its own @ObjectType only so that each agency's type inherits the fields; nothing returns `AgencyRoute` itself, so it is not emitted.
@ObjectType({ simpleResolvers: true })
export class AgencyRoute {
  @Field({ description: 'Agency code of the agency whose part this is.' })
  agency!: string;

  @Field(() => [RouteStep], { description: "The agency's steps for the person, all of them: the family route windows them by period." })
  steps!: RouteStep[];

  @Field(() => [RouteAlert], { description: "The agency's own alerts about the person's steps." })
  alerts!: RouteAlert[];

  @Field(() => RouteWithholding, {
    nullable: true,
    description:
      'Set when the caller may not see this part (no consent covers the agency): an expected gap in a family route, ' +
      'answered as data rather than as an error; steps and alerts are then empty.',
  })
  withheld?: RouteWithholding | null;
}

const routeTypes = new Map<string, ClassType<AgencyRoute>>();

/** The route type of one agency, e.g. `HealthRoute` for HEALTH: the shape of AgencyRoute under the agency's own name. */
export function agencyRouteType(agency: string): ClassType<AgencyRoute> {
  const name = contributionTypeName(agency, 'Route');
  let type = routeTypes.get(name);
  if (!type) {
    @ObjectType(name, { description: `${agency}'s part of a person's route (route convention).`, simpleResolvers: true })
    class PerAgencyRoute extends AgencyRoute {}
    type = PerAgencyRoute;
    routeTypes.set(name, type);
  }
  return type;
}

/**
 * Declares an agency's route field on `Person`: its type and the tag the assembly subgraph finds it by. Nullable:
 * null (an agency that did not answer or refused the caller) leaves the other agencies' parts, and the route shows the gap.
 */
export function RouteContribution(agency: string, options: { name?: string; description: string }): MethodDecorator {
  // Made now, while the classes are being declared: type-graphql reads type metadata once, when the schema is built.
  const type = agencyRouteType(agency);
  return (target, key, descriptor) => {
    Directive(CONVENTION_TAG.route)(target, key, descriptor);
    FieldResolver(() => type, { ...options, nullable: true })(target, key, descriptor);
    // The agency builds its steps with uuids; the API names records by global ids (CONVENTIONS §7.4), done here once.
    const resolve = descriptor.value as unknown as (...args: unknown[]) => unknown;
    if (typeof resolve === 'function') {
      (descriptor as PropertyDescriptor).value = async function (this: unknown, ...args: unknown[]) {
        const part = (await resolve.apply(this, args)) as AgencyRoute | null | undefined;
        return part ? withGlobalIds(part) : part;
      };
    }
  };
}

/** A step's and an alert's references as global ids (`Person:<uuid>`, `<recordType>:<uuid>`): a client passes them to `node(id:)`. */
export function withGlobalIds(part: AgencyRoute): AgencyRoute {
  const person = (id: string | null) => (id ? globalId('Person', id) : id);
  return {
    ...part,
    steps: part.steps.map((s) => ({
      ...s,
      personId: globalId('Person', s.personId),
      organizationId: s.organizationId ? globalId('Organization', s.organizationId) : null,
      recordId: globalId(s.recordType, s.recordId),
    })),
    alerts: part.alerts.map((a) => ({ ...a, personId: person(a.personId) })),
  };
}

/** The answer of a route field whose records the caller may not see: no steps, and the reason. */
export function withheldRoute(agency: string, reason: { code: string; message: string }): AgencyRoute {
  return { agency, steps: [], alerts: [], withheld: { code: reason.code, message: reason.message } };
}

export const stepId = (agency: string, recordType: string, recordId: string) => `${agency.toLowerCase()}:${recordType}:${recordId}`;
