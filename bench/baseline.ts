import http from 'node:http';
import { Pool } from 'pg';
import { RouteStepStatus } from '../subgraphs/conventions/route/contract';
import { buildGraph, ipraMeasuresWithoutReferral, orderSteps, type Step } from '../subgraphs/conventions/route/rules';

/**
 * The practical ceiling: the same family route (steps, cross-agency alerts, graph) and the same resource-map
 * aggregates, computed by hand-written SQL straight against the five databases in one process — no GraphQL, no
 * HTTP between services, no authorization — and served over HTTP to the same client as the hub. It does LESS than
 * the hub (no consent check, no audit, only the alerts of route-rules), so the ratio is pessimistic for the hub.
 * What the hub adds on top is the price of federation and policy.
 */
export class Baseline {
  private readonly pools: Record<string, Pool>;
  statements = 0;

  constructor(urls: Record<string, string>) {
    this.pools = Object.fromEntries(Object.entries(urls).map(([name, url]) => [name, new Pool({ connectionString: url, max: 10 })]));
    // An idle connection dropped when the bench database stops must not crash the run.
    for (const pool of Object.values(this.pools)) pool.on('error', () => undefined);
  }

  private async query<T>(db: string, sql: string, params: unknown[]): Promise<T[]> {
    this.statements++;
    return (await this.pools[db].query(sql, params)).rows as T[];
  }

  async familyRoute(familyId: string): Promise<string> {
    const members = await this.query<{ id: string; first_name: string; last_name: string; display_name: string }>(
      'social-protection',
      `select p.id, p.first_name, p.last_name, f.display_name from family f join family_member m on m.family_id = f.id join person p on p.id = m.person_id where f.id = $1`,
      [familyId],
    );
    const ids = members.map((m) => m.id);
    const step = (agency: string, kind: string, type: string) => `'${agency}' as agency, '${kind}' as kind, '${type}' as record_type`;
    const parts = await Promise.all([
      this.query<Row>(
        'social-protection',
        `
        select id, person_id, ${step('SOCIAL_PROTECTION', 'SIGNAL', 'Signal')}, summary as title, 'DONE' as status, received_on as start_date, null::date as due_date, null::uuid as organization_id, null as executor_agency from signal where person_id = any($1)
        union all select id, person_id, ${step('SOCIAL_PROTECTION', 'CONTACT', 'StageTransition')}, to_stage::text, 'DONE', "on", null, null, null from stage_transition where person_id = any($1)
        union all select id, person_id, ${step('SOCIAL_PROTECTION', 'PROGRAMME', 'Programme')}, kind::text, 'IN_PROGRESS', valid_from, valid_until, null, null from programme where person_id = any($1)
        union all select id, person_id, ${step('SOCIAL_PROTECTION', 'MEASURE', 'Measure')}, title, status::text, planned_from, planned_to, executing_organization_id, executor_agency from measure where person_id = any($1)
        union all select id, person_id, ${step('SOCIAL_PROTECTION', 'REFERRAL', 'Referral')}, status::text, status::text, requested_on, null, executor_organization_id, executor_agency from referral where person_id = any($1)`,
        [ids],
      ),
      this.query<Row>(
        'health',
        `
        select id, person_id, ${step('HEALTH', 'IPRA', 'Ipra')}, number as title, 'DONE' as status, issued_on as start_date, valid_until as due_date, null::uuid as organization_id, null as executor_agency from ipra where person_id = any($1)
        union all select id, person_id, ${step('HEALTH', 'IPRA_MEASURE', 'IpraMeasure')}, title, execution_status::text, period_from, period_to, executor_organization_id, executor_agency from ipra_measure where person_id = any($1)
        union all select id, person_id, ${step('HEALTH', 'MSE_EXAMINATION', 'MseReferral')}, purpose::text, status::text, referred_on, next_re_examination_on, organization_id, null from mse_referral where person_id = any($1)`,
        [ids],
      ),
      this.query<Row>(
        'education',
        `
        select id, person_id, ${step('EDUCATION', 'EARLY_HELP_PROGRAMME', 'EarlyHelpProgramme')}, 'Программа ранней помощи' as title, status::text as status, start_date, end_date as due_date, organization_id, null as executor_agency from early_help_program where person_id = any($1)
        union all select id, person_id, ${step('EDUCATION', 'ENROLMENT', 'Enrolment')}, form::text, 'IN_PROGRESS', from_date, to_date, organization_id, null from enrolment where person_id = any($1)
        union all select id, person_id, ${step('EDUCATION', 'PMPK_CONCLUSION', 'PmpkConclusion')}, number, 'DONE', date, valid_until, commission_organization_id, null from pmpk_conclusion where person_id = any($1)`,
        [ids],
      ),
      this.query<Row>(
        'employment',
        `
        select id, person_id, ${step('EMPLOYMENT', 'JOB_SEEKER_REGISTRATION', 'JobSeekerRegistration')}, status::text as title, status::text as status, registered_on as start_date, closed_on as due_date, organization_id, null as executor_agency from job_seeker_registration where person_id = any($1)
        union all select id, person_id, ${step('EMPLOYMENT', 'SOCIAL_EMPLOYMENT', 'SocialEmployment')}, activity, 'IN_PROGRESS', start_date, end_date, organization_id, null from social_employment where person_id = any($1)
        union all select id, person_id, ${step('EMPLOYMENT', 'JOB_PLACEMENT', 'JobPlacement')}, position, 'IN_PROGRESS', start_date, end_date, organization_id, null from job_placement where person_id = any($1)`,
        [ids],
      ),
      this.query<Row>(
        'rental-fund',
        `
        select id, person_id, ${step('RENTAL_FUND', 'RENTAL_APPLICATION', 'RentalApplication')}, aid_code as title, status::text as status, applied_on as start_date, null::date as due_date, null::uuid as organization_id, null as executor_agency from rental_application where person_id = any($1)
        union all select id, person_id, ${step('RENTAL_FUND', 'RENTAL_CONTRACT', 'RentalContract')}, contract_number, status::text, issued_on, due_on, null, null from rental_contract where person_id = any($1)`,
        [ids],
      ),
    ]);
    const steps: Step[] = orderSteps(
      parts.flat().map((r) => ({
        id: `${r.agency.toLowerCase()}:${r.record_type}:${r.id}`,
        personId: r.person_id,
        agency: r.agency,
        kind: r.kind,
        title: r.title,
        // The baseline keeps each table's own status words: it measures the SQL and the rules' cost, not their wording.
        status: r.status as RouteStepStatus,
        period: { startsOn: iso(r.start_date), endsOn: null },
        dueOn: iso(r.due_date),
        organizationId: r.organization_id,
        responsible: null,
        recordType: r.record_type,
        recordId: r.id,
        followsFrom: [],
        executorAgency: r.executor_agency,
      })),
    );
    const route = {
      familyId,
      steps,
      alerts: ipraMeasuresWithoutReferral(steps),
      graph: buildGraph({
        family: { id: familyId, label: members[0]?.display_name ?? familyId },
        people: members.map((m) => ({ id: m.id, label: `${m.last_name} ${m.first_name}` })),
        steps,
        organizationLabel: (id) => id,
      }),
    };
    return JSON.stringify({ data: { family: { route } } });
  }

