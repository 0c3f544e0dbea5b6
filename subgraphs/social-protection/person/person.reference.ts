import type { HubContext } from '../../kit/platform/context';
import { loaderBy } from '../../kit/platform/entity-loaders';
import { normalizeSnils } from '../../kit/domain/snils';
import { forbidden } from '../../kit/policy/authorization';
import { Role } from '../../kit/policy/roles';
import { citizenActsFor } from '../consent/citizen.policy';
import { Person } from './person.entity';

/** Other subgraphs point at a person by hub id or by SNILS; both are batched per request. */
export const personReference = {
  async __resolveReference(reference: { id?: string; snils?: string }, ctx: HubContext) {
    const person = reference.id
      ? await loaderBy(ctx, Person, 'id').load(reference.id)
      : await loaderBy(ctx, Person, 'snils').load(normalizeSnils(reference.snils ?? ''));
    // A citizen refetches (`node(id:)`) only themself and the people they represent, as `person(id:)` (issue 15 §6).
    if (person && ctx.identity.role === Role.CITIZEN && !(await citizenActsFor(ctx, person.id))) {
      ctx.audit.denied('Person', person.id, 'FORBIDDEN');
      throw forbidden('A citizen opens only themself and the people they represent');
    }
    return person;
  },
};
