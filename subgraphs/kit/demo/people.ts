import { today } from '../platform/clock';
import { addYears, birthDateFor, daysFromToday } from './dates';
import type { IsoDate } from '../platform/dates';

/**
 * The demo families' people, shared by every agency's demo data so that one federated query
 * shows one coherent family. Synthetic people: names are common ones, SNILS numbers are
 * generated with a valid checksum and belong to no one.
 */
export const DEMO_PEOPLE = {
  elenaIvanova: { id: '6f1c2a10-0000-4000-8000-000000000001', snils: '11223344595' },
  artyomIvanov: { id: '6f1c2a10-0000-4000-8000-000000000002', snils: '12345678964' },
  sergeyPetrov: { id: '6f1c2a10-0000-4000-8000-000000000003', snils: '98765432183' },
  olgaPetrova: { id: '6f1c2a10-0000-4000-8000-000000000004', snils: '20030040048' },
  mashaPetrova: { id: '6f1c2a10-0000-4000-8000-000000000005', snils: '30140250384' },
  ninaSmirnova: { id: '6f1c2a10-0000-4000-8000-000000000006', snils: '40250360413' },
} as const;

/**
 * The demo citizen (issue 15 §6): Elena Ivanova, mother of Artyom (a disabled child of 7) and recorded as the
 * Ivanov family's legal representative. Signed in as a CITIZEN she sees her own and Artyom's consents and who
 * looked at their data, and gives or revokes their consents; `npm run token -- --role citizen` mints her token.
 */
export const DEMO_CITIZEN = {
  subject: 'citizen-elena-ivanova',
  personId: DEMO_PEOPLE.elenaIvanova.id,
  represents: [DEMO_PEOPLE.artyomIvanov.id],
} as const;

export const DEMO_FAMILIES = {
  ivanov: '7a2d3b20-0000-4000-8000-000000000001',
  petrov: '7a2d3b20-0000-4000-8000-000000000002',
  smirnova: '7a2d3b20-0000-4000-8000-000000000003',
} as const;

/**
 * Ages on any day the demo is loaded: [full years, days to the next birthday], as on the day the
 * picture was drawn, so that every person keeps their target category (seed 003 §3): Artyom stays a
 * disabled child of 7, Masha stays under 3 (early help, her third birthday 79 days ahead), Nina over 60.
 */
const DEMO_AGES: Record<keyof typeof DEMO_PEOPLE, [number, number]> = {
  elenaIvanova: [36, 140],
  artyomIvanov: [7, 102],
  sergeyPetrov: [45, 311],
  olgaPetrova: [41, 58],
  mashaPetrova: [2, 79],
  ninaSmirnova: [67, 227],
};

export function demoBirthDate(person: keyof typeof DEMO_PEOPLE, from: IsoDate = today()): IsoDate {
  const [age, daysToBirthday] = DEMO_AGES[person];
  return birthDateFor(age, daysToBirthday, from);
}

/**
 * Disability terms set by MSE that several agencies record (social protection's person, health's MSE
 * referrals and IPRA): Artyom's "disabled child" status runs to his 8th birthday; Sergey's group II and
 * Nina's group I carry no end date.
 */
export function demoDisability(
  person: 'artyomIvanov' | 'sergeyPetrov' | 'ninaSmirnova',
  from: IsoDate = today(),
): { since: IsoDate; until: IsoDate | null } {
  switch (person) {
    case 'artyomIvanov':
      return { since: daysFromToday(-1636, from), until: addYears(demoBirthDate('artyomIvanov', from), 8) };
    case 'sergeyPetrov':
      return { since: daysFromToday(-1378, from), until: null };
    case 'ninaSmirnova':
      return { since: daysFromToday(-418, from), until: null };
  }
}
