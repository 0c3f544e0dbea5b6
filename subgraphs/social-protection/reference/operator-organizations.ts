import { IrkutskTerritory, TERRITORY, TerritoryKey } from './irkutsk-territories';

/**
 * The organizations listed in the annex of seed 003 ("Перечень организаций-операторов социального
 * сопровождения людей с инвалидностью в Иркутской области"): real state institutions with their official
 * names, addresses, sites, phones and e-mails, kept in Russian exactly as the annex gives them.
 * They seed the organization directory and the territory resource map (seed 003 §34.2).
 *
 * Note: seed 003 §4.2 calls only annex items 1–39 "operator organizations"; items 40–46 are regional
 * rehabilitation and family centres and a technical college listed in the same annex. `operatorPerSection4`
 * keeps that distinction, and `kind` (annexItemKind) the role each plays in the model. Where an institution serves more than one municipality (e.g. "по городу Зиме и
 * Зиминскому району"), `oktmo` is the first one named and `alsoServesOktmo` the others.
 * Text is verbatim except that the annex's non-breaking spaces are plain spaces (so search and
 * comparison behave) and one broken URL is corrected (item 1, noted there).
 */
export interface OperatorOrganization {
  /** Stable slug: 'irk-op-' + the annex item number. */
  code: string;
  /** Item number in the annex of seed 003. */
  annexItem: number;
  /** True for annex items 1–39, the operator organizations proper of seed 003 §4.2. */
  operatorPerSection4: boolean;
  /** The role the organization plays in the model (annexItemKind, seed 003 §4.2–4.4). */
  kind: DirectoryKind;
  name: string;
  shortName?: string;
  /** The municipal formation served (first one when several). */
  municipality: string;
  oktmo: string;
  alsoServesOktmo?: string[];
  /** All addresses as in the annex, separated by '; '. */
  postalAddress: string;
  website: string;
  additionalWebsites?: string[];
  /** Phones as printed in the annex. */
  phone: string;
  /** Null where the annex gives none (item 13). */
  email: string | null;
  additionalEmails?: string[];
}

type Row = Omit<OperatorOrganization, 'code' | 'operatorPerSection4' | 'kind' | 'municipality' | 'oktmo' | 'alsoServesOktmo'> & {
  serves: [TerritoryKey, ...TerritoryKey[]];
};

const USZSON = 'Областное государственное бюджетное учреждение "Управление социальной защиты и социального обслуживания населения по';

