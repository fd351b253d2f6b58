import { reconcileAll } from '~/server/points/reconcile';
import { spendKeyOf } from '~/server/rewards/redemption-steps';
import type { CouponTemplateDoc } from '~/types/coupons';
import type { MemberDoc } from '~/types/documents';
import type { LedgerEntryDoc } from '~/types/points';
import type { RedemptionDoc, RewardDoc } from '~/types/rewards';
import type { Outcome, Recorded } from './outcomes';
import { matches, show, showRecorded } from './outcomes';
import type { Request } from './requests';
import type { World } from './world';

/**
 * The invariants, each a checker that answers what it found wrong (nothing when it holds):
 * answers against their requests, copies against each other and the database, and the books,
 * stocks and limits read straight from the store.
 */

/** Redemption progress at which the stock, the quota and the points have been taken. */
const TAKEN = ['stock', 'paid', 'done'];
/** Codes a redemption may fail with. */
const REDEMPTION_FAILURES = ['INSUFFICIENT_POINTS', 'NEGATIVE_BALANCE', 'OUT_OF_STOCK', 'LIMIT_REACHED', 'NOT_AVAILABLE'];

// ---------------------------------------------------------------- answers

/** A request is refused only with a code it may be refused with. */
export function checkAnswer(request: Request, outcome: Outcome): string[] {
  if (outcome.ok || request.expected.includes(outcome.code)) return [];
  return [`${request.label}: unexpected refusal ${show(outcome)}${outcome.code === 'UNEXPECTED' ? `\n${outcome.message}` : ''}`];
}

/**
 * Copies answered at once agree; a copy may differ only by a refusal a third party's write
 * explains (`racyMixed`, counted, not a violation). What the first copy answered is what was
 * recorded: a success is stored, a refusal wrote nothing or its failure.
 */
export function checkCopies(request: Request, outcomes: Outcome[]): { problems: string[]; racyMixed: boolean } {
  const problems: string[] = [];
  let racyMixed = false;
  if (!request.idempotent) return { problems, racyMixed };
  const values = new Set(outcomes.filter((o) => o.ok).map((o) => (o.ok ? o.summary : '')));
  if (values.size > 1) problems.push(`${request.label}: concurrent copies answered different values: ${outcomes.map(show).join(' | ')}`);
  const refused = outcomes.filter((o) => !o.ok);
  if (values.size > 0 && refused.length > 0) {
    if (refused.every((o) => !o.ok && request.racy.includes(o.code))) racyMixed = true;
    else problems.push(`${request.label}: a copy was refused while another succeeded: ${outcomes.map(show).join(' | ')}`);
  }
  const recorded = request.recorded();
  const first = outcomes[0] as Outcome;
  if (values.size > 0) {
    const value = [...values][0] as string;
    if (value !== 'null' && !matches({ ok: true, summary: value }, recorded))
      problems.push(`${request.label}: answered ${value} but the database records ${showRecorded(recorded)}`);
  } else if (
    !matches(first, recorded) &&
    recorded !== null &&
    !(request.recordableAfterRefusal && !first.ok && request.racy.includes(first.code))
  ) {
    problems.push(`${request.label}: refused with ${show(first)} but the database records ${showRecorded(recorded)}`);
  }
  return { problems, racyMixed };
}

/** A copy sent with a later batch answers what was recorded by then (before or after that batch ran alongside). */
export function checkLaterCopy(request: Request, first: Outcome, recordedBefore: Recorded, outcome: Outcome): string[] {
  if (!request.idempotent) return [];
  if (recordedBefore === null || matches(outcome, recordedBefore) || matches(outcome, request.recorded())) return [];
  return [
    `${request.label}: a copy sent later answered ${show(outcome)}, first answer ${show(first)}, recorded ${showRecorded(recordedBefore)}`,
  ];
}

// ---------------------------------------------------------------- the books

/** Every invariant of the stored state, as of `at`: points, lots, rewards, redemptions and coupons. */
export async function checkBooks(world: World, at: number): Promise<string[]> {
  const { problems } = await reconcileAll(world.ctx(at));
  const entries = world.store.all('ledger_entries', 'memberId', `${world.p}m%`);
  const redemptions = world.store.all('redemptions', 'memberId', `${world.p}m%`);
  return [
    ...problems.map((problem) => `reconcile ${problem.memberId}: ${problem.problem}`),
    ...checkLedger(world, entries),
    ...checkMembers(world, entries),
    ...checkLots(world),
    ...checkRewards(world, redemptions),
    ...checkRedemptions(world, redemptions),
    ...checkCentreCoupons(world),
    ...checkCouponUses(world),
  ];
}

/**
 * The ledger holds exactly the entries requests were answered with, plus the spends and refunds
 * of redemptions, each matching its redemption's state.
 */
