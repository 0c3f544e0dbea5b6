import { Arg, FieldResolver, Resolver, Root, registerEnumType } from 'type-graphql';
import { refusable } from '../../kit/policy/agency-access';
import { LocalDate } from '../../kit/platform/scalars';
import { today } from '../../kit/platform/clock';
import { Person } from './person.entity';
import { PersonalData } from './person.policy';
import { deriveTargetCategory, TargetCategory } from './target-category';

registerEnumType(TargetCategory, {
  name: 'TargetCategory',
  description:
    'Target category of seed 003 §1, §3, derived from age and status: early-help child 0–3, disabled child 3–18, child with OVZ 3–18, disabled adult of working age, disabled person 60+.',
  valuesConfig: {
    EARLY_HELP_CHILD: {
      description: 'A child under 3 with a disability, OVZ or at risk of developmental delay: early help (seed 003 §3, §8.2–8.3).',
    },
    DISABLED_CHILD: { description: 'A disabled child from 3 to 18 (seed 003 §3).' },
    CHILD_WITH_LIMITED_HEALTH_CAPABILITIES: {
      description: 'A child from 3 to 18 with limited health capabilities (OVZ) and no disability (seed 003 §1, §6(2); seed 002 §1.1).',
    },
    DISABLED_ADULT_WORKING_AGE: { description: 'A disabled adult from 18 to the end of working age (seed 003 §3).' },
    DISABLED_SENIOR: { description: 'A disabled person past working age (seed 003 §3).' },
  },
});

/** The category is derived on the day asked, never stored: a child turns 3 or 18 without anyone re-keying a form (seed 003 §3). */
@Resolver(() => Person)
export class TargetCategoryResolver {
  @PersonalData('SENSITIVE')
  @FieldResolver(() => TargetCategory, {
    nullable: true,
    description: refusable('Seed 003 §3 category on the day `on` (today by default); null outside the target group.'),
  })
  targetCategory(
    @Root() person: Person,
    @Arg('on', () => LocalDate, { nullable: true, description: 'The day to judge age and status on; today by default.' })
    on?: string | null,
  ): TargetCategory | null {
    const day = on ?? today();
    if (day < person.birthDate) return null;
    return deriveTargetCategory(person, day);
  }
}