  /** One aggregate SQL per database: supply per territory and service kind, and social protection's demand. */
  async resourceMap(oktmo: string | null): Promise<string> {
    const where = (column: string) => (oktmo ? `where ${column} = $1` : 'where $1::text is null');
    const supplySql = (table: string) =>
      `select territory_oktmo, service_kind, count(*)::int as providers, sum(capacity_total)::int as total, sum(capacity_total - coalesce(capacity_used, 0))::int as available from ${table} ${where('territory_oktmo')} group by 1, 2`;
    const [sp, health, education, employment, rental] = await Promise.all([
      this.query(
        'social-protection',
        `
        select f.territory_oktmo, case when p.disability_group is null then 'OTHER' when extract(year from age(p.birth_date)) < 18 then 'CHILD' else 'ADULT' end as kind, count(distinct p.id)::int as count
          from person p join family_member m on m.person_id = p.id join family f on f.id = m.family_id ${where('f.territory_oktmo')} group by 1, 2
        union all select c.territory_oktmo, ms.kind::text, count(*)::int from measure ms join support_case c on c.id = ms.case_id ${where('c.territory_oktmo')} and ms.status in ('PLANNED','IN_PROGRESS') group by 1, 2`,
        [oktmo],
      ),
      this.query('health', supplySql('provided_service'), [oktmo]),
      this.query('education', supplySql('provided_service'), [oktmo]),
      this.query(
        'employment',
        `${supplySql('provided_service')} union all select territory_oktmo, 'QUOTA_JOBS', count(*)::int, sum(quota)::int, sum(quota - filled)::int from quota_job ${where('territory_oktmo')} group by 1`,
        [oktmo],
      ),
      this.query(
        'rental-fund',
        `
        select p.territory_oktmo, i.aid_code, count(*) filter (where i.condition <> 'WRITTEN_OFF')::int as total,
               count(*) filter (where i.condition = 'WORKING_ORDER' and not i.on_loan)::int as available
          from rental_item i join rental_point p on p.id = i.rental_point_id ${where('p.territory_oktmo')} group by 1, 2`,
        [oktmo],
      ),
    ]);
    return JSON.stringify({ sp, health, education, employment, rental });
  }

  private server?: http.Server;

  /**
   * The baseline answers over HTTP like the hub (POST {"familyId"} or {"oktmo"} as JSON), so both are measured by
   * the same client end to end; a plain node:http server, nothing else between the client and the SQL.
   */
  async listen(): Promise<string> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => void this.answer(req.url, body, res));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  private async answer(url: string | undefined, body: string, res: http.ServerResponse): Promise<void> {
    try {
      const input = JSON.parse(body) as { familyId?: string; oktmo?: string | null };
      const json = url === '/route' ? await this.familyRoute(String(input.familyId)) : await this.resourceMap(input.oktmo ?? null);
      res.writeHead(200, { 'content-type': 'application/json' }).end(json);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: String(error) }] }));
    }
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    await Promise.all(Object.values(this.pools).map((p) => p.end()));
  }
}

interface Row {
  id: string;
  person_id: string;
  agency: string;
  kind: string;
  record_type: string;
  title: string;
  status: string;
  start_date: Date | null;
  due_date: Date | null;
  organization_id: string | null;
  executor_agency: string | null;
}

const iso = (d: Date | string | null) => (d ? (d instanceof Date ? d.toISOString().slice(0, 10) : d) : null);