const ROWS: Row[] = [
  {
    annexItem: 1,
    name: `${USZSON} Ангарскому району"`,
    serves: ['angarsk'],
    // The annex prints "http.//усзн-ангарск.рф/"; the dot after "http" is a typo and is corrected here.
    website: 'http://усзн-ангарск.рф/',
    postalAddress: '665821, Иркутская область, г. Ангарск, ул. Коминтерна, 41',
    phone: '8(3955) 52-38-61, 52-35-23',
    email: 'angarsk-umsr@rambler.ru',
  },
  {
    annexItem: 2,
    name: `${USZSON} Аларскому району"`,
    serves: ['alarsky'],
    website: 'https://alarsobes.ru/',
    postalAddress: '669452, Иркутская область, Аларский р-н, п. Кутулик, ул. Советская, 24.',
    phone: '8(39564) 371-39',
    email: 'ala_kutulik@mail.ru',
  },
  {
    annexItem: 3,
    name: `${USZSON} Балаганскому району"`,
    serves: ['balagansky'],
    website: 'http://усзн-балаганск.рф/',
    postalAddress: '666391, Иркутская область, Балаганский район, п. Балаганск, ул. Юбилейная, 9, ул. Орджоникидзе, 12.',
    phone: '8(39548) 50-3-61, 50-0-35, 50-8-05, 50-7-40, 50-4-08, 50-1-71',
    email: 'udsznbalagansk@yandex.ru',
  },
  {
    annexItem: 4,
    name: `${USZSON} Бодайбинскому району"`,
    serves: ['bodaybinsky'],
    website: 'http://усзсон-бодайбо.рф/',
    postalAddress: '666904, Иркутская область, г. Бодайбо, ул. Октябрьская, 21 А.',
    phone: '8(39561) 5-10-48.',
    email: 'uszson-bodaibo@yandex.ru',
  },
  {
    annexItem: 5,
    name: `${USZSON} Баяндаевскому району"`,
    serves: ['bayandaevsky'],
    website: 'https://баяндай-соцзащита.рф/',
    postalAddress: '669120, Иркутская область, Баяндаевский район, с. Баяндай, ул. Борсоева 11.',
    phone: '8(39537) 91-307, 91-249, 91-100, 91-223, 91-239',
    email: 'kcson-bayan@yandex.ru',
  },
  {
    annexItem: 6,
    name: `${USZSON} Боханскому району"`,
    serves: ['bokhansky'],
    website: 'https://bohansobes.ru/',
    postalAddress: '669311, Иркутская область, Боханский район, п. Бохан, ул. Ленина, д. 27, ул. Школьная, 6.',
    phone: '8(39538) 251-91, 253-08, 91-613.',
    email: 'bohansobes@rambler.ru',
  },
  {
    annexItem: 7,
    name: `${USZSON} Братскому району"`,
    serves: ['bratsky'],
    website: 'https://uszn-br.ru/',
    postalAddress: '665708, Иркутская область, г. Братск, ул. Подбельского, д. 28.',
    phone: '8(3953) 45-92-79, 45-63-28, 45-60-80, 45-54-89',
    email: 'uszn-bratsk@mail.ru',
  },
  {
    annexItem: 8,
    name: `${USZSON} городу Братску"`,
    serves: ['bratsk'],
    website: 'http://site.bratsk-szn.ru/',
    postalAddress:
      '665700, Иркутская область, г. Братск, ж/р Центральный, ул. Южная, д. 81.; ' +
      '665734, Иркутская область, г. Братск, ж.р. Энергетик, ул. Мечтателей, д. 17А.; ' +
      '665717, Иркутская область, г. Братск, ж.р. Центральный, ул. Комсомольская, д. 45В.',
    phone: '8(3953) 45-67-22, 45-67-68; 8(3953) 30-51-51.; 8(3953) 25-64-40.',
    email: 'priemnaya@bratsk-szn.ru',
  },
  {
    annexItem: 9,
    name: `${USZSON} Жигаловскому району"`,
    serves: ['zhigalovsky'],
    website: 'https://zhigalovo.ru/',
    postalAddress: '666402, Иркутская область, п. Жигалово, ул. Партизанская, д. 56.',
    phone: '8(39551) 3-14-60, 3-26-59, 3-17-24, 3-25-02',
    email: 'zhig-szn@yandex.ru',
  },
  {
    annexItem: 10,
    name: `${USZSON} городу Зиме и Зиминскому району"`,
    serves: ['zima', 'ziminsky'],
    website: 'http://kcson-zima.irk.socinfo.ru/',
    postalAddress:
      '665388, Иркутская область, г. Зима, Ангарский микрорайон, д. 42.; ' + '665390, Иркутская область, г. Зима, Максима Горького, д. 65.',
    phone: '8(39554) 3-10-98, 3-28-56, 3-13-13, 3-27-98, 3-29-12, 3-27-03',
    email: 'zima@sobes.admirk.ru',
    additionalEmails: ['csozima@mail.ru'],
  },
  {
    annexItem: 11,
    name: `${USZSON} Заларинскому району"`,
    serves: ['zalarinsky'],
    website: 'http://uszn-zalari.ru/',
    postalAddress:
      '666322, Иркутская область, Заларинский район, рп. Залари, ул. Ленина, д. 101Г; ' +
      '666321, Иркутская область, Заларинский район, рп. Залари, ул. Дзержинского, д. 54А',
    phone: '8(39552) 2-15-72, 2-13-90',
    email: 'soczashitzalari@mail.ru',
  },
  {
    annexItem: 12,
    name: 'Областное государственное автономное учреждение социального обслуживания "Комплексный центр социального обслуживания населения"',
    serves: ['irkutsk'],
    website: 'http://kcson38.ru/',
    postalAddress: '664035, Иркутская область, г. Иркутск, ул. Рабочего Штаба, 47.',
    phone: '8(3952) 77-90-72',
    email: 'soc-centr@mail.ru',
  },
  {
    annexItem: 13,
    name: 'Областное государственное казенное учреждение "Управление социальной защиты населения по городу Иркутску"',
    serves: ['irkutsk'],
    website: 'http://socialirkutsk.3dn.ru/',
    postalAddress:
      '664046, Иркутск, ул. Донская, д.8; 664048, Иркутск, ул. Розы Люксембург, д. 184; ' +
      '664025, Иркутск, ул. 5 Армии, д.6; 664043, Иркутск, бул. Рябикова, д.22А',
    phone: '8(3952) 22-86-03; 8(3952) 44-72-59; 8(3952) 487482; 8(3952) 30-21-45',
    email: null,
  },
  {
    annexItem: 14,
    name: `${USZSON} Иркутскому району"`,
    serves: ['irkutsky'],
    website: 'http://irkutskiy38.my1.ru/',
    postalAddress: '664056, г. Иркутск, ул. Академическая, д. 74.',
    phone: '8(3952) 549-003, горячая линия 8(3952) 549-000',
    email: 'irkutskiy@sobes.admirk.ru',
  },
  {
    annexItem: 15,
    name: `${USZSON} Казачинско-Ленскому району"`,
    serves: ['kazachinskoLensky'],
    website: 'https://uszn-kazlen.ru/',
    postalAddress: '666505, Иркутская область, Казачинско-Ленский район, р.п. Магистральный, ул. 17 съезда ВЛКСМ, д. 16.',
    phone: '8(39562) 4-15-52, 4-14-00, 4-06-40, 4-05-45',
    email: 'umsrop.kazlensk@rambler.ru',
  },
  {
    annexItem: 16,
    name: `${USZSON} Качугскому району"`,
    serves: ['kachugsky'],
    website: 'http://kachug-kcson.ucoz.org/',
    postalAddress: '666203, Иркутская область, Качугский район, рп. Качуг, ул. Первомайская, д.3, ул. Ленских Событий, 26.',
    phone: '8(39540) 32-0-25, 31-0-20, 31-1-11',
    email: 'priutotdel@mail.ru',
  },
  {
    annexItem: 17,
    name: `${USZSON} Киренскому району и Катангскому району"`,
    serves: ['kirensky', 'katangsky'],
    website: 'http://усзсон-киренск.рф/',
    postalAddress:
      '666702, Иркутская область, г. Киренск, мкр-н Мельничный, ул. Сибирская, д.21; ' +
      '666703, Иркутская область, г. Киренск, ул. Галата и Леонова, Д. 9',
    phone: '8(39568) 3-25-45, 3-29-92, 430-66, 444-04',
    email: 'uszson_kirensk-katanga_2023@mail.ru',
  },
  {
    annexItem: 18,
    name: `${USZSON} Куйтунскому району"`,
    serves: ['kuytunsky'],
    website: 'https://kuitun-czn.ru/',
    postalAddress: '665302, Иркутская область, п. Куйтун, ул. Ленина, д. 35, ул. Мичурина 21а.',
    phone: '8(39536) 5-19-11',
    email: 'kuitun-szn@mail.ru',
  },
  {
    annexItem: 19,
    name: `${USZSON} Мамско-Чуйскому району"`,
    serves: ['mamskoChuysky'],
    website: 'https://szn-mama.ru/',
    postalAddress: '666811, Иркутская область, п. Мама, ул. Связи, д. 4.',
    phone: '8(39569) 21-790, 22-070, 21-281',
    email: 'depsozmam@mail.ru',
  },
  {
    annexItem: 20,
    name: `${USZSON} Нижнеилимскому району"`,
    serves: ['nizhneilimsky'],
    website: 'https://усзн-нижнеилимский.рф/',
    postalAddress: '665653, Иркутская область, г. Железногорск-Илимский, квартал 8, д. 1 А, квартал 6, д. 16А, помещение 1.',
    phone: '8(39566) 3-34-58, 3-07-10, 31338',
    email: 'zhel_dszn@mail.ru',
  },
  {
    annexItem: 21,
    name: `${USZSON} Нижнеудинскому району"`,
    serves: ['nizhneudinsky'],
    website: 'http://uszn-nu.ru/',
    postalAddress: '665103, Иркутская область, г. Нижнеудинск, ул. 2-я Пролетарская, 14.',
    phone: '8(39557) 7-16-20, 89914352699',
    email: 'uszn-nizhneudinsk@yandex.ru',
  },
  {
    annexItem: 22,
    name: `${USZSON} Нукутскому району"`,
    serves: ['nukutsky'],
    website: 'http://нукут-усзн.рф/',
    postalAddress: '669401, Иркутская область, Нукутский р-н, п. Новонукутский ул. Чехова, д. 26, ул. Гагарина 9.',
    phone: '8(39549) 21-1-86, 21-8-15, 21-1-86, 21-0-56, 21-2-67',
    email: 'nuk-oszn@mail.ru',
  },
  {
    annexItem: 23,
    name: `${USZSON} Ольхонскому району"`,
    serves: ['olkhonsky'],
    website: 'http://uszn-olhon.ucoz.org',
    postalAddress: '666130, Иркутская область, Ольхонский район, с. Еланцы, ул. Бураева, д. 6',
    phone: '8(39558) 52-0-79, 52-5-74, 52-1-75',
    email: 'dszn-olhon@mail.ru',
  },
  {
    annexItem: 24,
    name: `${USZSON} Осинскому району"`,
    serves: ['osinsky'],
    website: 'https://uszson-osa.ru/',
    postalAddress: '669200, Иркутская область, с. Оса, ул. Набережная, 48 Б, ул. Котовского, д.6.',
    phone: '8(39539) 31-2-53, 32-1-53, 32-2-77',
    email: 'uszsonosa@mail.ru',
  },
  {
    annexItem: 25,
    name: `${USZSON} городу Саянску"`,
    serves: ['sayansk'],
    website: 'http://усзн-саянск.рф/',
    additionalWebsites: ['http://kcsonsayansk.ru/'],
    postalAddress:
      '666304, Иркутская область, г. Саянск, мкр. Олимпийский, д. 30; ' +
      '666302, Иркутская область, г. Саянск, мкр. Центральный, д. 17; ' +
      '666301, Иркутская область, г. Саянск, мкр. Юбилейный, д. 17',
    phone: '8(39553) 5-58-33, 5-36-26, 5-45-25',
    email: 'sayansk@sobes.admirk.ru',
  },
  {
    annexItem: 26,
    name: `${USZSON} Слюдянскому району"`,
    serves: ['slyudyansky'],
    website: 'http://усзн-слюдянка.рф/',
    postalAddress: '665900, Иркутская область, г. Слюдянка, ул. Ржанова, д.4.',
    phone: '8(39544) 5-21-33, 5-17-04, 51-1-29',
    email: 'ya.sluddszn@yandex.ru',
  },
  {
    annexItem: 27,
    name: `${USZSON} Тайшетскому району"`,
    serves: ['tayshetsky'],
    website: 'https://kcson-taishet.ru/',
    postalAddress:
      '665003, Иркутская область, г. Тайшет, м-он Пахотищева, стр. 24 Н; ' +
      '665004, Иркутская область, г. Тайшет, ул. Гагарина, д. 102-4Н',
    phone: '8(39563) 2-69-12, 2-18-16',
    email: 'uszson.tayshet@mail.ru',
  },
  {
    annexItem: 28,
    name: `${USZSON} городу Тулуну и Тулунскому району"`,
    serves: ['tulun', 'tulunsky'],
    website: 'https://kcson-tulun.irk.socinfo.ru/',
    postalAddress:
      '665267, Иркутская область, г. Тулун, ул. Ленина, д. 30 А; ' +
      '665268, Иркутская область, г. Тулун, ул. Ленина, д. 86, помещение 37.',
    phone: '8(39530) 21-217, 21-226, 21-068, 21-119 - "горячая линия" (39530)2-10-94, 2-10-78.',
    email: 'tulunrs@yandex.ru',
  },
  {
    annexItem: 29,
    name: `${USZSON} городу Усть-Илимску и Усть-Илимскому району"`,
    serves: ['ustIlimsk', 'ustIlimsky'],
    website: 'https://uszsonui.ru/',
    postalAddress: '666684, Иркутская область, г. Усть-Илимск, пр. Дружбы Народов, д. 46.',
    phone: '8(39535) 3-65-88, 3-60-93',
    email: 'udszn@mail.ru',
  },
  {
    annexItem: 30,
    name: `${USZSON} Усть-Кутскому району"`,
    serves: ['ustKutsky'],
    website: 'https://uszson38.ru/',
    postalAddress: '666781, Иркутская область, г. Усть-Кут, ул. Речников, д.5.',
    phone: '8(39565) 5-70-00, 5-87-03',
    email: 'uszson38@mail.ru',
  },
  {
    annexItem: 31,
    name: `${USZSON} Усть-Удинскому району"`,
    serves: ['ustUdinsky'],
    website: 'http://усть-удасзн.рф',
    postalAddress: '666352, Иркутская область, Усть-Удинский район, р.п. Усть-Уда, ул. Пушкина, 9, ул. Комсомольская, д. 18.',
    phone: '8(39545) 319-45, 319-59, 311-46, 318-30, 8(39545)31-6-88, 31-5-11, 31-3-11',
    email: 'ust-uda_sobes@mail.ru',
  },
  {
    annexItem: 32,
    name: `${USZSON} городу Усолье-Сибирское и Усольскому району"`,
    serves: ['usolye', 'usolsky'],
    website: 'http://usolieuszn.ucoz.ru',
    postalAddress:
      '665452, Иркутская область, г. Усолье-Сибирское, ул. Богдана Хмельницкого, 32.; ' +
      '665451, Иркутская область, г. Усолье-Сибирское, ул. Толбухина, д. 29, ул. Молотовая, д. 76',
    phone: '8(39543) 603-10, 6-40-21, 6-37-84',
    email: 'udszn@irmail.ru',
  },
  {
    annexItem: 33,
    name: `${USZSON} городу Черемхово, Черемховскому району и городу Свирску"`,
    serves: ['cheremkhovo', 'cheremkhovsky', 'svirsk'],
    website: 'http://chersobes.ru/',
    postalAddress: '665415, Иркутская область, г. Черемхово, ул. Ленина, д. 18.',
    phone: '8(39546) 5-31-19, 5-10-45, горячая линия - 8(39546) 5-08-24',
    email: 'cheremhovo@sobes.admirk.ru',
  },
  {
    annexItem: 34,
    name: `${USZSON} Чунскому району"`,
    serves: ['chunsky'],
    website: 'http://соцзащита-чунский.рф/',
    postalAddress: '665513, Иркутская область, Чунский район, р. п. Чунский, ул. Фрунзе, 15Б.',
    phone: '8(39563) 515-01, 515-02, 515-03',
    email: 'chunskiy@sobes.admirk.ru',
  },
  {
    annexItem: 35,
    name: `${USZSON} Шелеховскому району"`,
    serves: ['shelekhovsky'],
    website: 'http://усзн-шелехов.рф/',
    postalAddress:
      '666034, Иркутская область, г. Шелехов, квартал 1, д. 10; ' + '666033, Иркутская область, г. Шелехов, ул. Котовского, д.37.',
    phone: '8(39550) 4-14-10, 4-37-69, 4-13-57, 4-39-51',
    email: 'shelehov@sobes.admirk.ru',
  },
  {
    annexItem: 36,
    name: `${USZSON} Эхирит-Булагатскому району"`,
    serves: ['ekhiritBulagatsky'],
    website: 'http://усзн-эхирит.рф/',
    postalAddress: '669001, Иркутская область, Эхирит-Булагатский район, п. Усть-Ордынский, ул. Ленина, д. 8, ул. Буденного, д. 12',
    phone: '8(39541) 3-22-07, 3-26-65, 3-23-81, 3-13-22',
    email: 'uszn_eh@irmail.ru',
  },
  {
    annexItem: 37,
    name: 'Областное государственное бюджетное учреждение социального обслуживания "Центр социального обслуживания города Байкальска"',
    serves: ['slyudyansky'],
    website: 'http://baikal-kcson.ru/',
    postalAddress: '665930, Иркутская область, Слюдянский район, г. Байкальск, мкр. Южный, квартал 2, дом 29.',
    phone: '8(39542) 32-0-44, 34-0-09, 34-0-09',
    email: 'gbusokcson@yandex.ru',
  },
  {
    annexItem: 38,
    name: 'Областное государственное бюджетное учреждение социального обслуживания "Региональный ресурсный реабилитационный центр "Веста"',
    serves: ['angarsk'],
    website: 'http://vestaan.ru',
    postalAddress: '665824, Иркутская область, г. Ангарск, 189 квартал, 15А',
    phone: '8 (3955) 54-30-10, 54-13-08.',
    email: 'vesta-angarsk@mail.ru',
  },
  {
    annexItem: 39,
    name: 'Областное государственное бюджетное учреждение "Региональный ресурсный многопрофильный центр "РОСТ"',
    // The short name is the one seed 003 §4.3 itself introduces.
    shortName: 'ОГБУ "Центр "РОСТ"',
    serves: ['irkutsk'],
    website: 'http://www.umc38.ru/',
    postalAddress: '664007, Иркутск, ул. Софьи Перовской, д. 30/1',
    phone: '8(3952) 66-79-45',
    email: 'oumc@bk.ru',
  },
  {
    annexItem: 40,
    name: 'Областное государственное бюджетное учреждение социального обслуживания "Региональный семейный многофункциональный центр"',
    serves: ['irkutsk'],
    website: 'http://socdeti.ru',
    postalAddress: '664001, г. Иркутск, ул. Баррикад, 34 а',
    phone: '8 (3952) 33-97-31',
    email: 'sandd2@socdeti.ru',
  },
  {
    annexItem: 41,
    name: 'Областное государственное бюджетное учреждение социального обслуживания "Братский центр социальной реабилитации "Росток"',
    serves: ['bratsk'],
    website: 'https://братскийдоминтернат.рф/',
    postalAddress: '665776, Иркутская область, г. Братск, жил. район "Осиновка", ул. Иркутская, 25А',
    phone: '(3953) 30-44-02, 30-22-06',
    email: 'bddi.priem@mail.ru',
  },
  {
    annexItem: 42,
    name: 'Областное государственное бюджетное учреждение социального обслуживания "Иркутский центр социальной реабилитации "Вера"',
    serves: ['irkutsk'],
    website: 'iddin1.ru',
    postalAddress: '664059, Иркутская область, г. Иркутск, 6-й Поселок ГЭС, д. 3А',
    phone: '(83952) 53-16-97',
    email: 'iddin1@mail.ru',
  },
  {
    annexItem: 43,
    name: 'Областное государственное бюджетное учреждение социального обслуживания "Иркутский центр социальной реабилитации "Багратион"',
    serves: ['irkutsk'],
    website: 'http://дети-дом.рф/',
    postalAddress: '664056, Иркутская область, г. Иркутск, ул. Багратиона, 52',
    phone: '(3952)46-41-65',
    email: 'detskiidom.2@mail.ru',
  },
  {
    annexItem: 44,
    name: 'Областное государственное бюджетное учреждение социального обслуживания "Саянский центр социальной реабилитации "Забота"',
    serves: ['sayansk'],
    website: 'http://sayddi.ru/',
    postalAddress: '666304, Иркутская область, г. Саянск, м-н Благовещенский, 6',
    phone: '(39553) 5-25-48',
    email: 'Sddi38@yandex.ru',
  },
  {
    annexItem: 45,
    name: 'Областное государственное бюджетное профессиональное образовательное учреждение социального обслуживания "Иркутский реабилитационный техникум"',
    serves: ['irkutsk'],
    website: 'http://www.pooirk.ru/',
    postalAddress: '664011, Иркутская область, г. Иркутск, ул. Володарского, 1',
    phone: '(3952) 20-08-24',
    email: 'ipu@pooirk.ru',
  },
  {
    annexItem: 46,
    name: 'Областное государственное автономное учреждение социального обслуживания "Реабилитационный центр "Шелеховский"',
    serves: ['shelekhovsky'],
    website: 'http://shelcentr.ru',
    postalAddress: '666032, Иркутская область, г. Шелехов, 18 квартал, д. 47',
    phone: '(3952) 43-45-42',
    email: 'shelcentr@bk.ru',
  },
];

