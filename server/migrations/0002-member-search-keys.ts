import { reversedMemberNo } from '~/core/members/member-search';
import { phoneLookupKey } from '../members/phone-hash-key';
import type { Migration } from './migration';
import { pageById } from './page-by-id';

/**
 * Members made before the member desk searched by phone and by the end of the member number get
 * the reversed number and the phone's keyed hash (made with the environment's
 * LM_PHONE_HASH_SECRET, so the `migrate` function carries it as `member` and `admin` do).
 */
export const memberSearchKeys: Migration = {
  id: '0002-member-search-keys',
  description: 'members get memberNoReversed and the keyed phoneHash the member desk searches by',
  async step(ctx, cursor) {
    const { docs, next } = await pageById(ctx, 'members', {}, cursor);
    let changed = 0;
    for (const member of docs) {
      const memberNoReversed = reversedMemberNo(member.memberNo);
      const phoneHash = member.phone ? phoneLookupKey(member.phone) : null;
      if (member.memberNoReversed === memberNoReversed && (member.phoneHash ?? null) === phoneHash) continue;
      changed += await ctx.db.collection('members').updateWhere({ _id: member._id }, { memberNoReversed, phoneHash });
    }
    return { cursor: next, changed };
  },
};
