import type { HubContext } from '../kit/platform/context';
import { loaderBy } from '../kit/platform/entity-loaders';
import type { ReferenceResolvers } from '../kit/platform/federated-schema';
import { RentalApplication } from './application/rental-application.entity';
import { RentalContract } from './contract/rental-contract.entity';
import { requireRentalSpecialist } from './policy';
import { RentalItem } from './stock/rental-item.entity';
import { RentalPoint } from './stock/rental-point.entity';

/**
 * The rental fund's records as federation entities (`node(id:)`, a route step's record): each reference is loaded
 * with the request's loader — every reference of one type in a request is ONE statement — and authorized exactly like
 * the record's own query: rental points are public (`rentalPoint`), applications and contracts are read by the fund's
 * specialists only (`rentalQueue`, `issueJournal`, `rentalContracts`) and the read is audited with the person, items
 * are the fund's stock records (`registerRentalItem`, a contract's `item`). A refused reference throws FORBIDDEN,
 * the same coded error as the query.
 */
export const rentalFundReferences: ReferenceResolvers = {
  RentalPoint: {
    __resolveReference: (reference: { id: string }, ctx: HubContext) => loaderBy(ctx, RentalPoint, 'id').load(reference.id),
  },
  RentalItem: {
    __resolveReference(reference: { id: string }, ctx: HubContext) {
      requireRentalSpecialist(ctx);
      return loaderBy(ctx, RentalItem, 'id').load(reference.id);
    },
  },
  RentalApplication: {
    async __resolveReference(reference: { id: string }, ctx: HubContext) {
      requireRentalSpecialist(ctx);
      const application = await loaderBy(ctx, RentalApplication, 'id').load(reference.id);
      if (application) ctx.audit.read('RentalApplication', [application.personId]);
      return application;
    },
  },
  RentalContract: {
    async __resolveReference(reference: { id: string }, ctx: HubContext) {
      requireRentalSpecialist(ctx);
      const contract = await loaderBy(ctx, RentalContract, 'id').load(reference.id);
      if (contract) ctx.audit.read('RentalContract', [contract.personId]);
      return contract;
    },
  },
};
