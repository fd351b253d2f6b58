import { newCouponInstance } from '~/core/coupons/new-instance';
import type { CouponWindow } from '~/core/coupons/validity';
import type { CouponInstanceDoc, CouponSource, CouponTemplateDoc } from '~/types/coupons';
import type { RequestContext } from '../runtime/wx';
import { couponCollections } from './coupon-collections';
import { returnStock, takeStock } from './stock';
import { CodedError, hasCode } from '~/core/coded-error';

export interface Grant {
  template: CouponTemplateDoc;
  memberId: string;
  /** The natural idempotency key; it becomes the instance `_id`. */
  issueKey: string;
  source: CouponSource;
  window: CouponWindow;
  /** Why the member gets it, shown with the coupon (campaigns). */
  reason?: string;
  /** Reserves the member's place under a per-member limit (centre claims); answers false when the limit is reached. */
  reservePlace?: () => Promise<boolean>;
}

/** A grant's outcome: the instance, and whether this call wrote it (false: an earlier grant with the same key did). */
export interface Granted {
  coupon: CouponInstanceDoc;
  created: boolean;
}

function instanceOf(grant: Grant, now: number): CouponInstanceDoc {
  const { template } = grant;
  return newCouponInstance(
    {
      issueKey: grant.issueKey,
      memberId: grant.memberId,
      templateId: template._id,
      source: grant.source,
      title: template.title,
      description: template.description,
      terms: template.terms,
      stackingGroup: template.stackingGroup,
      validFrom: grant.window.validFrom,
      validTo: grant.window.validTo,
      ...(grant.reason ? { reason: grant.reason } : {}),
    },
    now,
  );
}

/**
 * Writes one instance for a checked grant: take a unit of stock (guarded decrement), reserve
 * the member's place if the grant is limited (guarded, keyed by the issue key), then insert
 * under `_id = issueKey`. No counter is read and written back, and there is no transaction,
 * so a hot template never conflicts. Each instance spends its own call's stock unit and its
 * key's place, and a key has at most one instance, so instances never outnumber the stock or
 * a member's places. Any failure after the decrement (limit reached, the duplicate key of an
 * earlier grant, a database error) gives the unit back.
 *
 * Crash windows, each leaving a counter off in the safe direction only:
 * - after taking stock, before the insert or the give-back: stock stays one low, i.e. one
 *   coupon fewer is sold; it never goes below zero.
 * - after reserving a place, before the insert: the key holds a place without a coupon; a
 *   retry with the same key completes on that place, and without one the member can claim
 *   one fewer, never one more.
 */
export async function grantCoupon(ctx: RequestContext, grant: Grant): Promise<Granted> {
  const { instances } = couponCollections(ctx);
  if (!(await takeStock(ctx, grant.template))) throw new CodedError('OUT_OF_STOCK', 'this coupon is sold out', { reason: '已抢光' });
  let outcome: Granted;
  try {
    if (grant.reservePlace && !(await grant.reservePlace())) {
      throw new CodedError('LIMIT_REACHED', 'this member has claimed as many of this coupon as allowed', { reason: '已达领取上限' });
    }
    const doc = instanceOf(grant, ctx.now);
    if (await instances.insert(doc)) return { coupon: doc, created: true };
    const first = await instances.get(grant.issueKey);
    if (!first) throw new CodedError('CONFLICT', 'the coupon was being issued at the same moment, please try again');
    outcome = { coupon: first, created: false };
  } catch (error) {
    // A refusal of ours wrote nothing. A database error may hide an insert that landed (its
    // reply lost): give the unit back only when the coupon is surely absent.
    const landed = hasCode(error) ? null : await instances.get(grant.issueKey).catch(() => 'unknown' as const);
    if (landed && landed !== 'unknown') return { coupon: landed, created: true };
    if (landed !== 'unknown') await returnStock(ctx, grant.template);
    throw error;
  }
  // Another grant with this key got there first and spent its own unit; this one was not used.
  await returnStock(ctx, grant.template);
  return outcome;
}
