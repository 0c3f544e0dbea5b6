import { Ctx, Directive, Resolver, Root } from 'type-graphql';
import {
  AGENCY_ACCESS_REQUIRES,
  agencyRouteAccess,
  loaderBy,
  loaderManyBy,
  RouteContribution,
  RouteStepStatus,
  stepId,
  type AgencyRoute,
  type HubContext,
} from '@federation-hub/partner-kit';
import { AGENCY } from '../agency';
import { SectionEnrolment } from '../enrolment/section-enrolment.entity';
import { Section, SectionKind } from '../sections/section.entity';
import { Person } from './person';

/** How much a child attended under one enrolment: counted in SQL, never the rows. */
interface AttendanceSummary {
  enrolmentId: string;
  days: number;
  firstOn: string;
  lastOn: string;
}

/**
 * Attendance is summarised, one step per enrolment, not one step per day: a section meets weekly for years, and a
 * coordinator reading a family's route across five agencies needs "attends: 34 sessions, last on …", not 34 lines
 * burying the other agencies' steps. The individual days stay in the centre, behind its own API.
 */
function attendanceSummaries(ctx: HubContext) {
  return ctx.loaders.get<string, AttendanceSummary | null>('SectionAttendance.summary', async (enrolmentIds) => {
    const rows = await ctx.rootEm.getConnection().execute<{ enrolment_id: string; days: string; first_on: string; last_on: string }[]>(
      `select enrolment_id, count(*) as days, to_char(min(attended_on), 'YYYY-MM-DD') as first_on, to_char(max(attended_on), 'YYYY-MM-DD') as last_on
         from section_attendance where enrolment_id = any(?::uuid[]) group by enrolment_id`,
      [`{${enrolmentIds.join(',')}}`],
    );
    const byId = new Map(
      rows.map((r) => [r.enrolment_id, { enrolmentId: r.enrolment_id, days: Number(r.days), firstOn: r.first_on, lastOn: r.last_on }]),
    );
    return enrolmentIds.map((id) => byId.get(id) ?? null);
  });
}

const KIND_TITLE: Record<SectionKind, string> = {
  [SectionKind.ADAPTIVE_SPORT]: 'Адаптивный спорт',
  [SectionKind.CULTURE]: 'Творческая студия',
};

@Resolver(() => Person)
export class CultureRouteResolver {
  @Directive(AGENCY_ACCESS_REQUIRES)
  @RouteContribution(AGENCY, {
    description:
      "The culture and adaptive sport centre's part of the person's route: enrolments in sections and the attendance under each.",
  })
  async cultureRoute(@Root() person: Person, @Ctx() ctx: HubContext): Promise<AgencyRoute> {
    const withheld = agencyRouteAccess(ctx, AGENCY, person, 'Person.cultureRoute');
    if (withheld) return withheld;
    const enrolments = await loaderManyBy<SectionEnrolment>(ctx, SectionEnrolment, 'personId', { enrolledOn: 'asc' }).load(person.id);
    const [sections, summaries] = await Promise.all([
      Promise.all(enrolments.map((e) => loaderBy<Section>(ctx, Section, 'id').load(e.section.id))),
      Promise.all(enrolments.map((e) => attendanceSummaries(ctx).load(e.id))),
    ]);
    const steps = enrolments.flatMap((enrolment, i) => {
      const section = sections[i];
      const name = section ? `${KIND_TITLE[section.kind]}: ${section.name}` : 'Секция центра';
      const enrolmentStep = {
        id: stepId(AGENCY, 'SectionEnrolment', enrolment.id),
        personId: enrolment.personId,
        agency: AGENCY,
        kind: 'SECTION_ENROLMENT',
        title: name,
        // Active while the child is in the section; done once they left.
        status: enrolment.leftOn ? RouteStepStatus.DONE : RouteStepStatus.IN_PROGRESS,
        period: { startsOn: enrolment.enrolledOn, endsOn: enrolment.leftOn },
        dueOn: null,
        organizationId: section?.organizationId ?? null,
        responsible: 'Тренер-преподаватель секции',
        recordType: 'SectionEnrolment',
        recordId: enrolment.id,
        followsFrom: [],
        executorAgency: null,
      };
      const summary = summaries[i];
      if (!summary) return [enrolmentStep];
      return [
        enrolmentStep,
        {
          ...enrolmentStep,
          id: stepId(AGENCY, 'SectionAttendance', enrolment.id),
          kind: 'SECTION_ATTENDANCE',
          title: `Посещено занятий: ${summary.days} (${name})`,
          period: { startsOn: summary.firstOn, endsOn: summary.lastOn },
          // The summary names the enrolment: an attendance has no record of its own in the route.
          recordType: 'SectionEnrolment',
          followsFrom: [enrolmentStep.id],
        },
      ];
    });
    return { agency: AGENCY, alerts: [], steps };
  }
}
