import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * How many operations touched a schema coordinate (`Type.field`) on a day, as the gateways report it: no personal
 * data, only counts. Breaking changes to coordinates used in the last days are refused (issue 16 §2).
 */
@Entity({ tableName: 'field_usage' })
export class FieldUsage {
  @PrimaryKey({ type: 'text' })
  coordinate!: string;

  @PrimaryKey({ type: 'date' })
  day!: string;

  @Property({ type: 'bigint' })
  operations!: string;
}
