/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** The executing organization agrees to carry out a referral (seed 003 §27). */
export type AcceptReferralInput = {
  /** Day of the answer; today by default, not before the referral was sent. */
  on?: string | null | undefined;
  /** The referral, addressed to my organization and REQUESTED. */
  referralId: string;
};

/** What an access to a person's data was, as the agency's audit trail recorded it. */
export type AccessAction =
  /** The access was refused (role, scope or consent); the refusal itself is recorded. */
  | 'DENIED'
  /** The data was read. */
  | 'READ'
  /** The data was written (created or changed). */
  | 'WRITE';

/** How urgently a coordinator should look at a route alert. */
export type AlertSeverity =
  /** Needs action now: a deadline passed, an agency not answering. */
  | 'CRITICAL'
  /** For information: nothing is late (an agency hidden for lack of consent or access). */
  | 'INFO'
  /** Needs action soon: a deadline near, a referral missing. */
  | 'WARNING';

/** Whether the providers of a service kind meet the demand on the territory (seed 003 §34.2–34.3). */
export type CoverageGap =
  /** The providers meet the demand, or there is none. */
  | 'NONE'
  /** Demand on the territory and no provider of the service there. */
  | 'NO_PROVIDER'
  /** Demand far above the free capacity, or people queuing with nothing free. */
  | 'OVER_CAPACITY';

/** The executing organization refuses a referral, saying why (seed 003 §27, §33.3). */
export type DeclineReferralInput = {
  /** Day of the answer; today by default, not before the referral was sent. */
  on?: string | null | undefined;
  /** Why the organization cannot carry it out, so the coordinator can route the family elsewhere; required (BAD_USER_INPUT when blank). */
  reason?: string | null | undefined;
  /** The referral, addressed to my organization and REQUESTED. */
  referralId: string;
};

/** Why the hub refused or could not answer: in `extensions.code` of an error and in `userErrors { code }` of a mutation payload. Messages are for people and may change; codes are stable. */
export type ErrorCode =
  /** The HTTP request is not a GraphQL request the hub accepts. */
  | 'BAD_REQUEST'
  /** An argument is malformed (not storable text, not an id, not a date); `field` names it. Nothing was written. */
  | 'BAD_USER_INPUT'
  /** The schema registry refused a subgraph schema: a check failed (`rule`: composition, breakingChanges, conventions, reachability; `checkSubgraph` tells what). Nothing was written. */
  | 'CHECK_FAILED'
  /** Another record already holds the key (`field`: snils, idempotencyKey…); after a lost answer it means the first attempt was committed. */
  | 'CONFLICT'
  /** No active consent of the person covers this agency for the caller; audited. Ask the family for consent (seed 003 §13). */
  | 'CONSENT_REQUIRED'
  /** The caller's role or scope does not allow this; the refusal is written to the audit trail. */
  | 'FORBIDDEN'
  /** The document is not valid GraphQL syntax. */
  | 'GRAPHQL_PARSE_FAILED'
  /** The document does not fit the hub schema. */
  | 'GRAPHQL_VALIDATION_FAILED'
  /** The record's state does not allow this change (a closed case, a returned item). Nothing was written. */
  | 'ILLEGAL_TRANSITION'
  /** A fault in the hub; the message is masked and the log holds its path. A write was rolled back. */
  | 'INTERNAL_SERVER_ERROR'
  /** A SNILS with the wrong form or checksum. Nothing was written. */
  | 'INVALID_SNILS'
  /** A referenced record does not exist, or the caller may not know that it does. */
  | 'NOT_FOUND'
  /** The request names an operation the document does not hold. */
  | 'OPERATION_RESOLUTION_FAILURE'
  /** The request body is larger than the gateway accepts. */
  | 'PAYLOAD_TOO_LARGE'
  /** A persisted query hash the gateway does not know: send the document. */
  | 'PERSISTED_QUERY_NOT_FOUND'
  /** Persisted queries are not served here: send the document. */
  | 'PERSISTED_QUERY_NOT_SUPPORTED'
  /** The document would cost more than the gateway allows. */
  | 'QUERY_TOO_COSTLY'
  /** The document nests deeper than the gateway allows. */
  | 'QUERY_TOO_DEEP'
  /** The document has more fields or fragments than the gateway allows. */
  | 'QUERY_TOO_LARGE'
  /** The request breaks a domain rule; `rule` names the clause of the regulation. Nothing was written. */
  | 'RULE_VIOLATION'
  /** The agency's database cannot answer now; nothing was committed and the request may be retried (`retryable`). */
  | 'SERVICE_UNAVAILABLE'
  /** A partner agency has left the hub (retired in the schema registry): a route names it as a gap, its data is no longer read. */
  | 'SUBGRAPH_RETIRED'
  /** An agency did not answer the gateway; the other agencies' data is still returned. */
  | 'SUBGRAPH_UNAVAILABLE'
  /** The document uses more aliases than the gateway allows. */
  | 'TOO_MANY_ALIASES'
  /** The token is missing, invalid or expired: sign in again. */
  | 'UNAUTHENTICATED';

