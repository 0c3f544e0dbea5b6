import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum SectionKind {
  ADAPTIVE_SPORT = 'ADAPTIVE_SPORT',
  CULTURE = 'CULTURE',
}
registerEnumType(SectionKind, {
  name: 'SectionKind',
  description: 'What a section of the centre teaches: adaptive sport or a creative (culture) activity.',
  valuesConfig: {
    ADAPTIVE_SPORT: { description: 'Adaptive physical education and sport (swimming, boccia, table tennis…).' },
    CULTURE: { description: 'A creative studio: theatre, music, fine arts, crafts.' },
  },
});

/** A group the centre runs on a territory, with a fixed number of places. Public reference data, no personal data. */
@ObjectType({ description: 'A section (group) of the culture and adaptive sport centre, with its places and schedule.' })
@Entity({ tableName: 'section' })
export class Section {
  @Field(() => ID, { description: 'The id of the section; enrolments name it.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field({ description: 'What the centre calls the section, in Russian.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => SectionKind, { description: 'Adaptive sport or culture.' })
  @Enum({ items: () => SectionKind, nativeEnumName: 'section_kind' })
  kind!: SectionKind;

  @Field({ description: 'OKTMO code of the territory where the section meets (OK 033-2013).' })
  @Property({ type: 'string', length: 11, index: true })
  territoryOktmo!: string;

  /** The organization in the hub directory that runs the section, when the directory has it. */
  @Property({ type: 'uuid', nullable: true })
  organizationId!: string | null;

  @Field(() => Int, { description: 'Places in the section: enrolment is refused when the active enrolments fill them.' })
  @Property({ type: 'integer' })
  capacity!: number;

  @Field({ description: 'When the section meets, as the centre publishes it (free text).' })
  @Property({ type: 'text' })
  schedule!: string;
}
