import { organizationId } from '../domain/stable-id';

/**
 * Agency providers used by the demo families. Their ids are derived from their codes, so every
 * agency's demo data can point at them without asking social protection.
 * The operator organizations themselves are real (seed 003 annex, loaded as reference data).
 */
export const DEMO_ORGANIZATIONS = {
  /** Operator organizations from the annex of seed 003 serving the demo families. */
  irkutskOperator: { code: 'irk-op-13', id: organizationId('irk-op-13'), oktmo: '25701000' },
  bratskOperator: { code: 'irk-op-08', id: organizationId('irk-op-08'), oktmo: '25714000' },
  angarskOperator: { code: 'irk-op-01', id: organizationId('irk-op-01'), oktmo: '25703000' },
  /** Demo agency providers (synthetic names). */
  irkutskChildrenClinic: {
    code: 'demo-health-irk-clinic',
    id: organizationId('demo-health-irk-clinic'),
    oktmo: '25701000',
    agency: 'HEALTH',
    name: 'Детская городская поликлиника (демо), г. Иркутск',
  },
  bratskHospital: {
    code: 'demo-health-brk-hospital',
    id: organizationId('demo-health-brk-hospital'),
    oktmo: '25714000',
    agency: 'HEALTH',
    name: 'Городская больница (демо), г. Братск',
  },
  irkutskSchool: {
    code: 'demo-edu-irk-school',
    id: organizationId('demo-edu-irk-school'),
    oktmo: '25701000',
    agency: 'EDUCATION',
    name: 'Средняя общеобразовательная школа (демо), г. Иркутск',
  },
  bratskEarlyHelp: {
    code: 'demo-edu-brk-early-help',
    id: organizationId('demo-edu-brk-early-help'),
    oktmo: '25714000',
    agency: 'EDUCATION',
    name: 'Служба ранней помощи (демо), г. Братск',
  },
  irkutskEmploymentCentre: {
    code: 'demo-emp-irk-centre',
    id: organizationId('demo-emp-irk-centre'),
    oktmo: '25701000',
    agency: 'EMPLOYMENT',
    name: 'Центр занятости населения (демо), г. Иркутск',
  },
  bratskEmploymentCentre: {
    code: 'demo-emp-brk-centre',
    id: organizationId('demo-emp-brk-centre'),
    oktmo: '25714000',
    agency: 'EMPLOYMENT',
    name: 'Центр занятости населения (демо), г. Братск',
  },
  irkutskRentalPoint: {
    code: 'demo-rent-irk-point',
    id: organizationId('demo-rent-irk-point'),
    oktmo: '25701000',
    agency: 'RENTAL_FUND',
    name: 'Пункт проката ТСР (демо), г. Иркутск',
  },
  angarskHospital: {
    code: 'demo-health-ang-hospital',
    id: organizationId('demo-health-ang-hospital'),
    oktmo: '25703000',
    agency: 'HEALTH',
    name: 'Городская больница (демо), г. Ангарск',
  },
  irkutskPmpk: {
    code: 'demo-edu-irk-pmpk',
    id: organizationId('demo-edu-irk-pmpk'),
    oktmo: '25701000',
    agency: 'EDUCATION',
    name: 'Территориальная психолого-медико-педагогическая комиссия (демо), г. Иркутск',
  },
  /** The regional branch of the Social Fund, which provides technical aids under the IPRA (not an agency of the hub). */
  sfrIrkutskBranch: {
    code: 'demo-sfr-irk-branch',
    id: organizationId('demo-sfr-irk-branch'),
    oktmo: '25701000',
    agency: 'SOCIAL_FUND',
    name: 'Отделение Социального фонда России по Иркутской области (демо)',
  },
  angarskRentalPoint: {
    code: 'demo-rent-ang-point',
    id: organizationId('demo-rent-ang-point'),
    oktmo: '25703000',
    agency: 'RENTAL_FUND',
    name: 'Пункт проката ТСР (демо), г. Ангарск',
  },
} as const;

/**
 * The organization a demo specialist of each agency works for (`npm run token -- --role specialist --agency HEALTH`):
 * the Irkutsk providers the Ivanov family's referrals are addressed to, so the specialist sees them in the
 * referral inbox (a referral is answered by the organization it is addressed to only, seed 003 §27).
 */
export const DEMO_SPECIALIST_ORGANIZATIONS: Record<string, { id: string; oktmo: string }> = {
  HEALTH: DEMO_ORGANIZATIONS.irkutskChildrenClinic,
  EDUCATION: DEMO_ORGANIZATIONS.irkutskSchool,
  EMPLOYMENT: DEMO_ORGANIZATIONS.irkutskEmploymentCentre,
  RENTAL_FUND: DEMO_ORGANIZATIONS.irkutskRentalPoint,
};