/** Items 1–39 are the operator organizations proper (seed 003 §4.2). */
const LAST_OPERATOR_ITEM = 39;

/** The roles of the model (seed 003 §4.2–4.4); the same values as the directory's OrganizationKind. */
export type DirectoryKind = 'OPERATOR' | 'RESOURCE_CENTRE' | 'CO_EXECUTOR';

/**
 * Annex items that seed 003 §4.3 names as regional resource centres: «Веста» (item 38, adults over 18 of working
 * age and over 60), «РОСТ» (item 39, methods, information, training of specialists) and the Irkutsk rehabilitation
 * college (item 45, social employment and vocational guidance from 14). Items 38 and 39 are operators by §4.2 as
 * well (they are among items 1–39); their role in the model is the resource centre's.
 */
export const RESOURCE_CENTRE_ANNEX_ITEMS: readonly number[] = [38, 39, 45];

/**
 * The role of an annex item in the model: a resource centre when §4.3 names it; an operator for the other items
 * 1–39 (§4.2); otherwise (items 40–44 and 46: the family multifunctional centre, the social rehabilitation centres,
 * the Shelekhov rehabilitation centre) a co-executor — an organization providing social services (§4.4), to which
 * operators turn, among others, for remote consultations (§32.1).
 */
export function annexItemKind(annexItem: number): DirectoryKind {
  if (RESOURCE_CENTRE_ANNEX_ITEMS.includes(annexItem)) return 'RESOURCE_CENTRE';
  return annexItem <= LAST_OPERATOR_ITEM ? 'OPERATOR' : 'CO_EXECUTOR';
}

