import { localDateOf } from '../../kit/platform/clock';
import type { IsoDate } from '../calendar/iso-date';
import { deriveTargetCategory, type TargetCategoryInput } from '../person/target-category';
import { SignalCloseReason, SignalIntakeStatus, SignalSource } from '../signal/signal.entity';
import { intakeStatusOf } from '../signal/intake.rules';

/**
 * The journals an operator organization keeps (seed 004 §5.1), as the hub answers them.
 *
 * - The helpline call journal, «Журнал учёта принятых звонков» of the helpline «Помощь» (seed 004 annex 4 §3.5 and
 *   its annex 1): its eight columns, with the seed's own headers. For an anonymous call the name column stays blank
 *   (§3.6).
 * - The appeals journal, «Журнал учёта обращений граждан» (seed 004 §5.1.4; §1.12: an appeal is open or anonymous;
 *   §3.2.13: appeals of citizens and of organizations), and the primary registration journal, «журнал первичного
 *   учёта граждан» (seed 000 §3, stage I; seed 004 §5.1.1 keeps the register of families and citizens in need). The
 *   seeds name these two journals but list no columns; the columns below are what a coordinator records of an appeal
 *   and of a registration in the hub: number, date, who, what, and what became of it.
 */
export const HELPLINE_CALL_COLUMNS = [
  '№ п/п',
  'Дата и время поступления обращения',
  'Ф.И.О. заявителя',
  'Категория',
  'Год рождения',
  'Краткое содержание обращения',
  'Результат',
  'Код услуги',
] as const;

export const APPEAL_COLUMNS = [
  '№ п/п',
  'Дата обращения',
  'Форма обращения',
  'Заявитель',
  'Краткое содержание обращения',
  'Территория',
  'Результат рассмотрения',
] as const;

export const PRIMARY_REGISTRATION_COLUMNS = [
  '№ п/п',
  'Дата постановки на учёт',
  'Ф.И.О. гражданина',
  'Дата рождения',
  'СНИЛС',
  'Целевая категория',
  'Источник выявления',
  'Территория',
  'Этап сопровождения',
  'Дата снятия с учёта',
] as const;

/** Which signals each journal holds: the helpline's calls (seed 004 annex 4), the appeals of citizens and organizations (seed 003 §15.2–3). */
export const HELPLINE_SOURCES: readonly SignalSource[] = [SignalSource.HELPLINE];
export const APPEAL_SOURCES: readonly SignalSource[] = [SignalSource.PERSONAL_APPEAL, SignalSource.ORGANIZATION_APPEAL];

const SOURCE_LABEL: Record<SignalSource, string> = {
  IPRA_EXTRACT: 'выписка из ИПРА',
  ORGANIZATION_APPEAL: 'обращение организации',
  PERSONAL_APPEAL: 'личное обращение',
  HEALTH_INSTITUTION: 'учреждение здравоохранения',
  HELPLINE: 'телефонная служба «Помощь»',
};

const CLOSE_LABEL: Record<SignalCloseReason, string> = {
  DUPLICATE: 'повторное обращение',
  NOT_TARGET_CATEGORY: 'не относится к целевой категории',
  CONSULTATION_GIVEN: 'дана консультация',
  NOT_IDENTIFIABLE: 'анонимно, гражданин не установлен',
  OTHER_TERRITORY: 'передано по территориальности',
  CITIZEN_REFUSED: 'гражданин отказался от сопровождения',
  OTHER: 'иное',
};

const CATEGORY_LABEL: Record<string, string> = {
  EARLY_HELP_CHILD: 'ребёнок 0–3 лет (ранняя помощь)',
  DISABLED_CHILD: 'ребёнок-инвалид 3–18 лет',
  DISABLED_ADULT_WORKING_AGE: 'инвалид трудоспособного возраста',
  DISABLED_SENIOR: 'инвалид старше 60 лет',
};

const STAGE_LABEL: Record<string, string> = {
  IDENTIFIED: 'выявлен',
  CONTACTED: 'контакт установлен',
  NEEDS_ASSESSED: 'нуждаемость оценена',
  PROGRAMME_AGREED: 'программа согласована',
  IN_IMPLEMENTATION: 'реализация программы',
  CONCLUDED: 'завершено с заключением',
  DECLINED: 'отказ гражданина',
  STOPPED: 'прекращено гражданином',
};

