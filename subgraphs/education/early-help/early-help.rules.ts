import { badInput, illegalTransition, ruleViolation } from '../../kit/platform/errors';
import { ageOn, birthdayAt, type IsoDate } from '../../kit/platform/dates';
import { assertPeriod, assertText } from '../../kit/platform/input-rules';
import { EarlyHelpProgramStatus } from './early-help-program.entity';
import { EarlyHelpSessionStatus } from './early-help-session.entity';

/**
 * Early help is for "children aged from zero to three" (seed 003 §8.2; risk group §8.3). The bands
 * of seed 003 §3 meet at 3 and the third birthday belongs to the older band ("from three to 18"),
 * so a programme may start only while the child is under 3.
 */
export const EARLY_HELP_AGE_LIMIT = 3;

export interface EarlyHelpProgramDraft {
  childBirthDate: IsoDate;
  startDate: IsoDate;
  endDate: IsoDate;
  goals: string[];
  hoursPerMonth: number;
  naturalLifeSituations: string[];
}

/** The day the programme must end at the latest: the day before the third birthday. */
export function earlyHelpEndsBy(childBirthDate: IsoDate): IsoDate {
  const third = birthdayAt(childBirthDate, EARLY_HELP_AGE_LIMIT);
  const d = new Date(`${third}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function checkEarlyHelpProgram(draft: EarlyHelpProgramDraft): void {
  assertPeriod(draft.startDate, draft.endDate);
  const age = ageOn(draft.childBirthDate, draft.startDate);
  if (age >= EARLY_HELP_AGE_LIMIT) {
    throw ruleViolation(
      `Early help is for children under ${EARLY_HELP_AGE_LIMIT}; the child is ${age} on ${draft.startDate}`,
      'seed 003 §8.2',
      { field: 'childBirthDate', age },
    );
  }
  const endsBy = earlyHelpEndsBy(draft.childBirthDate);
  if (draft.endDate > endsBy) {
    // Past the third birthday the child belongs to the 3–18 band and another resource centre (seed 003 §4.3).
    throw ruleViolation(`The programme must end by ${endsBy}, the day before the child turns 3`, 'seed 003 §8.2', {
      field: 'endDate',
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
}

/** A session belongs to its programme's term; a session recorded as done cannot lie in the future. */
export function checkEarlyHelpSession(
  program: { startDate: IsoDate; endDate: IsoDate; status: EarlyHelpProgramStatus },
  session: { date: IsoDate; status: EarlyHelpSessionStatus; specialistPost: string },
  today: IsoDate,
): void {
  if (program.status !== EarlyHelpProgramStatus.ACTIVE && session.status === EarlyHelpSessionStatus.PLANNED) {
    throw illegalTransition(`No session can be planned in a ${program.status.toLowerCase()} programme`, { status: program.status });
  }
  assertText(session.specialistPost, 'specialistPost', 200);
  if (session.date < program.startDate || session.date > program.endDate) {
    throw badInput(`The session date ${session.date} is outside the programme term ${program.startDate} – ${program.endDate}`, {
      field: 'date',
    });
  }
  if (session.status !== EarlyHelpSessionStatus.PLANNED && session.date > today) {
    throw badInput(`A session on ${session.date} cannot be recorded as ${session.status} before it happens`, { field: 'status' });
  }
}