export const OPERATOR_ORGANIZATIONS: readonly OperatorOrganization[] = ROWS.map(({ serves, ...row }) => {
  const [primary, ...others] = serves.map((key) => TERRITORY[key]);
  const org: OperatorOrganization = {
    code: `irk-op-${String(row.annexItem).padStart(2, '0')}`,
    annexItem: row.annexItem,
    operatorPerSection4: row.annexItem <= LAST_OPERATOR_ITEM,
    kind: annexItemKind(row.annexItem),
    name: row.name,
    ...(row.shortName ? { shortName: row.shortName } : {}),
    municipality: primary.name,
    oktmo: primary.oktmo,
    ...(others.length ? { alsoServesOktmo: others.map((x) => x.oktmo) } : {}),
    postalAddress: row.postalAddress,
    website: row.website,
    ...(row.additionalWebsites ? { additionalWebsites: row.additionalWebsites } : {}),
    phone: row.phone,
    email: row.email,
    ...(row.additionalEmails ? { additionalEmails: row.additionalEmails } : {}),
  };
  return org;
});

/** The distinct municipal territories the annex organizations serve, in OKTMO order. */
export const IRKUTSK_TERRITORIES: readonly IrkutskTerritory[] = (() => {
  const byCode = new Map<string, IrkutskTerritory>();
  for (const row of ROWS) for (const key of row.serves) byCode.set(TERRITORY[key].oktmo, TERRITORY[key]);
  return [...byCode.values()].sort((a, b) => a.oktmo.localeCompare(b.oktmo));
})();