/** A member's relation within the family. */
export type FamilyRelation =
  /** A child of the family. */
  | 'CHILD'
  /** A grandmother or grandfather. */
  | 'GRANDPARENT'
  /** A guardian or trustee of a child or of an incapable adult. */
  | 'GUARDIAN'
  /** Another relative or member of the household. */
  | 'OTHER'
  /** A mother or father of children in the family. */
  | 'PARENT'
  /** A person living alone, who is the family. */
  | 'SELF'
  /** A brother or sister. */
  | 'SIBLING'
  /** A husband or wife. */
  | 'SPOUSE';

/** A written consent to exchange of data, as signed by the person or their legal representative. */
export type GiveConsentInput = {
  /** Agency codes the consent covers, e.g. HEALTH, EDUCATION (152-FZ art. 9: consent is specific). */
  agencies: Array<string>;
  /** Last day the consent covers; leave out for a consent without a term. */
  expiresOn?: string | null | undefined;
  /** Day the consent was signed; today by default. */
  givenOn?: string | null | undefined;
  /** Client-supplied key: a retry with the same key answers the consent the first call recorded. */
  idempotencyKey?: string | null | undefined;
  /** The person the consent is about: a member of one of my families (coordinator), or myself or the person I represent (citizen). */
  personId: string;
  /** Legal representative who signed for a minor or an incapable adult, recorded as such in the family (152-FZ art. 9 §6); leave out when the person signed. A citizen signing for the person they represent is that representative. */
  signedByPersonId?: string | null | undefined;
};

/** One execution of the measure a referral asks for, by the organization it is addressed to (seed 003 §33.6). */
export type RecordReferralExecutionInput = {
  /** True when this execution completes the measure: the referral and the measure become DONE. */
  completesMeasure?: boolean;
  /** Day the measure was carried out: not in the future, not before the referral was sent. */
  executedOn: string;
  /** Client-supplied key: a retry with the same key answers the execution the first call recorded. */
  idempotencyKey?: string | null | undefined;
  /** The referral, accepted by my organization (ACCEPTED, IN_PROGRESS or ON_HOLD). */
  referralId: string;
  /** What was done and with what result, in Russian. */
  result: string;
};

/** Where a referral stands, after the FHIR Task states of the SDOH referral loop (FHIR `completed` is DONE). */
export type ReferralStatus =
  /** The executor agreed to carry it out. */
  | 'ACCEPTED'
  /** Called off by the requester (or by the executor once under way), with a reason. */
  | 'CANCELLED'
  /** Carried out; the measure is DONE and the outcome goes back to the coordinator. */
  | 'DONE'
  /** Prepared by the coordinator, not sent yet. */
  | 'DRAFT'
  /** The executor could not carry it out, with a reason. */
  | 'FAILED'
  /** The executor is carrying it out; the measure is IN_PROGRESS. */
  | 'IN_PROGRESS'
  /** Paused by the executor. */
  | 'ON_HOLD'
  /** The executor refused it, with a reason. */
  | 'REJECTED'
  /** Sent; waiting for the executor to accept or reject it: an alert after 2 working days, overdue after 5 (seed 003 §16, §27). */
  | 'REQUESTED';

/** The revocation of a consent by the person or their legal representative (seed 001 §1.5). */
export type RevokeConsentInput = {
  /** The consent to revoke. */
  consentId: string;
  /** Day of revocation; today by default. Takes effect on the next request. */
  revokedOn?: string | null | undefined;
};

/** How two nodes of the route graph are related. */
export type RouteGraphEdgeKind =
  /** A step (from) concerns a person (to). */
  | 'CONCERNS'
  /** An organization (from) executes a step (to). */
  | 'EXECUTES'
  /** A step (from) follows from an earlier step (to). */
  | 'FOLLOWS_FROM'
  /** A step (from) is handed over to another agency (to) to execute. */
  | 'HANDS_OVER_TO'
  /** A person (from) is a member of the family (to). */
  | 'MEMBER_OF'
  /** A referral step (from) refers the person to an organization (to). */
  | 'REFERRED_TO';

