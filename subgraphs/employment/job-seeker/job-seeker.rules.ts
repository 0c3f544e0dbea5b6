import { badInput, DomainError, ErrorCode } from '../../kit/platform/errors';
import type { IsoDate } from '../../kit/platform/dates';

export function checkJobSeekerRegistration(
  draft: { registeredOn: IsoDate },
  activeRegistration: { registeredOn: IsoDate } | null,
  today: IsoDate,
): void {
  if (draft.registeredOn > today)
    throw badInput(`A registration cannot be dated in the future (${draft.registeredOn})`, { field: 'registeredOn' });
  if (activeRegistration) {
    // One person is one job seeker: a second active registration would double the centre's statistics.
    throw new DomainError(ErrorCode.CONFLICT, `The person is already registered as a job seeker since ${activeRegistration.registeredOn}`, {
      field: 'personId',
    });
  }
}

/** A registered job seeker with no placement this long gets the coordinator's attention (route alert). */
export const NO_OFFER_ALERT_DAYS = 30;
