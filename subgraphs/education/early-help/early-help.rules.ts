import { badInput, illegalTransition, ruleViolation } from '../../kit/platform/errors';
import { ageOn, birthdayAt, type IsoDate } from '../../kit/platform/dates';
import { assertPeriod, assertText } from '../../kit/platform/input-rules';
import { EarlyHelpProgrammeStatus } from './early-help-programme.entity';
import { EarlyHelpSessionStatus } from './early-help-session.entity';

/**
 * Early help is for "children aged from zero to three" (seed 003 §8.2; risk group §8.3). The bands
 * of seed 003 §3 meet at 3 and the third birthday belongs to the older band ("from three to 18"),
 * so a programme may start only while the child is under 3.
 */
export const EARLY_HELP_AGE_LIMIT = 3;

/** The input fields the rules name when they refuse (paths under `input`). */
const FIELD = { startsOn: 'period.startsOn', endsOn: 'period.endsOn', childBornOn: 'childBornOn' } as const;

export interface EarlyHelpProgrammeDraft {
  childBornOn: IsoDate;
  period: { startsOn?: IsoDate | null; endsOn?: IsoDate | null };
  goals: string[];
  hoursPerMonth: number;
  naturalLifeSituations: string[];
}

/** The day the programme must end at the latest: the day before the third birthday. */
export function earlyHelpEndsBy(childBornOn: IsoDate): IsoDate {
  const third = birthdayAt(childBornOn, EARLY_HELP_AGE_LIMIT);
  const d = new Date(`${third}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Checks a programme as drawn up; returns its term, both ends given. */
export function checkEarlyHelpProgramme(draft: EarlyHelpProgrammeDraft): { startsOn: IsoDate; endsOn: IsoDate } {
  const { startsOn, endsOn } = draft.period;
  if (!startsOn) throw badInput('A programme starts on a day: give period.startsOn', { field: FIELD.startsOn });
  if (!endsOn) throw badInput('A programme has a planned end (seed 003 §8.4): give period.endsOn', { field: FIELD.endsOn });
  assertPeriod(startsOn, endsOn, [FIELD.startsOn, FIELD.endsOn]);
  const age = ageOn(draft.childBornOn, startsOn);
  if (age >= EARLY_HELP_AGE_LIMIT) {
    throw ruleViolation(`Early help is for children under ${EARLY_HELP_AGE_LIMIT}; the child is ${age} on ${startsOn}`, 'seed 003 §8.2', {
      field: FIELD.childBornOn,
      age,
    });
  }
  const endsBy = earlyHelpEndsBy(draft.childBornOn);
  if (endsOn > endsBy) {
    // Past the third birthday the child belongs to the 3–18 band and another resource centre (seed 003 §4.3).
    throw ruleViolation(`The programme must end by ${endsBy}, the day before the child turns 3`, 'seed 003 §8.2', {
      field: FIELD.endsOn,
      endsBy,
    });
  }
  if (!draft.goals.length) throw badInput('An individual early-help programme states its goals (seed 003 §8.4)', { field: 'goals' });
  draft.goals.forEach((g) => assertText(g, 'goals'));
  if (!draft.naturalLifeSituations.length) {
    throw badInput("Early-help services are given in the child's natural life situations; name at least one (seed 003 §8.4)", {
      field: 'naturalLifeSituations',
    });
  }
  draft.naturalLifeSituations.forEach((s) => assertText(s, 'naturalLifeSituations'));
  if (!Number.isInteger(draft.hoursPerMonth) || draft.hoursPerMonth < 1 || draft.hoursPerMonth > 200) {
    throw badInput('hoursPerMonth (the volume of the programme, seed 003 §8.4) must be a whole number from 1 to 200', {
      field: 'hoursPerMonth',
    });
  }
  return { startsOn, endsOn };
}

/** A session belongs to its programme's term; a session recorded as done cannot lie in the future. */
export function checkEarlyHelpSession(
  programme: { startDate: IsoDate; endDate: IsoDate; status: EarlyHelpProgrammeStatus },
  session: { heldOn: IsoDate; status: EarlyHelpSessionStatus; specialistPost: string },
  today: IsoDate,
): void {
  if (programme.status !== EarlyHelpProgrammeStatus.ACTIVE && session.status === EarlyHelpSessionStatus.PLANNED) {
    throw illegalTransition(`No session can be planned in a ${programme.status.toLowerCase()} programme`, {
      field: 'status',
      status: programme.status,
    });
  }
  assertText(session.specialistPost, 'specialistPost', 200);
  if (session.heldOn < programme.startDate || session.heldOn > programme.endDate) {
    throw badInput(`The session day ${session.heldOn} is outside the programme term ${programme.startDate} – ${programme.endDate}`, {
      field: 'heldOn',
    });
  }
  if (session.status !== EarlyHelpSessionStatus.PLANNED && session.heldOn > today) {
    throw badInput(`A session on ${session.heldOn} cannot be recorded as ${session.status} before it happens`, { field: 'status' });
  }
}
