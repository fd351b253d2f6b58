import type { DayKey } from '../calendar/shanghai';

/**
 * Issue keys: the natural idempotency key of each way a coupon is granted. The key is the
 * instance `_id`, so a second grant with the same key hits the duplicate key and answers the
 * first instance. A key names the grant, not the template: a birthday retried after the
 * member's tier changed still finds the one birthday coupon of that year.
 */

/** A coupon-centre claim: one per tap, as the client's key names the tap. */
export function centreClaimKey(templateId: string, memberId: string, clientKey: string): string {
  return `centre:${templateId}:${memberId}:${clientKey}`;
}

/** The welcome coupon, once per member. */
export function welcomeKey(memberId: string): string {
  return `welcome:${memberId}`;
}

/** The birthday coupon, once per member per year of the birthday. */
export function birthdayKey(memberId: string, year: number): string {
  return `birthday:${memberId}:${year}`;
}

/** The comeback coupon, once per member per Shanghai day it was decided (the job keeps it to once per 180 days). */
export function comebackKey(memberId: string, decidedOn: DayKey): string {
  return `comeback:${memberId}:${decidedOn}`;
}

/** An admin campaign's coupon, once per member per campaign. */
export function campaignKey(campaignId: string, memberId: string): string {
  return `campaign:${campaignId}:${memberId}`;
}

/** A coupon bought with points, once per redemption. */
export function rewardKey(redemptionId: string): string {
  return `reward:${redemptionId}`;
}

/** The `coupon_quotas` document of one member's claims of one template. */
export function quotaId(templateId: string, memberId: string): string {
  return `${templateId}:${memberId}`;
}