/** What a node of the route graph stands for. */
export type RouteGraphNodeKind =
  /** An agency a step is handed over to (an IPRA section executed by another agency). */
  | 'AGENCY'
  /** The family (one node). */
  | 'FAMILY'
  /** An organization that executes a step or receives a referral. */
  | 'ORGANIZATION'
  /** A member of the family. */
  | 'PERSON'
  /** A step of the route. */
  | 'STEP';

/** Where a step of the route stands; the same words as the records behind the steps. */
export type RouteStepStatus =
  /** Called off before it was done. */
  | 'CANCELLED'
  /** The family or the executing agency declined it. */
  | 'DECLINED'
  /** Finished as planned. */
  | 'DONE'
  /** Started and not finished. */
  | 'IN_PROGRESS'
  /** Still open after its deadline (`dueOn`), whatever the agency last wrote (seed 003 §36–37). */
  | 'OVERDUE'
  /** Agreed or scheduled, not started yet. */
  | 'PLANNED';

/** Stage of a support case (seed 003 ch. 7, seed 001 §3.3, seed 000 §3); DECLINED/STOPPED: the citizen refused (support is voluntary). */
export type SupportStage =
  /** Closed with the conclusion on the execution of the programme (seed 000 §3). */
  | 'CONCLUDED'
  /** The citizen was reached by phone, home visit or letter (seed 003 §16–18). */
  | 'CONTACTED'
  /** The citizen refused support before a programme was agreed (support is voluntary, seed 001 §1.5). */
  | 'DECLINED'
  /** A signal opened the case; after an IPRA extract or an appeal of another organization the citizen is contacted within 5 working days (seed 003 §16). */
  | 'IDENTIFIED'
  /** The programme's measures are under way. */
  | 'IN_IMPLEMENTATION'
  /** The family's needs are assessed; a programme is proposed (seed 004 §3.2.7). */
  | 'NEEDS_ASSESSED'
  /** The citizen agreed the programme; an IPPSU is carried out within 15 working days of its approval (seed 004 §3.2.8). */
  | 'PROGRAMME_AGREED'
  /** The citizen stopped support during the programme (seed 001 §1.5). */
  | 'STOPPED';

export type ConsoleAccessLogQueryVariables = Exact<{
  id: string;
}>;


export type ConsoleAccessLogQuery = { person: { id: string, firstName: string | null, lastName: string | null, patronymic: string | null, family: { id: string } | null, accessLog: { totalCount: number, edges: Array<{ node: { id: string, accessedAt: string, action: AccessAction, agency: string, operation: string, role: string, organization: { name: string | null, shortName: string | null } | null } }> } | null } | null };

export type ConsoleFamilyRouteQueryVariables = Exact<{
  id: string;
}>;


export type ConsoleFamilyRouteQuery = { family: { id: string, displayName: string | null, members: Array<{ relation: FamilyRelation, isLegalRepresentative: boolean, person: { id: string, firstName: string | null, lastName: string | null, patronymic: string | null, bornOn: string | null, agencyAccess: { consentedAgencies: Array<string> }, consents: { edges: Array<{ node: { id: string, agencies: Array<string>, givenOn: string, revokedOn: string | null, expiresOn: string | null, signedByPersonId: string | null } }> } | null } | null }> | null, route: { agencies: Array<string>, steps: Array<{ id: string, agency: string, kind: string, title: string, status: RouteStepStatus, dueOn: string | null, personId: string, responsible: string | null, period: { startsOn: string | null, endsOn: string | null } }>, alerts: Array<{ agency: string, code: string, message: string, severity: AlertSeverity, personId: string | null, stepId: string | null }>, gaps: Array<{ agency: string, code: ErrorCode, message: string, personId: string }>, graph: { nodes: Array<{ id: string, kind: RouteGraphNodeKind, label: string, agency: string | null, status: RouteStepStatus | null, organization: { shortName: string | null, name: string | null } | null }>, edges: Array<{ from: string, to: string, kind: RouteGraphEdgeKind }> } } | null } | null };

export type ConsoleGiveConsentMutationVariables = Exact<{
  input: GiveConsentInput;
}>;


export type ConsoleGiveConsentMutation = { giveConsent: { consent: { id: string } | null, userErrors: Array<{ code: ErrorCode, message: string }> } };

export type ConsoleRevokeConsentMutationVariables = Exact<{
  input: RevokeConsentInput;
}>;


export type ConsoleRevokeConsentMutation = { revokeConsent: { consent: { id: string } | null, userErrors: Array<{ code: ErrorCode, message: string }> } };

