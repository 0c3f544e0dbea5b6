import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO_ORGANIZATIONS as ORG } from '../../kit/demo/organizations';
import { DEMO_PEOPLE as P } from '../../kit/demo/people';
import { today } from '../../kit/platform/clock';
import { organizationId, stableId } from '../../kit/domain/stable-id';
import { storedFederalCalendar } from '../calendar/calendar-reference';
import { subtractWorkingDays } from '../calendar/calendar-data';
import {
  CaseTeamMember,
  ConsultationRequest,
  ConsultationStatus,
  ConsultationTopic,
  CoordinatorAssignment,
  CoordinatorAssignmentKind,
  TeamRole,
} from '../case-team/case-team.entity';
import { LivingConditionsActKind, MeasureNeed, NeedDomain, NeedsAssessment } from '../needs-assessment/needs-assessment.entity';
import { DEMO_SUPPORT } from './demo-support';

const id = (kind: string, name: string) => stableId(`social-protection-${kind}`, name);

/** The regional resource multi-profile centre «РОСТ» (seed 003 annex item 39), which consults remotely (seed 003 §32.1). */
const ROST = organizationId('irk-op-39');

/**
 * Issue 15 §3–§4 on the demo cases, on the days of loadDemoSupport (working days back from today): the Ivanov case
 * was assessed at the meeting agreed on contact (needs: pedagogical, medical, technical aids; the act of the home),
 * its measures answer two of the three needs (technical aids still unanswered); it was appointed to a coordinator of
 * district 1 and transferred to the current one; its multidisciplinary team has three specialists of three agencies
 * and a remote consultation with «РОСТ» is accepted. The Petrov case was assessed 6 working days ago. Upserts by
 * stable ids: idempotent.
 */
