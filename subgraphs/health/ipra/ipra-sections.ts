import { registerEnumType } from 'type-graphql';
import { badInput } from '../../kit/platform/errors';
import { Agency } from '../../kit/policy/roles';

/**
 * Sections of an IPRA as the MSE bureau fills them in (DOMAIN.md glossary: ИПРА; seed 003 §3 item 8:
 * "medical, professional and other rehabilitation measures"). The first five are health's to execute;
 * the last three are executed by other agencies and only recorded here so the route can follow them.
 */
export enum IpraSection {
  MEDICAL_REHABILITATION = 'MEDICAL_REHABILITATION',
  RECONSTRUCTIVE_SURGERY = 'RECONSTRUCTIVE_SURGERY',
  PROSTHETICS = 'PROSTHETICS',
  SANATORIUM_TREATMENT = 'SANATORIUM_TREATMENT',
  TECHNICAL_AIDS = 'TECHNICAL_AIDS',
  PROFESSIONAL = 'PROFESSIONAL',
  PSYCHOLOGICAL_PEDAGOGICAL = 'PSYCHOLOGICAL_PEDAGOGICAL',
  SOCIAL = 'SOCIAL',
}
registerEnumType(IpraSection, {
  name: 'IpraSection',
  description:
    'Section of an IPRA: medical rehabilitation, reconstructive surgery, prosthetics, sanatorium treatment and technical aids ' +
    '(executed through health), professional (employment), psychological-pedagogical (education), social (social protection).',
  valuesConfig: {
    MEDICAL_REHABILITATION: {
      description: 'Medical rehabilitation (медицинская реабилитация); executed by a medical organization through health.',
    },
    RECONSTRUCTIVE_SURGERY: { description: 'Reconstructive surgery; executed by a medical organization through health.' },
    PROSTHETICS: { description: 'Prosthetics and orthotics; executed by a medical organization through health.' },
    SANATORIUM_TREATMENT: { description: 'Sanatorium treatment; executed by a medical organization through health.' },
    TECHNICAL_AIDS: {
      description:
        'Technical aids (ТСР), provided by the social fund outside the hub: recorded by health with no executor agency; a rental point may lend one meanwhile (seed 004 annex 1).',
    },
    PROFESSIONAL: { description: 'Professional rehabilitation; executed by the employment service (seed 003 §28–29).' },
    PSYCHOLOGICAL_PEDAGOGICAL: { description: 'Psychological-pedagogical rehabilitation; executed by education (seed 003 §8).' },
    SOCIAL: { description: 'Social rehabilitation; executed by social protection (seed 003 §22).' },
  },
});

/**
 * Which agency executes the measures of a section. The professional section goes to the employment
 * service (seed 003 §28–29), the psychological-pedagogical one to education (seed 003 §8, PMPK), the
 * social one to social protection (seed 003 §22); the medical sections stay with health. Technical
 * aids are provided by the social fund (СФР), which is no hub agency: health records them with no
 * executor agency, and rental points lend an aid meanwhile (seed 004 annex 1).
 */
const EXECUTOR_OF: Record<IpraSection, string | null> = {
  [IpraSection.MEDICAL_REHABILITATION]: Agency.HEALTH,
  [IpraSection.RECONSTRUCTIVE_SURGERY]: Agency.HEALTH,
  [IpraSection.PROSTHETICS]: Agency.HEALTH,
  [IpraSection.SANATORIUM_TREATMENT]: Agency.HEALTH,
  [IpraSection.TECHNICAL_AIDS]: null,
  [IpraSection.PROFESSIONAL]: Agency.EMPLOYMENT,
  [IpraSection.PSYCHOLOGICAL_PEDAGOGICAL]: Agency.EDUCATION,
  [IpraSection.SOCIAL]: Agency.SOCIAL_PROTECTION,
};

export const IPRA_SECTIONS = Object.values(IpraSection);

/** Reads a section code as an MSE extract spells it; an unknown code is refused, never stored. */
export function parseIpraSection(code: string, field = 'section'): IpraSection {
  const normalized = typeof code === 'string' ? code.trim().toUpperCase() : '';
  if (!(IPRA_SECTIONS as string[]).includes(normalized)) {
    throw badInput(`Unknown IPRA section "${String(code)}"; expected one of ${IPRA_SECTIONS.join(', ')}`, {
      field,
      reason: 'UNKNOWN_IPRA_SECTION',
      allowed: IPRA_SECTIONS,
    });
  }
  return normalized as IpraSection;
}

/**
 * The agency that executes measures of this section (pure: the same section always gives the same
 * agency); null for technical aids (the social fund, outside the hub). An unknown section is refused.
 */
export function executorAgencyFor(section: IpraSection | string): string | null {
  return EXECUTOR_OF[parseIpraSection(section)];
}

/**
 * Sections health itself must place with a medical organization: a measure of these without an
 * executor organization is health's own route alert (IPRA_MEASURE_NO_EXECUTOR).
 */
export function isHealthSection(section: IpraSection): boolean {
  return EXECUTOR_OF[section] === Agency.HEALTH;
}

/** Sections another hub agency executes: the route marks their steps with that agency. */
export function isOtherAgencySection(section: IpraSection): boolean {
  const agency = EXECUTOR_OF[section];
  return agency !== null && agency !== Agency.HEALTH;
}

/** Russian names of the sections, as in the IPRA form. */
export const SECTION_TITLE: Record<IpraSection, string> = {
  [IpraSection.MEDICAL_REHABILITATION]: 'Медицинская реабилитация',
  [IpraSection.RECONSTRUCTIVE_SURGERY]: 'Реконструктивная хирургия',
  [IpraSection.PROSTHETICS]: 'Протезирование и ортезирование',
  [IpraSection.SANATORIUM_TREATMENT]: 'Санаторно-курортное лечение',
  [IpraSection.TECHNICAL_AIDS]: 'Технические средства реабилитации',
  [IpraSection.PROFESSIONAL]: 'Профессиональная реабилитация',
  [IpraSection.PSYCHOLOGICAL_PEDAGOGICAL]: 'Психолого-педагогическая реабилитация',
  [IpraSection.SOCIAL]: 'Социальная реабилитация',
};
