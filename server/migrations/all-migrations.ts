import { pointsBuckets } from './0001-points-buckets';
import { memberSearchKeys } from './0002-member-search-keys';
import { programmeDefaults } from './0003-programme-defaults';
import { birthdayGiftsPerPerson } from './0004-birthday-gifts-per-person';
import type { Migration } from './migration';

/** Every data migration, in the order they run. Append new ones with the next number; never renumber or remove one. */
export const MIGRATIONS: readonly Migration[] = [pointsBuckets, memberSearchKeys, programmeDefaults, birthdayGiftsPerPerson];
