import { Migration } from '@mikro-orm/migrations';

const OPEN_MEASURE = `('PLANNED', 'IN_PROGRESS')`;
const OPEN_REFERRAL = `('REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD')`;
const CLOSED_CASE = `('CONCLUDED', 'DECLINED', 'STOPPED')`;

/** A measure or a referral counted on its case's territory while its status is open (`row` is old or new). */
const openWorkFunction = (table: string, dimension: string, kind: (row: 'old' | 'new') => string, open: string) =>
  `create or replace function demand_${table}_changed() returns trigger language plpgsql as $$
      begin
        if tg_op in ('DELETE', 'UPDATE') and old.status in ${open} then
          perform demand_tally_add((select territory_oktmo from support_case where id = old.case_id), '${dimension}', ${kind('old')}, -1);
        end if;
        if tg_op in ('INSERT', 'UPDATE') and new.status in ${open} then
          perform demand_tally_add((select territory_oktmo from support_case where id = new.case_id), '${dimension}', ${kind('new')}, 1);
        end if;
        return null;
      end $$;`;

/**
 * Issue 19: the resource map's demand (seed 003 §34.3) read from counts kept with the writes that change them
 * (resource-map/demand-tally.entity.ts) instead of joining people, memberships and families and counting open
 * measures, referrals and cases on every request. Triggers keep both tables in the writer's own transaction, so
 * the counts are exact at every commit; existing records are counted once here.
 *
 * Deletes are counted where the parent still exists: a family or a case subtracts its members or its open work
 * when it goes, and a child whose parent is already gone (a cascade, or a case deleted first) subtracts nothing.
 */
