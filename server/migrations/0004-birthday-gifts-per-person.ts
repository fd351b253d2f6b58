import { birthdayGiftKey } from '../members/person-gift';
import type { Migration } from './migration';
import { pageById } from './page-by-id';

/** Birthday coupons are keyed `birthday:<memberId>:<year>` (core/coupons/issue-keys.ts); ':' < ';' bounds the prefix. */
const FIRST = 'birthday:';
const BEYOND = 'birthday;';

/**
 * Birthday coupons issued before the gift was claimed per person (`person_gifts`) are claimed for
 * the person now, so someone who had this year's coupon does not get a second by deleting the
 * account and joining again. Deleted accounts no longer name the person and are left as they are.
 */
export const birthdayGiftsPerPerson: Migration = {
  id: '0004-birthday-gifts-per-person',
  description: 'each birthday coupon already issued claims that year’s birthday gift for the person in person_gifts',
  async step(ctx, cursor) {
    const _ = ctx.db.command;
    const { docs, next } = await pageById(ctx, 'coupon_instances', { _id: _.gte(FIRST).and(_.lt(BEYOND)) }, cursor);
    const issued = docs.flatMap((coupon) => {
      const match = /^birthday:(.+):(\d{4})$/.exec(coupon._id);
      return match ? [{ memberId: match[1] as string, year: Number(match[2]), at: coupon.issuedAt }] : [];
    });
    const memberIds = [...new Set(issued.map((gift) => gift.memberId))];
    const members = memberIds.length
      ? await ctx.db.collection('members').find({ _id: _.in(memberIds), status: 'active' }, { limit: memberIds.length, fields: ['openid'] })
      : [];
    const openids = new Map(members.map((member) => [member._id, member.openid]));
    let changed = 0;
    for (const gift of issued) {
      const openid = openids.get(gift.memberId);
      if (!openid) continue;
      if (await ctx.db.collection('person_gifts').insert({ _id: birthdayGiftKey(openid, gift.year), memberId: gift.memberId, at: gift.at }))
        changed += 1;
    }
    return { cursor: next, changed };
  },
};