export type ConsoleReferralInboxQueryVariables = Exact<{
  status?: Array<ReferralStatus> | ReferralStatus | null | undefined;
}>;


export type ConsoleReferralInboxQuery = { referralInbox: { totalCount: number, edges: Array<{ node: { id: string, status: ReferralStatus, statusReason: string | null, requestedOn: string | null, answerDueOn: string | null, answerOverdue: boolean, answeredOn: string | null, requesterOrganization: { name: string | null, shortName: string | null } | null, measure: { title: string } | null } }> } | null };

export type ConsoleAcceptReferralMutationVariables = Exact<{
  input: AcceptReferralInput;
}>;


export type ConsoleAcceptReferralMutation = { acceptReferral: { referral: { id: string, status: ReferralStatus } | null, userErrors: Array<{ code: ErrorCode, message: string }> } };

export type ConsoleDeclineReferralMutationVariables = Exact<{
  input: DeclineReferralInput;
}>;


export type ConsoleDeclineReferralMutation = { declineReferral: { referral: { id: string, status: ReferralStatus } | null, userErrors: Array<{ code: ErrorCode, message: string }> } };

export type ConsoleRecordReferralExecutionMutationVariables = Exact<{
  input: RecordReferralExecutionInput;
}>;


export type ConsoleRecordReferralExecutionMutation = { recordReferralExecution: { referral: { id: string, status: ReferralStatus } | null, userErrors: Array<{ code: ErrorCode, message: string }> } };

export type ConsoleTerritoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleTerritoriesQuery = { territories: Array<{ oktmo: string, name: string | null }> | null };

export type ConsoleResourceMapQueryVariables = Exact<{
  oktmo: string;
  fromMonth: string;
  toMonth: string;
}>;


export type ConsoleResourceMapQuery = { territory: { oktmo: string, name: string | null, resourceMap: { agencies: Array<string>, missingAgencies: Array<string>, coverage: Array<{ serviceKind: string, providers: number, capacityTotal: number | null, capacityAvailable: number | null, queueLength: number, demand: string, gap: CoverageGap }>, supply: Array<{ agency: string, name: string, serviceKind: string, capacityTotal: number | null, capacityAvailable: number | null, queueLength: number | null, unit: string }>, demand: { peopleByTargetCategory: Array<{ kind: string, value: string, count: number | null }>, byServiceKind: Array<{ kind: string, value: string, count: number | null }> } | null } | null } | null, statistics: { missingAgencies: Array<string> | null, cells: Array<{ agency: string, indicator: string, month: string, targetCategory: string, count: number | null, suppressed: boolean, value: string }> | null } | null };

