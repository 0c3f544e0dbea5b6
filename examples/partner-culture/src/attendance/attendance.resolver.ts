import { LockMode } from '@mikro-orm/core';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import {
  assertIdempotencyKey,
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
import { SectionEnrolment } from '../enrolment/section-enrolment.entity';
import { checkAttendance } from '../enrolment/enrolment.rules';
import { writeOnce } from '../shared/write-once';
import { SectionAttendance } from './section-attendance.entity';

@InputType({ description: 'A day a child attended a section.' })
export class RecordSectionAttendanceInput {
  @Field(() => ID, { description: 'The enrolment (`SectionEnrolment.id`).' })
  enrolmentId!: string;

  @Field(() => LocalDate, { description: 'The day attended: while enrolled, today or earlier.' })
  attendedOn!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Client-supplied key: a retry with the same key answers the record the first call made, and writes nothing.',
  })
  idempotencyKey?: string | null;
}

@ObjectType({ description: 'What recordSectionAttendance answers: the attendance, or why it was refused.' })
export class RecordSectionAttendancePayload extends MutationPayload {
  @Field(() => SectionAttendance, { nullable: true, description: 'The attendance recorded; null when refused.' })
  attendance!: SectionAttendance | null;
}

@Resolver(() => SectionAttendance)
export class SectionAttendanceResolver {
  @FieldResolver(() => SectionEnrolment, { nullable: true, description: 'The enrolment the day was attended under.' })
  enrolment(@Root() attendance: SectionAttendance, @Ctx() ctx: HubContext): Promise<SectionEnrolment | null> {
    return loaderBy<SectionEnrolment>(ctx, SectionEnrolment, 'id').load(attendance.enrolment.id);
  }

  @Authorized(Role.SPECIALIST)
  @Mutation(() => RecordSectionAttendancePayload, {
    description: "Records a day a child attended a section, while enrolled. The centre's specialists only.",
  })
  recordSectionAttendance(
    @Arg('input', { description: 'The enrolment and the day.' }) input: RecordSectionAttendanceInput,
    @Ctx() ctx: HubContext,
  ) {
    assertCultureSpecialist(ctx);
    return payloadOf(ctx, async () => {
      const key = assertIdempotencyKey(input.idempotencyKey);
      const enrolmentId = assertRecordId(input.enrolmentId, 'enrolmentId');
      const attendance = await writeOnce(
        ctx,
        key,
        async (em) => {
          const found = await em.findOne(SectionAttendance, { idempotencyKey: key });
          if (found && found.enrolment.id !== enrolmentId) {
            throw new DomainError(ErrorCode.CONFLICT, 'This idempotencyKey was already used for another enrolment', {
              field: 'idempotencyKey',
            });
          }
          return found;
        },
        async (em) => {
          // Locked so that leaving the section cannot slip in between the check and the record.
          const enrolment = await em.findOne(SectionEnrolment, { id: enrolmentId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
          if (!enrolment) throw notFound('Section enrolment', enrolmentId);
          checkAttendance(input.attendedOn, enrolment, today());
          if (await em.count(SectionAttendance, { enrolment, attendedOn: input.attendedOn })) {
            throw new DomainError(ErrorCode.CONFLICT, `Attendance on ${input.attendedOn} is already recorded`, { field: 'attendedOn' });
          }
          const created = em.create(SectionAttendance, { enrolment, attendedOn: input.attendedOn, idempotencyKey: key });
          ctx.audit.recordWrite(em, 'recordSectionAttendance', [enrolment.personId]);
          return created;
        },
      );
      return { attendance };
    });
  }
}
