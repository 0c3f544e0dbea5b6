/* eslint-disable */
import * as types from './graphql';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  '\n  query ConsoleAccessLog($id: ID!) {\n    person(id: $id) {\n      id\n      firstName\n      lastName\n      patronymic\n      family {\n        id\n      }\n      accessLog(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n            accessedAt\n            action\n            agency\n            operation\n            role\n            organization {\n              name\n              shortName\n            }\n          }\n        }\n      }\n    }\n  }\n': typeof types.ConsoleAccessLogDocument;
  '\n  query ConsoleFamilyRoute($id: ID!) {\n    family(id: $id) {\n      id\n      displayName\n      members {\n        relation\n        isLegalRepresentative\n        person {\n          id\n          firstName\n          lastName\n          patronymic\n          bornOn\n          agencyAccess {\n            consentedAgencies\n          }\n          consents(first: 100) {\n            edges {\n              node {\n                id\n                agencies\n                givenOn\n                revokedOn\n                expiresOn\n                signedByPersonId\n              }\n            }\n          }\n        }\n      }\n      route {\n        agencies\n        steps {\n          id\n          agency\n          kind\n          title\n          status\n          dueOn\n          personId\n          responsible\n          period {\n            startsOn\n            endsOn\n          }\n        }\n        alerts {\n          agency\n          code\n          message\n          severity\n          personId\n          stepId\n        }\n        gaps {\n          agency\n          code\n          message\n          personId\n        }\n        graph {\n          nodes {\n            id\n            kind\n            label\n            agency\n            status\n            organization {\n              shortName\n              name\n            }\n          }\n          edges {\n            from\n            to\n            kind\n          }\n        }\n      }\n    }\n  }\n': typeof types.ConsoleFamilyRouteDocument;
  '\n  mutation ConsoleGiveConsent($input: GiveConsentInput!) {\n    giveConsent(input: $input) {\n      consent {\n        id\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n': typeof types.ConsoleGiveConsentDocument;
  '\n  mutation ConsoleRevokeConsent($input: RevokeConsentInput!) {\n    revokeConsent(input: $input) {\n      consent {\n        id\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n': typeof types.ConsoleRevokeConsentDocument;
  '\n  query ConsoleTerritories {\n    territories {\n      oktmo\n      name\n    }\n  }\n': typeof types.ConsoleTerritoriesDocument;
  '\n  query ConsoleResourceMap($oktmo: ID!, $fromMonth: String!, $toMonth: String!) {\n    territory(oktmo: $oktmo) {\n      oktmo\n      name\n      resourceMap {\n        agencies\n        missingAgencies\n        coverage {\n          serviceKind\n          providers\n          capacityTotal\n          capacityAvailable\n          queueLength\n          demand\n          gap\n        }\n        supply {\n          agency\n          name\n          serviceKind\n          capacityTotal\n          capacityAvailable\n          queueLength\n          unit\n        }\n        demand {\n          peopleByTargetCategory {\n            kind\n            value\n            count\n          }\n          byServiceKind {\n            kind\n            value\n            count\n          }\n        }\n      }\n    }\n    statistics(fromMonth: $fromMonth, toMonth: $toMonth, territoryOktmo: $oktmo) {\n      missingAgencies\n      cells {\n        agency\n        indicator\n        month\n        targetCategory\n        count\n        suppressed\n        value\n      }\n    }\n  }\n': typeof types.ConsoleResourceMapDocument;
  '\n  query ConsoleWorklist {\n    worklist(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          stage\n          dueOn\n          deadlineSource\n          overdue\n          territoryOktmo\n          stageDeadline {\n            source\n            description\n          }\n          person {\n            id\n            firstName\n            lastName\n          }\n          family {\n            id\n            displayName\n            territory {\n              oktmo\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n': typeof types.ConsoleWorklistDocument;
};
const documents: Documents = {
  '\n  query ConsoleAccessLog($id: ID!) {\n    person(id: $id) {\n      id\n      firstName\n      lastName\n      patronymic\n      family {\n        id\n      }\n      accessLog(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n            accessedAt\n            action\n            agency\n            operation\n            role\n            organization {\n              name\n              shortName\n            }\n          }\n        }\n      }\n    }\n  }\n':
    types.ConsoleAccessLogDocument,
  '\n  query ConsoleFamilyRoute($id: ID!) {\n    family(id: $id) {\n      id\n      displayName\n      members {\n        relation\n        isLegalRepresentative\n        person {\n          id\n          firstName\n          lastName\n          patronymic\n          bornOn\n          agencyAccess {\n            consentedAgencies\n          }\n          consents(first: 100) {\n            edges {\n              node {\n                id\n                agencies\n                givenOn\n                revokedOn\n                expiresOn\n                signedByPersonId\n              }\n            }\n          }\n        }\n      }\n      route {\n        agencies\n        steps {\n          id\n          agency\n          kind\n          title\n          status\n          dueOn\n          personId\n          responsible\n          period {\n            startsOn\n            endsOn\n          }\n        }\n        alerts {\n          agency\n          code\n          message\n          severity\n          personId\n          stepId\n        }\n        gaps {\n          agency\n          code\n          message\n          personId\n        }\n        graph {\n          nodes {\n            id\n            kind\n            label\n            agency\n            status\n            organization {\n              shortName\n              name\n            }\n          }\n          edges {\n            from\n            to\n            kind\n          }\n        }\n      }\n    }\n  }\n':
    types.ConsoleFamilyRouteDocument,
  '\n  mutation ConsoleGiveConsent($input: GiveConsentInput!) {\n    giveConsent(input: $input) {\n      consent {\n        id\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n':
    types.ConsoleGiveConsentDocument,
  '\n  mutation ConsoleRevokeConsent($input: RevokeConsentInput!) {\n    revokeConsent(input: $input) {\n      consent {\n        id\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n':
    types.ConsoleRevokeConsentDocument,
  '\n  query ConsoleTerritories {\n    territories {\n      oktmo\n      name\n    }\n  }\n': types.ConsoleTerritoriesDocument,
  '\n  query ConsoleResourceMap($oktmo: ID!, $fromMonth: String!, $toMonth: String!) {\n    territory(oktmo: $oktmo) {\n      oktmo\n      name\n      resourceMap {\n        agencies\n        missingAgencies\n        coverage {\n          serviceKind\n          providers\n          capacityTotal\n          capacityAvailable\n          queueLength\n          demand\n          gap\n        }\n        supply {\n          agency\n          name\n          serviceKind\n          capacityTotal\n          capacityAvailable\n          queueLength\n          unit\n        }\n        demand {\n          peopleByTargetCategory {\n            kind\n            value\n            count\n          }\n          byServiceKind {\n            kind\n            value\n            count\n          }\n        }\n      }\n    }\n    statistics(fromMonth: $fromMonth, toMonth: $toMonth, territoryOktmo: $oktmo) {\n      missingAgencies\n      cells {\n        agency\n        indicator\n        month\n        targetCategory\n        count\n        suppressed\n        value\n      }\n    }\n  }\n':
    types.ConsoleResourceMapDocument,
  '\n  query ConsoleWorklist {\n    worklist(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          stage\n          dueOn\n          deadlineSource\n          overdue\n          territoryOktmo\n          stageDeadline {\n            source\n            description\n          }\n          person {\n            id\n            firstName\n            lastName\n          }\n          family {\n            id\n            displayName\n            territory {\n              oktmo\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n':
    types.ConsoleWorklistDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleAccessLog($id: ID!) {\n    person(id: $id) {\n      id\n      firstName\n      lastName\n      patronymic\n      family {\n        id\n      }\n      accessLog(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n            accessedAt\n            action\n            agency\n            operation\n            role\n            organization {\n              name\n              shortName\n            }\n          }\n        }\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleAccessLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleFamilyRoute($id: ID!) {\n    family(id: $id) {\n      id\n      displayName\n      members {\n        relation\n        isLegalRepresentative\n        person {\n          id\n          firstName\n          lastName\n          patronymic\n          bornOn\n          agencyAccess {\n            consentedAgencies\n          }\n          consents(first: 100) {\n            edges {\n              node {\n                id\n                agencies\n                givenOn\n                revokedOn\n                expiresOn\n                signedByPersonId\n              }\n            }\n          }\n        }\n      }\n      route {\n        agencies\n        steps {\n          id\n          agency\n          kind\n          title\n          status\n          dueOn\n          personId\n          responsible\n          period {\n            startsOn\n            endsOn\n          }\n        }\n        alerts {\n          agency\n          code\n          message\n          severity\n          personId\n          stepId\n        }\n        gaps {\n          agency\n          code\n          message\n          personId\n        }\n        graph {\n          nodes {\n            id\n            kind\n            label\n            agency\n            status\n            organization {\n              shortName\n              name\n            }\n          }\n          edges {\n            from\n            to\n            kind\n          }\n        }\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleFamilyRouteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleGiveConsent($input: GiveConsentInput!) {\n    giveConsent(input: $input) {\n      consent {\n        id\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleGiveConsentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleRevokeConsent($input: RevokeConsentInput!) {\n    revokeConsent(input: $input) {\n      consent {\n        id\n      }\n      userErrors {\n        code\n        message\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleRevokeConsentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleTerritories {\n    territories {\n      oktmo\n      name\n    }\n  }\n',
): typeof import('./graphql').ConsoleTerritoriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleResourceMap($oktmo: ID!, $fromMonth: String!, $toMonth: String!) {\n    territory(oktmo: $oktmo) {\n      oktmo\n      name\n      resourceMap {\n        agencies\n        missingAgencies\n        coverage {\n          serviceKind\n          providers\n          capacityTotal\n          capacityAvailable\n          queueLength\n          demand\n          gap\n        }\n        supply {\n          agency\n          name\n          serviceKind\n          capacityTotal\n          capacityAvailable\n          queueLength\n          unit\n        }\n        demand {\n          peopleByTargetCategory {\n            kind\n            value\n            count\n          }\n          byServiceKind {\n            kind\n            value\n            count\n          }\n        }\n      }\n    }\n    statistics(fromMonth: $fromMonth, toMonth: $toMonth, territoryOktmo: $oktmo) {\n      missingAgencies\n      cells {\n        agency\n        indicator\n        month\n        targetCategory\n        count\n        suppressed\n        value\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleResourceMapDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleWorklist {\n    worklist(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          stage\n          dueOn\n          deadlineSource\n          overdue\n          territoryOktmo\n          stageDeadline {\n            source\n            description\n          }\n          person {\n            id\n            firstName\n            lastName\n          }\n          family {\n            id\n            displayName\n            territory {\n              oktmo\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n',
): typeof import('./graphql').ConsoleWorklistDocument;

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