/** A day as Russian journals write it: 03.12.2026. */
export function russianDate(day: IsoDate | null): string {
  if (!day) return '';
  const [y, m, d] = day.split('-');
  return `${d}.${m}.${y}`;
}

/** An instant as the day and time at the place of service: 03.12.2026 10:15. */
export function russianDateTime(at: Date | null, timeZone: string): string {
  if (!at) return '';
  const time = new Intl.DateTimeFormat('ru-RU', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return `${russianDate(localDateOf(at, timeZone))} ${time}`;
}

export const fullName = (p: { lastName: string; firstName: string; patronymic: string | null }): string =>
  [p.lastName, p.firstName, p.patronymic].filter(Boolean).join(' ');

/** What became of a signal, for the journals' result column. */
export function signalOutcome(s: {
  supportCaseId: string | null;
  closedOn: string | null;
  closeReason: SignalCloseReason | null;
  closeComment: string | null;
}): string {
  switch (intakeStatusOf(s)) {
    case SignalIntakeStatus.MATCHED:
      return 'взят на социальное сопровождение';
    case SignalIntakeStatus.CLOSED: {
      const reason = s.closeReason ? CLOSE_LABEL[s.closeReason] : 'закрыт';
      return `закрыт ${russianDate(s.closedOn)}: ${reason}${s.closeComment ? ` (${s.closeComment})` : ''}`;
    }
    default:
      return 'ожидает рассмотрения';
  }
}

export interface HelplineCallRow {
  callNumber: string | null;
  calledAt: Date | null;
  receivedOn: IsoDate;
  callerAnonymous: boolean;
  callerName: string | null;
  callerCategory: string | null;
  callerBirthYear: number | null;
  summary: string;
  result: string | null;
  serviceCode: string | null;
}

/** A row of the call journal (seed 004 annex 4 §3.5); the name stays blank for an anonymous call (§3.6). */
export function helplineCallRecord(row: HelplineCallRow, position: number, timeZone: string): (string | number | null)[] {
  return [
    row.callNumber ?? position,
    row.calledAt ? russianDateTime(row.calledAt, timeZone) : russianDate(row.receivedOn),
    row.callerAnonymous ? '' : (row.callerName ?? ''),
    row.callerCategory,
    row.callerBirthYear,
    row.summary,
    row.result,
    row.serviceCode,
  ];
}

export interface AppealRow {
  receivedOn: IsoDate;
  source: SignalSource;
  callerAnonymous: boolean;
  personName: string | null;
  organizationName: string | null;
  summary: string;
  territoryName: string | null;
  supportCaseId: string | null;
  closedOn: string | null;
  closeReason: SignalCloseReason | null;
  closeComment: string | null;
}

/** A row of the appeals journal (seed 004 §5.1.4): an anonymous appeal names nobody (§1.12). */
export function appealRecord(row: AppealRow, position: number): (string | number | null)[] {
  const applicant = row.callerAnonymous
    ? 'анонимно'
    : row.source === SignalSource.ORGANIZATION_APPEAL
      ? (row.organizationName ?? 'организация не указана')
      : (row.personName ?? 'не установлен');
  return [position, russianDate(row.receivedOn), SOURCE_LABEL[row.source], applicant, row.summary, row.territoryName, signalOutcome(row)];
}

export interface RegistrationRow {
  openedOn: IsoDate;
  person: (TargetCategoryInput & { lastName: string; firstName: string; patronymic: string | null; snils: string }) | null;
  source: SignalSource | null;
  territoryName: string | null;
  stage: string;
  closedOn: IsoDate | null;
}

/** A row of the primary registration journal (seed 000 §3 stage I): the category as of the registration day (seed 003 §3). */
export function registrationRecord(row: RegistrationRow, position: number): (string | number | null)[] {
  const category = row.person ? deriveTargetCategory(row.person, row.openedOn) : null;
  return [
    position,
    russianDate(row.openedOn),
    row.person ? fullName(row.person) : '',
    row.person ? russianDate(row.person.birthDate) : '',
    row.person?.snils ?? '',
    category ? CATEGORY_LABEL[category] : 'вне целевых категорий',
    row.source ? SOURCE_LABEL[row.source] : '',
    row.territoryName,
    STAGE_LABEL[row.stage] ?? row.stage,
    russianDate(row.closedOn),
  ];
}