export function findOperatorOrganization(code: string): OperatorOrganization | undefined {
  return OPERATOR_ORGANIZATIONS.find((o) => o.code === code);
}

/** Organizations serving a territory, including those that serve it alongside another one. */
export function operatorOrganizationsFor(oktmo: string): OperatorOrganization[] {
  return OPERATOR_ORGANIZATIONS.filter((o) => o.oktmo === oktmo || (o.alsoServesOktmo ?? []).includes(oktmo));
}

/**
 * Regional resource centres that seed 003 §4.3 names but its annex does not list: they are created "on the basis
 * of" rehabilitation centres that are not in the annex, so the seed gives no address, site, phone or e-mail for
 * them. The directory needs a territory for every organization; as regional centres of the region they are placed
 * in the regional capital (город Иркутск) until their own address is loaded.
 */
export interface RegionalResourceCentre {
  /** Stable slug: 'irk-rc-' + a short name. */
  code: string;
  /** The name seed 003 §4.3 gives the centre, with the institution it is created on. */
  name: string;
  shortName: string;
  /** What the centre coordinates, as seed 003 §4.3 says. */
  coordinates: string;
  kind: 'RESOURCE_CENTRE';
  municipality: string;
  oktmo: string;
}

const REGIONAL_CAPITAL = TERRITORY.irkutsk;