export type ConsoleWorklistQueryVariables = Exact<{
  stage?: Array<SupportStage> | SupportStage | null | undefined;
  territoryOktmo?: string | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type ConsoleWorklistQuery = { worklist: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, stage: SupportStage, dueOn: string | null, deadlineSource: string | null, overdue: boolean, territoryOktmo: string | null, stageDeadline: { source: string, description: string } | null, person: { id: string, firstName: string | null, lastName: string | null } | null, family: { id: string, displayName: string | null, territory: { oktmo: string, name: string | null } | null, route: { steps: Array<{ id: string, status: RouteStepStatus }> } | null } | null } }> } | null, territories: Array<{ oktmo: string, name: string | null }> | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ConsoleAccessLogDocument = new TypedDocumentString(`
    query ConsoleAccessLog($id: ID!) {
  person(id: $id) {
    id
    firstName
    lastName
    patronymic
    family {
      id
    }
    accessLog(first: 100) {
      totalCount
      edges {
        node {
          id
          accessedAt
          action
          agency
          operation
          role
          organization {
            name
            shortName
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleAccessLogQuery, ConsoleAccessLogQueryVariables>;
export const ConsoleFamilyRouteDocument = new TypedDocumentString(`
    query ConsoleFamilyRoute($id: ID!) {
  family(id: $id) {
    id
    displayName
    members {
      relation
      isLegalRepresentative
      person {
        id
        firstName
        lastName
        patronymic
        bornOn
        agencyAccess {
          consentedAgencies
        }
        consents(first: 100) {
          edges {
            node {
              id
              agencies
              givenOn
              revokedOn
              expiresOn
              signedByPersonId
            }
          }
        }
      }
    }
    route {
      agencies
      steps {
        id
        agency
        kind
        title
        status
        dueOn
        personId
        responsible
        period {
          startsOn
          endsOn
        }
      }
      alerts {
        agency
        code
        message
        severity
        personId
        stepId
      }
      gaps {
        agency
        code
        message
        personId
      }
      graph {
        nodes {
          id
          kind
          label
          agency
          status
          organization {
            shortName
            name
          }
        }
        edges {
          from
          to
          kind
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleFamilyRouteQuery, ConsoleFamilyRouteQueryVariables>;
export const ConsoleGiveConsentDocument = new TypedDocumentString(`
    mutation ConsoleGiveConsent($input: GiveConsentInput!) {
  giveConsent(input: $input) {
    consent {
      id
    }
    userErrors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleGiveConsentMutation, ConsoleGiveConsentMutationVariables>;
export const ConsoleRevokeConsentDocument = new TypedDocumentString(`
    mutation ConsoleRevokeConsent($input: RevokeConsentInput!) {
  revokeConsent(input: $input) {
    consent {
      id
    }
    userErrors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleRevokeConsentMutation, ConsoleRevokeConsentMutationVariables>;
export const ConsoleReferralInboxDocument = new TypedDocumentString(`
    query ConsoleReferralInbox($status: [ReferralStatus!]) {
  referralInbox(status: $status, first: 100) {
    totalCount
    edges {
      node {
        id
        status
        statusReason
        requestedOn
        answerDueOn
        answerOverdue
        answeredOn
        requesterOrganization {
          name
          shortName
        }
        measure {
          title
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleReferralInboxQuery, ConsoleReferralInboxQueryVariables>;
export const ConsoleAcceptReferralDocument = new TypedDocumentString(`
    mutation ConsoleAcceptReferral($input: AcceptReferralInput!) {
  acceptReferral(input: $input) {
    referral {
      id
      status
    }
    userErrors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleAcceptReferralMutation, ConsoleAcceptReferralMutationVariables>;
export const ConsoleDeclineReferralDocument = new TypedDocumentString(`
    mutation ConsoleDeclineReferral($input: DeclineReferralInput!) {
  declineReferral(input: $input) {
    referral {
      id
      status
    }
    userErrors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleDeclineReferralMutation, ConsoleDeclineReferralMutationVariables>;
export const ConsoleRecordReferralExecutionDocument = new TypedDocumentString(`
    mutation ConsoleRecordReferralExecution($input: RecordReferralExecutionInput!) {
  recordReferralExecution(input: $input) {
    referral {
      id
      status
    }
    userErrors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleRecordReferralExecutionMutation, ConsoleRecordReferralExecutionMutationVariables>;
export const ConsoleTerritoriesDocument = new TypedDocumentString(`
    query ConsoleTerritories {
  territories {
    oktmo
    name
  }
}
    `) as unknown as TypedDocumentString<ConsoleTerritoriesQuery, ConsoleTerritoriesQueryVariables>;
export const ConsoleResourceMapDocument = new TypedDocumentString(`
    query ConsoleResourceMap($oktmo: ID!, $fromMonth: String!, $toMonth: String!) {
  territory(oktmo: $oktmo) {
    oktmo
    name
    resourceMap {
      agencies
      missingAgencies
      coverage {
        serviceKind
        providers
        capacityTotal
        capacityAvailable
        queueLength
        demand
        gap
      }
      supply {
        agency
        name
        serviceKind
        capacityTotal
        capacityAvailable
        queueLength
        unit
      }
      demand {
        peopleByTargetCategory {
          kind
          value
          count
        }
        byServiceKind {
          kind
          value
          count
        }
      }
    }
  }
  statistics(fromMonth: $fromMonth, toMonth: $toMonth, territoryOktmo: $oktmo) {
    missingAgencies
    cells {
      agency
      indicator
      month
      targetCategory
      count
      suppressed
      value
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleResourceMapQuery, ConsoleResourceMapQueryVariables>;
export const ConsoleWorklistDocument = new TypedDocumentString(`
    query ConsoleWorklist($stage: [SupportStage!], $territoryOktmo: String, $first: Int!, $after: String) {
  worklist(
    stage: $stage
    territoryOktmo: $territoryOktmo
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        stage
        dueOn
        deadlineSource
        overdue
        territoryOktmo
        stageDeadline {
          source
          description
        }
        person {
          id
          firstName
          lastName
        }
        family {
          id
          displayName
          territory {
            oktmo
            name
          }
          route {
            steps {
              id
              status
            }
          }
        }
      }
    }
  }
  territories {
    oktmo
    name
  }
}
    `) as unknown as TypedDocumentString<ConsoleWorklistQuery, ConsoleWorklistQueryVariables>;