export function checkLedger(world: World, entries: LedgerEntryDoc[]): string[] {
  const problems: string[] = [];
  const entryIds = new Set(entries.map((e) => e._id));
  for (const id of world.succeededEntries) if (!entryIds.has(id)) problems.push(`entry ${id} was answered but is not in the ledger`);
  for (const e of entries) {
    const reward = /^(spend|refund):reward:(.*)$/.exec(e._id);
    if (reward) {
      const redemption = world.store.read('redemptions', reward[2] as string);
      const fine =
        redemption &&
        (reward[1] === 'spend' ? TAKEN.includes(redemption.progress) && redemption.status !== 'failed' : redemption.status === 'cancelled');
      if (!fine) problems.push(`entry ${e._id} does not match its redemption (${redemption?.status}/${redemption?.progress})`);
    } else if (!world.succeededEntries.has(e._id)) problems.push(`entry ${e._id} is in the ledger though no request was answered with it`);
  }
  return problems;
}

/** Lifetime points: what earns and credits added, less what claw-backs took back. */
function lifetimeEarned(e: LedgerEntryDoc): number {
  if (e.kind === 'earn') return e.pending;
  if (e.kind === 'checkin' || (e.kind === 'adjust' && e.available > 0)) return e.available;
  if (e.kind === 'clawback') return e.available + e.pending;
  return 0;
}

/** Each member's lifetime points add up from the ledger, and its check-in state is its latest check-in (by day). */
export function checkMembers(world: World, entries: LedgerEntryDoc[]): string[] {
  const problems: string[] = [];
  const lifetime = new Map<string, number>();
  for (const e of entries) lifetime.set(e.memberId, (lifetime.get(e.memberId) ?? 0) + lifetimeEarned(e));
  for (const m of world.members) {
    const doc = world.store.read('members', m._id) as MemberDoc;
    if (doc.points.lifetimeEarned !== (lifetime.get(m._id) ?? 0))
      problems.push(`${m._id}: lifetimeEarned ${doc.points.lifetimeEarned} ≠ ledger ${lifetime.get(m._id) ?? 0}`);
    const checkins = entries.filter((e) => e.memberId === m._id && e.kind === 'checkin').map((e) => e.details ?? {});
    const last = checkins.sort((a, b) => String(a.day).localeCompare(String(b.day)))[checkins.length - 1];
    if (last && (doc.checkIn.lastDay !== last.day || doc.checkIn.streak !== last.streak)) {
      problems.push(
        `${m._id}: check-in state ${JSON.stringify(doc.checkIn)} but the latest check-in is ${last.day} (streak ${last.streak})`,
      );
    }
  }
  return problems;
}

/** Lots never go below zero and add up; a pending lot's return window was started at most once, and only if answered so. */
export function checkLots(world: World): string[] {
  const problems: string[] = [];
  for (const lot of world.store.all('point_lots', 'memberId', `${world.p}m%`)) {
    const { state: status, remaining, earned, spent, clawedBack } = lot;
    const state = `${lot._id} ${JSON.stringify({ status, remaining, earned, spent, clawedBack })}`;
    if (lot.remaining < 0) problems.push(`lot over-consumed: ${state}`);
    // A counter below zero means the lot lost its history (e.g. it was written afresh over an emptied bucket).
    if (lot.spent < 0 || lot.clawedBack < 0 || lot.earned < 0) problems.push(`lot counter below zero: ${state}`);
    if (lot.kind === 'bucket' && lot.remaining !== lot.earned - lot.spent - lot.clawedBack)
      problems.push(`bucket does not add up: ${state}`);
    if (lot.kind === 'pending') {
      const ok =
        lot.state === 'pending'
          ? lot.remaining === lot.earned - lot.clawedBack && lot.remaining > 0
          : lot.remaining === 0 && (lot.state !== 'clawedback' || lot.clawedBack === lot.earned);
      if (!ok) problems.push(`pending lot does not add up: ${state}`);
      const order = lot._id.replace(/^pending:earn:order:/, '');
      const started = world.windowsStarted.get(order) ?? 0;
      if (started > 1 || (lot.pendingUntil !== null) !== (started === 1))
        problems.push(`${lot._id}: return window started ${started} times, pendingUntil ${lot.pendingUntil}`);
    }
  }
  return problems;
}

/** A reward's stock is what its live redemptions took from its total, and each member's quota counts its live redemptions, within the limit. */
export function checkRewards(world: World, redemptions: RedemptionDoc[]): string[] {
  const problems: string[] = [];
  for (const reward of world.rewards) {
    const doc = world.store.read('rewards', reward._id) as RewardDoc;
    const live = redemptions.filter((r) => r.rewardId === reward._id && r.status !== 'failed' && r.status !== 'cancelled');
    const sold = live.filter((r) => TAKEN.includes(r.progress)).length;
    if (doc.stockRemaining < 0) problems.push(`${reward._id}: stockRemaining ${doc.stockRemaining} < 0`);
    if (sold + doc.stockRemaining !== doc.totalStock)
      problems.push(`${reward._id}: ${sold} sold + ${doc.stockRemaining} remaining ≠ ${doc.totalStock}`);
    for (const m of world.members) {
      const mine = live.filter((r) => r.memberId === m._id).length;
      const quota = world.store.read('reward_quotas', `${reward._id}:${m._id}`)?.count ?? 0;
      if (mine > reward.perMemberLimit) problems.push(`${reward._id}: ${m._id} holds ${mine} redemptions, limit ${reward.perMemberLimit}`);
      if (quota !== mine) problems.push(`${reward._id}: quota of ${m._id} counts ${quota}, redemptions ${mine}`);
    }
  }
  return problems;
}

