import { statisticsReportReference } from '../conventions/statistics/contract';
import { StatisticsReportEntity } from './statistics/statistics.resolver';
import type { SubgraphModule } from '../kit/platform/subgraph';
import { CalendarDay } from './calendar/calendar-day.entity';
import { loadProductionCalendar } from './calendar/calendar-reference';
import { CalendarResolver } from './calendar/calendar.resolver';
import { loadDemoData } from './data/demo-data';
import { loadDemoSupport } from './data/demo-support';
import { loadReferenceData } from './data/reference-data';
import { Family, FamilyMember } from './family/family.entity';
import { FamilyMemberResolver, FamilyResolver } from './family/family.resolver';
import { migrations } from './migrations';
import { Consent } from './consent/consent.entity';
import { ConsentFieldsResolver, ConsentResolver } from './consent/consent.resolver';
import { accessLogResolver } from '../conventions/access-log/contract';
import { ProvidedService } from '../conventions/resource-map/contract';
import { DemandResolver } from './resource-map/demand.resolver';
import { DemandPerson, DemandTally } from './resource-map/demand-tally.entity';
import { SocialProtectionResourcesResolver } from './resource-map/resources';
import { StatisticsResolver } from './statistics/statistics.resolver';
import { coordinatesPerson } from './support-case/support-case.policy';
import { citizenActsFor } from './consent/citizen.policy';
import { AgencyAccessResolver } from './person/agency-access.resolver';
import { Organization } from './organization/organization.entity';
import { OrganizationResolver, organizationReference } from './organization/organization.resolver';
import { Person } from './person/person.entity';
import { personReference } from './person/person.reference';
import { PersonResolver } from './person/person.resolver';
import { TargetCategoryResolver } from './person/target-category.resolver';
import { Measure, Programme, SupportAgreement } from './programme/programme.entity';
import { MeasureResolver, ProgrammeResolver, SupportAgreementResolver } from './programme/programme.resolver';
import { Referral } from './referral/referral.entity';
import { ReferralResolver } from './referral/referral.resolver';
import { ReferralInboxResolver } from './referral/referral-inbox.resolver';
import { MeasureExecution } from './programme/measure-execution.entity';
import { MeasureExecutionResolver, MeasureExecutionsResolver } from './programme/measure-execution.resolver';
import { RegisterResolver } from './register/register.resolver';
import { Signal } from './signal/signal.entity';
import { SignalResolver } from './signal/signal.resolver';
import { SocialContract } from './social-contract/social-contract.entity';
import { SocialContractResolver } from './social-contract/social-contract.resolver';
import { PersonSupportResolver } from './support-case/person-support.resolver';
import { StageTransition, SupportCase } from './support-case/support-case.entity';
import { SupportCaseResolver } from './support-case/support-case.resolver';
import {
  consentReference,
  familyReference,
  measureReference,
  programmeReference,
  referralReference,
  signalReference,
  socialContractReference,
  contactAttemptReference,
  stageTransitionReference,
  supportCaseReference,
} from './references';
import { Territory } from './territory/territory.entity';
import { MeasureNeed, NeedsAssessment } from './needs-assessment/needs-assessment.entity';
import {
  MeasureNeedsResolver,
  needsAssessmentReference,
  NeedsAssessmentResolver,
  SupportCaseAssessmentResolver,
} from './needs-assessment/needs-assessment.resolver';
import { CaseTeamMember, ConsultationRequest, CoordinatorAssignment } from './case-team/case-team.entity';
import {
  CaseTeamMemberResolver,
  caseTeamMemberReference,
  CaseTeamResolver,
  ConsultationRequestResolver,
  consultationRequestReference,
  coordinatorAssignmentReference,
  SupportCaseTeamResolver,
} from './case-team/case-team.resolver';
import { loadDemoCasePeople } from './data/demo-case-people';
import { TerritoryResolver, territoryReference } from './territory/territory.resolver';
import { ContactAttempt } from './contact-attempt/contact-attempt.entity';
import { ContactAttemptResolver } from './contact-attempt/contact-attempt.resolver';
import { loadDemoIntake } from './data/demo-intake';
import { JournalResolver } from './journal/journal.resolver';
import { IntakeResolver } from './signal/intake.resolver';

/** Social protection: owner of people, families, organizations and territories; home of the coordinator and the support process. */
export const socialProtection: SubgraphModule = {
  name: 'social-protection',
  agency: 'SOCIAL_PROTECTION',
  entities: [
    Territory,
    Organization,
    Person,
    Family,
    FamilyMember,
    Consent,
    CalendarDay,
    Signal,
    SupportCase,
    StageTransition,
    Programme,
    SupportAgreement,
    Measure,
    Referral,
    SocialContract,
    ProvidedService,
    MeasureExecution,
    ContactAttempt,
    NeedsAssessment,
    MeasureNeed,
    CoordinatorAssignment,
    CaseTeamMember,
    ConsultationRequest,
    DemandPerson,
    DemandTally,
  ],
  migrations,
  orphanedTypes: [StatisticsReportEntity],
  resolvers: [
    TerritoryResolver,
    OrganizationResolver,
    PersonResolver,
    AgencyAccessResolver,
    ConsentResolver,
    ConsentFieldsResolver,
    FamilyResolver,
    FamilyMemberResolver,
    TargetCategoryResolver,
    RegisterResolver,
    CalendarResolver,
    SignalResolver,
    SupportCaseResolver,
    PersonSupportResolver,
    ProgrammeResolver,
    MeasureResolver,
    SupportAgreementResolver,
    ReferralResolver,
    SocialContractResolver,
    DemandResolver,
    SocialProtectionResourcesResolver,
    StatisticsResolver,
    ReferralInboxResolver,
    MeasureExecutionsResolver,
    MeasureExecutionResolver,
    NeedsAssessmentResolver,
    SupportCaseAssessmentResolver,
    MeasureNeedsResolver,
    CaseTeamResolver,
    CaseTeamMemberResolver,
    ConsultationRequestResolver,
    SupportCaseTeamResolver,
    IntakeResolver,
    JournalResolver,
    ContactAttemptResolver,
    accessLogResolver(
      Person,
      'SOCIAL_PROTECTION',
      'socialProtectionAccessLog',
      async (ctx, person) => (await coordinatesPerson(ctx, person.id)) || (await citizenActsFor(ctx, person.id)) !== null,
      false,
    ),
  ],
  referenceResolvers: {
    Person: personReference,
    StatisticsReport: statisticsReportReference,
    Family: familyReference,
    Organization: organizationReference,
    Territory: territoryReference,
    SupportCase: supportCaseReference,
    Referral: referralReference,
    Consent: consentReference,
    Signal: signalReference,
    StageTransition: stageTransitionReference,
    Programme: programmeReference,
    Measure: measureReference,
    SocialContract: socialContractReference,
    ContactAttempt: contactAttemptReference,
    NeedsAssessment: needsAssessmentReference,
    CoordinatorAssignment: coordinatorAssignmentReference,
    CaseTeamMember: caseTeamMemberReference,
    ConsultationRequest: consultationRequestReference,
  },
  async loadReferenceData(em) {
    await loadReferenceData(em);
    await loadProductionCalendar(em);
  },
  async loadDemoData(em) {
    await loadDemoData(em);
    await loadDemoSupport(em);
    await loadDemoIntake(em);
    await loadDemoCasePeople(em);
  },
};
