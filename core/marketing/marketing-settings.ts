import type { MarketingSettings, ProgrammeSettings } from '~/types/programme';
import { LIFECYCLE_DEFAULTS } from './lifecycle';
import { RFM_WINDOW_DAYS } from './profile-facts';

/** The grouping settings of a programme stored before they existed. */
export const MARKETING_DEFAULTS: MarketingSettings = { rfmWindowDays: RFM_WINDOW_DAYS, lifecycle: LIFECYCLE_DEFAULTS };

/** A programme's grouping settings: its own, or the defaults. */
export function marketingOf(programme: Pick<ProgrammeSettings, 'marketing'>): MarketingSettings {
  return programme.marketing ?? MARKETING_DEFAULTS;
}
