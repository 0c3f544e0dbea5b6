import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from './logging';

/** One log line per GraphQL request: operation, duration, error codes, and whatever `extra` adds. */
export function requestLogPlugin<TContext extends BaseContext>(
  logger: Logger,
  extra: (context: TContext) => Record<string, unknown> = () => ({}),
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ contextValue, operationName, errors }) {
          logger.log(errors?.length ? 'warn' : 'info', 'graphql request', {
            operationName: operationName ?? null,
            durationMs: Math.round((performance.now() - started) * 10) / 10,
            errorCodes: errors?.map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR') ?? [],
            ...(contextValue ? extra(contextValue) : {}),
          });
        },
      };
    },
  };
}