/**
 * Every redemption has settled; a failed one failed for a known reason and keeps no points; a
 * live one has spent its cost, a cancelled one got it back, an issued one holds its coupon; and
 * the coupon reward issued exactly one coupon per issued redemption.
 */
export function checkRedemptions(world: World, redemptions: RedemptionDoc[]): string[] {
  const problems: string[] = [];
  for (const r of redemptions) {
    const spend = world.store.read('ledger_entries', spendKeyOf(r._id));
    const refund = world.store.read('ledger_entries', `refund:reward:${r._id}`);
    const refunded = refund?.available === r.pointsCost;
    if (r.status === 'processing' || r.status === 'failing' || r.status === 'cancelling')
      problems.push(`${r._id} is still ${r.status} (${r.progress}) after every request settled`);
    else if (r.status === 'failed' && !REDEMPTION_FAILURES.includes(r.failure ?? '')) problems.push(`${r._id} failed with ${r.failure}`);
    // A failed redemption keeps no points: either none were spent, or they were given back.
    else if (r.status === 'failed' && spend && !refunded)
      problems.push(`${r._id} failed with ${r.failure}, but its points were spent and not given back`);
    else if (r.status !== 'failed' && spend?.available !== -r.pointsCost)
      problems.push(`${r._id} is ${r.status} but its spend entry is ${JSON.stringify(spend?.available)}`);
    if (r.status !== 'failed' && (r.status === 'cancelled') !== refunded)
      problems.push(`${r._id} is ${r.status} and its refund entry is ${JSON.stringify(refund?.available)}`);
    if (r.status === 'issued') {
      const coupon = r.couponInstanceId ? world.store.read('coupon_instances', r.couponInstanceId) : null;
      if (!coupon || coupon.memberId !== r.memberId || coupon.source !== 'reward')
        problems.push(`${r._id} is issued but its coupon ${r.couponInstanceId} is missing`);
    }
  }
  const rewardCoupons = world.store.all('coupon_instances', 'templateId', world.systemTemplate._id);
  const issued = redemptions.filter((r) => r.status === 'issued').length;
  if (rewardCoupons.length !== issued) problems.push(`${rewardCoupons.length} reward coupons for ${issued} issued redemptions`);
  return problems;
}

/** A coupon-centre template's stock is its total less the coupons issued, and each member's quota names exactly its coupons, within the limit. */
export function checkCentreCoupons(world: World): string[] {
  const problems: string[] = [];
  for (const template of world.templates) {
    const doc = world.store.read('coupon_templates', template._id) as CouponTemplateDoc;
    const instances = world.store.all('coupon_instances', 'templateId', template._id);
    if ((doc.stockRemaining ?? 0) < 0) problems.push(`${template._id}: stockRemaining ${doc.stockRemaining} < 0`);
    if (instances.length + (doc.stockRemaining ?? 0) !== doc.totalStock) {
      problems.push(`${template._id}: ${instances.length} issued + ${doc.stockRemaining} remaining ≠ ${doc.totalStock}`);
    }
    for (const m of world.members) {
      const mine = instances
        .filter((c) => c.memberId === m._id)
        .map((c) => c._id)
        .sort();
      const quota = world.store.read('coupon_quotas', `${template._id}:${m._id}`);
      if (mine.length > template.perMemberLimit)
        problems.push(`${template._id}: ${m._id} holds ${mine.length} coupons, limit ${template.perMemberLimit}`);
      const keys = [...(quota?.claimKeys ?? [])].sort();
      if ((quota?.claimed ?? 0) !== keys.length || JSON.stringify(keys) !== JSON.stringify(mine)) {
        problems.push(`${template._id}: quota of ${m._id} ${JSON.stringify(quota)} ≠ coupons ${JSON.stringify(mine)}`);
      }
    }
  }
  return problems;
}

/** A coupon is used by one order at most, and the one it was answered as used by is the one stored. */
export function checkCouponUses(world: World): string[] {
  const problems: string[] = [];
  for (const [id, orderIds] of world.usedBy) {
    const doc = world.store.read('coupon_instances', id);
    if (orderIds.size > 1) problems.push(`coupon ${id} used by ${[...orderIds].join(', ')}`);
    if (doc?.status !== 'used' || !orderIds.has(doc.usedBy ?? '')) {
      problems.push(`coupon ${id} answered used by ${[...orderIds].join(', ')} but stored ${doc?.status} by ${doc?.usedBy}`);
    }
  }
  return problems;
}
