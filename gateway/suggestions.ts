/**
 * graphql-js answers a misspelt field, argument, type or enum value with "Did you mean …?", naming what the
 * schema holds: with introspection off in production, that would still let anyone map the schema by guessing.
 * Apollo's `hideSchemaDetailsFromClientErrors` strips them from validation errors only; this also covers the
 * variable errors the gateway reports while executing ("Value "X" does not exist in "Sex" enum. Did you mean …?").
 */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

export function withoutSuggestions<T extends { message: string }>(formatted: T): T {
  const message = formatted.message.replace(SUGGESTION, '');
  return message === formatted.message ? formatted : { ...formatted, message };
}