export async function loadDemoCasePeople(em: EntityManager): Promise<void> {
  const cal = await storedFederalCalendar(em);
  const back = (n: number) => subtractWorkingDays(cal, today(), n);
  const ivanov = { contacted: back(57), assessed: back(55), transferred: back(30) };
  const petrov = { contacted: back(8), assessed: back(6) };
  const irkutskCoordinator = `demo-coordinator-${ORG.irkutskOperator.oktmo}`;
  const at = (on: string, n = 0) => new Date(`${on}T11:00:00.${String(n).padStart(3, '0')}Z`);

  await em.upsertMany(NeedsAssessment, [
    {
      id: id('assessment', 'ivanov'),
      caseId: DEMO_SUPPORT.ivanovCase,
      personId: P.artyomIvanov.id,
      meetingOn: ivanov.assessed,
      surveyedOn: ivanov.assessed,
      findings: [
        { domain: NeedDomain.PEDAGOGICAL, needed: true, finding: 'Нуждается в обучении в инклюзивном классе с тьютором' },
        { domain: NeedDomain.MEDICAL, needed: true, finding: 'Курс медицинской реабилитации по ИПРА' },
        { domain: NeedDomain.TECHNICAL_AID, needed: true, finding: 'Кресло-коляска по ИПРА, в очереди на получение' },
        { domain: NeedDomain.LEGAL, needed: false, finding: 'Правовые вопросы семья решает сама' },
      ],
      actKind: LivingConditionsActKind.MATERIAL_LIVING_CONDITIONS,
      actDrawnUpOn: ivanov.contacted,
      actFindings: 'Двухкомнатная квартира на 3-м этаже без лифта; пандуса у подъезда нет',
      recordedBySubject: irkutskCoordinator,
      recordedAt: at(ivanov.contacted),
      idempotencyKey: 'demo-assessment-ivanov',
    },
    {
      id: id('assessment', 'petrov'),
      caseId: DEMO_SUPPORT.petrovCase,
      personId: P.sergeyPetrov.id,
      meetingOn: petrov.assessed,
      surveyedOn: petrov.assessed,
      findings: [
        { domain: NeedDomain.EMPLOYMENT, needed: true, finding: 'Социальная занятость: 3-я степень ограничения к трудовой деятельности' },
        { domain: NeedDomain.SOCIAL_ECONOMIC, needed: true, finding: 'Оформление мер социальной поддержки' },
      ],
      actKind: null,
      actDrawnUpOn: null,
      actFindings: null,
      recordedBySubject: `demo-coordinator-${ORG.bratskOperator.oktmo}`,
      recordedAt: at(petrov.contacted),
      idempotencyKey: 'demo-assessment-petrov',
    },
  ]);
  await em.upsertMany(MeasureNeed, [
    { measureId: id('measure', 'ivanov-school'), need: NeedDomain.PEDAGOGICAL, caseId: DEMO_SUPPORT.ivanovCase },
    { measureId: id('measure', 'ivanov-clinic'), need: NeedDomain.MEDICAL, caseId: DEMO_SUPPORT.ivanovCase },
  ]);

  const assignments = [
    {
      id: id('coordinator-assignment', 'ivanov-1'),
      caseId: DEMO_SUPPORT.ivanovCase,
      kind: CoordinatorAssignmentKind.ASSIGNED,
      coordinatorSubject: `${irkutskCoordinator}-district-1`,
      coordinatorPost: 'куратор участка 1',
      previousCoordinatorSubject: null,
      assignedOn: ivanov.contacted,
      bySubject: `${irkutskCoordinator}-district-1`,
      byRole: 'COORDINATOR',
      reason: 'Принял(а) случай при первом переходе этапа',
      recordedAt: at(ivanov.contacted, 1),
      idempotencyKey: null,
    },
    {
      id: id('coordinator-assignment', 'ivanov-2'),
      caseId: DEMO_SUPPORT.ivanovCase,
      kind: CoordinatorAssignmentKind.TRANSFERRED,
      coordinatorSubject: irkutskCoordinator,
      coordinatorPost: 'куратор участка',
      previousCoordinatorSubject: `${irkutskCoordinator}-district-1`,
      assignedOn: ivanov.transferred,
      bySubject: `${irkutskCoordinator}-district-1`,
      byRole: 'COORDINATOR',
      reason: 'Перераспределение участков: семья переехала на другой участок',
      recordedAt: at(ivanov.transferred),
      idempotencyKey: null,
    },
    {
      id: id('coordinator-assignment', 'petrov-1'),
      caseId: DEMO_SUPPORT.petrovCase,
      kind: CoordinatorAssignmentKind.ASSIGNED,
      coordinatorSubject: `demo-coordinator-${ORG.bratskOperator.oktmo}`,
      coordinatorPost: 'куратор участка',
      previousCoordinatorSubject: null,
      assignedOn: petrov.contacted,
      bySubject: `demo-coordinator-${ORG.bratskOperator.oktmo}`,
      byRole: 'COORDINATOR',
      reason: 'Принял(а) случай при первом переходе этапа',
      recordedAt: at(petrov.contacted),
      idempotencyKey: null,
    },
  ];
  // The demo cases' history is exactly this one (a database migrated before the demo may hold a back-filled entry).
  await em.nativeDelete(CoordinatorAssignment, {
    caseId: { $in: [DEMO_SUPPORT.ivanovCase, DEMO_SUPPORT.petrovCase] },
    id: { $nin: assignments.map((a) => a.id) },
  });
  await em.upsertMany(CoordinatorAssignment, assignments);

  const member = (name: string, organization: { id: string; agency?: string }, role: TeamRole, post: string) => ({
    id: id('team-member', `ivanov-${name}`),
    caseId: DEMO_SUPPORT.ivanovCase,
    organizationId: organization.id,
    agency: organization.agency ?? 'SOCIAL_PROTECTION',
    role,
    post,
    joinedOn: back(44),
    addedBySubject: irkutskCoordinator,
    leftOn: null,
    removedBySubject: null,
    removalReason: null,
    idempotencyKey: null,
  });
  await em.upsertMany(CaseTeamMember, [
    member('psychologist', ORG.irkutskOperator, TeamRole.PSYCHOLOGIST, 'педагог-психолог'),
    member('pedagogue', ORG.irkutskSchool, TeamRole.SOCIAL_PEDAGOGUE, 'социальный педагог'),
    member('rehabilitologist', ORG.irkutskChildrenClinic, TeamRole.REHABILITOLOGIST, 'врач по медицинской реабилитации'),
  ]);

  await em.upsertMany(ConsultationRequest, [
    {
      id: id('consultation', 'ivanov-rost'),
      caseId: DEMO_SUPPORT.ivanovCase,
      personId: P.artyomIvanov.id,
      consultingOrganizationId: ROST,
      topic: ConsultationTopic.REHABILITATION,
      remote: true,
      question: 'Консультация родителей по домашней реабилитации ребёнка, пользующегося креслом-коляской',
      requestedOn: back(10),
      requestedBySubject: irkutskCoordinator,
      status: ConsultationStatus.ACCEPTED,
      answeredOn: back(8),
      consultationOn: cal.workingDayDeadline(today(), 3).dueDate,
      answer: null,
      statusChangedOn: back(8),
      idempotencyKey: null,
    },
  ]);
}