export class Migration20261205010000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "demand_person" ("person_id" uuid not null, "territory_oktmo" varchar(11) not null, "memberships" int not null, "birth_date" date not null, "disability_group" "disability_group" null, "has_limited_health_capabilities" boolean not null, "is_at_risk" boolean not null, constraint "demand_person_pkey" primary key ("person_id", "territory_oktmo"));`,
    );
    this.addSql(`create index "demand_person_territory_oktmo_index" on "demand_person" ("territory_oktmo");`);
    this.addSql(
      `create table "demand_tally" ("territory_oktmo" varchar(11) not null, "dimension" varchar(16) not null, "kind" varchar(64) not null, "count" int not null, constraint "demand_tally_pkey" primary key ("territory_oktmo", "dimension", "kind"));`,
    );

    this
      .addSql(`create or replace function demand_person_count(p_person uuid, p_territory varchar, p_delta int) returns void language plpgsql as $$
      begin
        if p_person is null or p_territory is null then return; end if;
        if p_delta > 0 then
          insert into demand_person as d (person_id, territory_oktmo, memberships, birth_date, disability_group, has_limited_health_capabilities, is_at_risk)
            select p.id, p_territory, p_delta, p.birth_date, p.disability_group, p.has_limited_health_capabilities, p.is_at_risk from person p where p.id = p_person
          on conflict (person_id, territory_oktmo) do update set memberships = d.memberships + excluded.memberships;
        else
          update demand_person set memberships = memberships + p_delta where person_id = p_person and territory_oktmo = p_territory;
          delete from demand_person where person_id = p_person and territory_oktmo = p_territory and memberships <= 0;
        end if;
      end $$;`);
    this.addSql(`create or replace function demand_family_member_changed() returns trigger language plpgsql as $$
      begin
        if tg_op in ('DELETE', 'UPDATE') then
          perform demand_person_count(old.person_id, (select territory_oktmo from family where id = old.family_id), -1);
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          perform demand_person_count(new.person_id, (select territory_oktmo from family where id = new.family_id), 1);
        end if;
        return null;
      end $$;`);
    this.addSql(
      `create trigger demand_family_member after insert or delete or update of person_id, family_id on family_member for each row execute function demand_family_member_changed();`,
    );
    this.addSql(`create or replace function demand_family_changed() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          perform demand_person_count(m.person_id, old.territory_oktmo, -1) from family_member m where m.family_id = old.id;
          return old;
        end if;
        if new.territory_oktmo is distinct from old.territory_oktmo then
          perform demand_person_count(m.person_id, old.territory_oktmo, -1) from family_member m where m.family_id = new.id;
          perform demand_person_count(m.person_id, new.territory_oktmo, 1) from family_member m where m.family_id = new.id;
        end if;
        return new;
      end $$;`);
    // Before the delete: the cascade then removes the members of a family that no longer exists, which count nothing.
    this.addSql(`create trigger demand_family_deleted before delete on family for each row execute function demand_family_changed();`);
    this.addSql(
      `create trigger demand_family_moved after update of territory_oktmo on family for each row execute function demand_family_changed();`,
    );
    this.addSql(`create or replace function demand_person_changed() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          delete from demand_person where person_id = old.id;
        else
          update demand_person set birth_date = new.birth_date, disability_group = new.disability_group,
                 has_limited_health_capabilities = new.has_limited_health_capabilities, is_at_risk = new.is_at_risk
           where person_id = new.id;
        end if;
        return null;
      end $$;`);
    this.addSql(
      `create trigger demand_person_changed after delete or update of birth_date, disability_group, has_limited_health_capabilities, is_at_risk on person for each row execute function demand_person_changed();`,
    );

    this
      .addSql(`create or replace function demand_tally_add(p_territory varchar, p_dimension varchar, p_kind varchar, p_delta int) returns void language plpgsql as $$
      begin
        if p_territory is null or p_delta = 0 then return; end if;
        insert into demand_tally as t (territory_oktmo, dimension, kind, count) values (p_territory, p_dimension, p_kind, p_delta)
        on conflict (territory_oktmo, dimension, kind) do update set count = t.count + excluded.count;
      end $$;`);
    this.addSql(openWorkFunction('measure', 'MEASURE', (row) => `${row}.kind::text`, OPEN_MEASURE));
    this.addSql(
      `create trigger demand_measure after insert or delete or update of status, kind, case_id on measure for each row execute function demand_measure_changed();`,
    );
    this.addSql(openWorkFunction('referral', 'REFERRALS', () => `'OPEN'`, OPEN_REFERRAL));
    this.addSql(
      `create trigger demand_referral after insert or delete or update of status, case_id on referral for each row execute function demand_referral_changed();`,
    );
    // A case counts itself and, on its territory, the open measures and referrals recorded for it; a measure saved
    // before its case (the case id is not a foreign key) is counted when the case arrives.
    this.addSql(`create or replace function demand_case_changed() returns trigger language plpgsql as $$
      declare
        was_open boolean := tg_op <> 'INSERT' and old.stage not in ${CLOSED_CASE};
        is_open boolean := tg_op <> 'DELETE' and new.stage not in ${CLOSED_CASE};
        moved boolean := tg_op <> 'UPDATE' or new.territory_oktmo is distinct from old.territory_oktmo;
      begin
        if tg_op <> 'INSERT' and moved then
          perform demand_tally_add(old.territory_oktmo, 'MEASURE', x.kind, -x.n)
             from (select kind::text as kind, count(*)::int as n from measure where case_id = old.id and status in ${OPEN_MEASURE} group by 1) x;
          perform demand_tally_add(old.territory_oktmo, 'REFERRALS', 'OPEN', -count(*)::int)
             from referral where case_id = old.id and status in ${OPEN_REFERRAL};
        end if;
        if tg_op <> 'DELETE' and moved then
          perform demand_tally_add(new.territory_oktmo, 'MEASURE', x.kind, x.n)
             from (select kind::text as kind, count(*)::int as n from measure where case_id = new.id and status in ${OPEN_MEASURE} group by 1) x;
          perform demand_tally_add(new.territory_oktmo, 'REFERRALS', 'OPEN', count(*)::int)
             from referral where case_id = new.id and status in ${OPEN_REFERRAL};
        end if;
        if was_open then perform demand_tally_add(old.territory_oktmo, 'CASES', 'OPEN', -1); end if;
        if is_open then perform demand_tally_add(new.territory_oktmo, 'CASES', 'OPEN', 1); end if;
        return null;
      end $$;`);
    this.addSql(
      `create trigger demand_case after insert or delete or update of stage, territory_oktmo on support_case for each row execute function demand_case_changed();`,
    );

    this
      .addSql(`insert into demand_person (person_id, territory_oktmo, memberships, birth_date, disability_group, has_limited_health_capabilities, is_at_risk)
      select p.id, f.territory_oktmo, count(*), p.birth_date, p.disability_group, p.has_limited_health_capabilities, p.is_at_risk
        from family_member m join family f on f.id = m.family_id join person p on p.id = m.person_id
       group by p.id, f.territory_oktmo;`);
    this.addSql(`insert into demand_tally (territory_oktmo, dimension, kind, count)
      select c.territory_oktmo, 'MEASURE', ms.kind::text, count(*) from measure ms join support_case c on c.id = ms.case_id
       where c.territory_oktmo is not null and ms.status in ${OPEN_MEASURE} group by 1, 3
      union all
      select c.territory_oktmo, 'REFERRALS', 'OPEN', count(*) from referral r join support_case c on c.id = r.case_id
       where c.territory_oktmo is not null and r.status in ${OPEN_REFERRAL} group by 1
      union all
      select c.territory_oktmo, 'CASES', 'OPEN', count(*) from support_case c
       where c.territory_oktmo is not null and c.stage not in ${CLOSED_CASE} group by 1;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger demand_case on support_case;`);
    this.addSql(`drop trigger demand_referral on referral;`);
    this.addSql(`drop trigger demand_measure on measure;`);
    this.addSql(`drop trigger demand_person_changed on person;`);
    this.addSql(`drop trigger demand_family_moved on family;`);
    this.addSql(`drop trigger demand_family_deleted on family;`);
    this.addSql(`drop trigger demand_family_member on family_member;`);
    this
      .addSql(`drop function demand_case_changed(), demand_referral_changed(), demand_measure_changed(), demand_tally_add(varchar, varchar, varchar, int),
      demand_person_changed(), demand_family_changed(), demand_family_member_changed(), demand_person_count(uuid, varchar, int);`);
    this.addSql(`drop table "demand_tally";`);
    this.addSql(`drop table "demand_person";`);
  }
}
