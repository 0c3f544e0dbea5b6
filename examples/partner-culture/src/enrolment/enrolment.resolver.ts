import { LockMode } from '@mikro-orm/core';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import {
  assertIdempotencyKey,
  assertPersonId,
  assertRecordId,
  DomainError,
  ErrorCode,
  LocalDate,
  loaderBy,
  MutationPayload,
  notFound,
  payloadOf,
  Role,
  today,
  type HubContext,
} from '@federation-hub/partner-kit';
import { assertCultureSpecialist } from '../agency';
import { Person } from '../person/person';
import { Section } from '../sections/section.entity';
import { SectionAttendance } from '../attendance/section-attendance.entity';
import { writeOnce } from '../shared/write-once';
import { SectionEnrolment } from './section-enrolment.entity';
import { checkEnrolment, checkLeaving } from './enrolment.rules';

@InputType({ description: 'Enrolment of a child in a section of the centre.' })
export class EnrolInSectionInput {
  @Field(() => ID, { description: 'The child (hub person id, `Person.id`).' })
  personId!: string;

  @Field(() => ID, { description: 'The section (`Section.id`).' })
  sectionId!: string;

  @Field(() => LocalDate, { description: 'The first day in the section; today or earlier.' })
  enrolledOn!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Client-supplied key: a retry with the same key answers the enrolment the first call made, and writes nothing.',
  })
  idempotencyKey?: string | null;
}

@ObjectType({ description: 'What enrolInSection answers: the enrolment, or why it was refused.' })
export class EnrolInSectionPayload extends MutationPayload {
  @Field(() => SectionEnrolment, {
    nullable: true,
    description: 'The enrolment made (or made by the first call with this key); null when refused.',
  })
  enrolment!: SectionEnrolment | null;
}

@InputType({ description: 'A child leaving a section.' })
export class LeaveSectionInput {
  @Field(() => ID, { description: 'The enrolment that ends (`SectionEnrolment.id`).' })
  enrolmentId!: string;

  @Field(() => LocalDate, { description: 'The day the child left; today or earlier, not before the last day attended.' })
  leftOn!: string;
}

@ObjectType({ description: 'What leaveSection answers: the closed enrolment, or why it was refused.' })
export class LeaveSectionPayload extends MutationPayload {
  @Field(() => SectionEnrolment, { nullable: true, description: 'The enrolment, now with `leftOn`; null when refused.' })
  enrolment!: SectionEnrolment | null;
}

@Resolver(() => SectionEnrolment)
export class SectionEnrolmentResolver {
  @FieldResolver(() => Person, { nullable: true, description: 'The child; social protection answers the fields of the person.' })
  person(@Root() enrolment: SectionEnrolment): Pick<Person, 'id'> {
    return { id: enrolment.personId };
  }

  @FieldResolver(() => Section, { nullable: true, description: 'The section the child is enrolled in.' })
  section(@Root() enrolment: SectionEnrolment, @Ctx() ctx: HubContext): Promise<Section | null> {
    return loaderBy<Section>(ctx, Section, 'id').load(enrolment.section.id);
  }

  @Authorized(Role.SPECIALIST)
  @Mutation(() => EnrolInSectionPayload, {
    description: "Enrols a child in a section while it has a free place. The centre's specialists only.",
  })
  enrolInSection(@Arg('input', { description: 'The enrolment.' }) input: EnrolInSectionInput, @Ctx() ctx: HubContext) {
    assertCultureSpecialist(ctx);
    return payloadOf(ctx, async () => {
      const key = assertIdempotencyKey(input.idempotencyKey);
      const personId = assertPersonId(input.personId);
      const sectionId = assertRecordId(input.sectionId, 'sectionId');
      const enrolment = await writeOnce(
        ctx,
        key,
        async (em) => {
          const found = await em.findOne(SectionEnrolment, { idempotencyKey: key });
          if (found && found.personId !== personId) {
            throw new DomainError(ErrorCode.CONFLICT, 'This idempotencyKey was already used for another child', {
              field: 'idempotencyKey',
            });
          }
          return found;
        },
        async (em) => {
          // The section's row is locked while its places are counted: two specialists cannot both take the last place.
          const section = await em.findOne(Section, { id: sectionId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
          if (!section) throw notFound('Section', sectionId);
          const [activeEnrolments, alreadyEnrolled] = await Promise.all([
            em.count(SectionEnrolment, { section, leftOn: null }),
            em.count(SectionEnrolment, { section, personId, leftOn: null }),
          ]);
          checkEnrolment({
            enrolledOn: input.enrolledOn,
            today: today(),
            capacity: section.capacity,
            activeEnrolments,
            alreadyEnrolled: alreadyEnrolled > 0,
          });
          const created = em.create(SectionEnrolment, {
            personId,
            section,
            enrolledOn: input.enrolledOn,
            leftOn: null,
            idempotencyKey: key,
          });
          ctx.audit.recordWrite(em, 'enrolInSection', [personId]);
          return created;
        },
      );
      return { enrolment };
    });
  }

  @Authorized(Role.SPECIALIST)
  @Mutation(() => LeaveSectionPayload, {
    description: "Records that a child left a section, freeing the place. The centre's specialists only.",
  })
  leaveSection(@Arg('input', { description: 'The enrolment and the day left.' }) input: LeaveSectionInput, @Ctx() ctx: HubContext) {
    assertCultureSpecialist(ctx);
    return payloadOf(ctx, async () => {
      const enrolmentId = assertRecordId(input.enrolmentId, 'enrolmentId');
      const enrolment = await ctx.em.transactional(async (em) => {
        const found = await em.findOne(SectionEnrolment, { id: enrolmentId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!found) throw notFound('Section enrolment', enrolmentId);
        const last = await em.findOne(SectionAttendance, { enrolment: found }, { orderBy: { attendedOn: 'desc' } });
        checkLeaving(input.leftOn, found, last?.attendedOn ?? null, today());
        found.leftOn = input.leftOn;
        ctx.audit.recordWrite(em, 'leaveSection', [found.personId]);
        return found;
      });
      return { enrolment };
    });
  }
}