export const RESOURCE_CENTRES_OUTSIDE_ANNEX: readonly RegionalResourceCentre[] = [
  {
    code: 'irk-rc-early-help',
    name:
      'Региональный ресурсно-методический центр ранней помощи детям и их семьям в Иркутской области на базе Областного ' +
      'государственного бюджетного учреждения социального обслуживания "Реабилитационный центр для детей и подростков с ' +
      'ограниченными возможностями"',
    shortName: 'Региональный ресурсно-методический центр ранней помощи',
    coordinates: 'Социальное сопровождение семей, имеющих детей с инвалидностью, детей с ОВЗ от рождения до трех лет (seed 003 §4.3)',
    kind: 'RESOURCE_CENTRE',
    municipality: REGIONAL_CAPITAL.name,
    oktmo: REGIONAL_CAPITAL.oktmo,
  },
  {
    code: 'irk-rc-sosnovaya-gorka',
    name:
      'Ресурсный центр полиформатного сопровождения на базе Областного государственного бюджетного учреждения социального ' +
      'обслуживания "Реабилитационный центр для детей и подростков с ограниченными возможностями "Сосновая горка"',
    shortName: 'Ресурсный центр полиформатного сопровождения "Сосновая горка"',
    coordinates: 'Социальное сопровождение семей, имеющих детей с инвалидностью от трех до 18 лет (seed 003 §4.3)',
    kind: 'RESOURCE_CENTRE',
    municipality: REGIONAL_CAPITAL.name,
    oktmo: REGIONAL_CAPITAL.oktmo,
  },
];
