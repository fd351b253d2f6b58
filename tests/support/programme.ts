import type { LocalCloud } from '../../local-cloud/local-cloud';
import { DEFAULT_PROGRAMME } from '~/core/tiers/default-programme';
import type { ProgrammeSettings } from '~/types/programme';
import { putStored, storedOrNull } from './stored';

/**
 * Lets one admin adjust up to `points` at once in a test cloud, for tests that give a member a
 * balance through `adjustPoints` (the default programme sends more than 1,000 to a second admin
 * for approval). Call it before the admin function first reads the programme.
 */
export function allowAdjustmentsUpTo(cloud: LocalCloud, points: number): void {
  const stored = storedOrNull(cloud, 'settings', 'programme') as ProgrammeSettings | null;
  const programme = stored ?? DEFAULT_PROGRAMME;
  const raised: ProgrammeSettings = { ...programme, points: { ...programme.points, approvalThreshold: points } };
  if (stored) cloud.store.replace('settings', { ...raised });
  else putStored(cloud, 'settings', raised);
}
