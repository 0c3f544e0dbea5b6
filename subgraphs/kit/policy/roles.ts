/**
 * Who works with the hub's data (DOMAIN.md "People and roles"; seed 003 §33, §34, §2, §23).
 * Roles are few and coarse on purpose: what a role may see is decided by each subgraph,
 * where the data lives, from the role plus the caller's organization and territory.
 */
export const Role = {
  COORDINATOR: 'COORDINATOR',
  SPECIALIST: 'SPECIALIST',
  ANALYST: 'ANALYST',
  PARTNER_SERVICE: 'PARTNER_SERVICE',
  ADMINISTRATOR: 'ADMINISTRATOR',
  /**
   * A citizen (or their legal representative) signed in as themself, bound to one person by the token's `person`
   * claim (issue 15 §6, Estonia's Data Tracker): reads that person's access log and consents, and gives or revokes
   * consent. Each subgraph decides what the role may read; none opens anything else to it.
   */
  CITIZEN: 'CITIZEN',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES = Object.values(Role);

/**
 * The five founding agencies. Agency codes are plain strings elsewhere in the schema
 * (route steps, resource map) so that a partner agency joins with its own code
 * without anyone editing an enum.
 */
export const Agency = {
  SOCIAL_PROTECTION: 'SOCIAL_PROTECTION',
  HEALTH: 'HEALTH',
  EDUCATION: 'EDUCATION',
  EMPLOYMENT: 'EMPLOYMENT',
  RENTAL_FUND: 'RENTAL_FUND',
} as const;
export type Agency = (typeof Agency)[keyof typeof Agency];
export const AGENCIES = Object.values(Agency);
