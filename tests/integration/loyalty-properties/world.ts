import { DAY_MS } from '~/core/calendar/durations';
import { buildTemplateDoc } from '~/core/coupons/template-rules';
import type { RequestContext } from '~/server/runtime/wx';
import type { CouponTemplateDoc } from '~/types/coupons';
import type { MemberDoc } from '~/types/documents';
import { couponTemplateInput } from '~/types/functions/coupons';
import type { RewardDoc } from '~/types/rewards';
import type { LocalCloud } from '../../../local-cloud/local-cloud';
import { addMember } from '../../support/use-cases';
import type { Scenario } from './scenario';
import { storedLike, storedOrNull } from '../../support/stored';
import type { CollectionName, Collections } from '~/types/collections';

/** Reads straight from the local cloud's store, past the SDK. */
export interface StoreReader {
  /** One document, or null. */
  read<N extends CollectionName>(collection: N, id: string): Collections[N] | null;
  /** Every document whose `field` is LIKE `like`. */
  all<N extends CollectionName>(collection: N, field: string, like: string): Collections[N][];
}

/** The cloud one property test runs on: its store and a request context at a given time. */
export interface Cloud {
  cloud: LocalCloud;
  ctx: (now: number, openid?: string) => RequestContext;
}

/**
 * One run of the property: its fixtures, what earlier batches created for later operations to
 * refer to, and what the answers said (for the invariants to hold the database to).
 */
export interface World extends Cloud {
  /** Prefix of every id this run creates (runs share one cloud). */
  p: string;
  store: StoreReader;
  members: MemberDoc[];
  rewards: RewardDoc[];
  /** The system-channel template a coupon reward issues. */
  systemTemplate: CouponTemplateDoc;
  /** The coupon-centre templates members claim from. */
  templates: CouponTemplateDoc[];
  orders: { orderId: string; memberId: string; unrefunded: string[] }[];
  spends: { key: string; memberId: string }[];
  redemptions: { id: string; memberId: string }[];
  coupons: { id: string; memberId: string }[];
  /** Return windows answered as started, per order. */
  windowsStarted: Map<string, number>;
  /** Orders a coupon was answered as used by, per coupon. */
  usedBy: Map<string, Set<string>>;
  /** Ledger entries some request was answered with. */
  succeededEntries: Set<string>;
  /** A fresh number for ids within the run. */
  next(): number;
}

/** A store reader over the local cloud's SQLite store. */
export function storeReader(cloud: LocalCloud): StoreReader {
  return {
    read: (collection, id) => storedOrNull(cloud, collection, id),
    all: (collection, field, like) => storedLike(cloud, collection, field, like),
  };
}

/** Inserts a run's members, rewards and coupon templates as the console import would, at `now`. */
export function createWorld({ cloud, ctx }: Cloud, p: string, scenario: Scenario, now: number): World {
  const members = scenario.tiers.map((tierId, i) => addMember(cloud, `${p}m${i}`, now - 30 * DAY_MS, { tierId }));
  const systemTemplate = buildTemplateDoc(
    couponTemplateInput.parse({
      title: '兑换券',
      terms: { kind: 'cash', thresholdFen: 0, amountFen: 500 },
      validity: { type: 'relative', days: 30 },
      totalStock: null,
      channel: 'system',
    }),
    `${p}-sys`,
    now,
  );
  cloud.store.insert('coupon_templates', { ...systemTemplate });
  const rewards: RewardDoc[] = scenario.rewards.map((spec, i) => ({
    _id: `${p}-rw${i}`,
    title: `礼品${i}`,
    description: '门店自提',
    imageUrl: '',
    category: '周边',
    kind: i === 2 ? 'coupon' : 'pickup',
    pointsCost: spec.cost,
    cashFen: 0,
    couponTemplateId: i === 2 ? systemTemplate._id : null,
    totalStock: spec.stock,
    stockRemaining: spec.stock,
    perMemberLimit: spec.limit,
    availableFrom: null,
    availableTo: null,
    minTierId: null,
    status: 'active',
    sort: i,
    createdAt: now,
    updatedAt: now,
  }));
  for (const reward of rewards) cloud.store.insert('rewards', { ...reward });
  const templates = scenario.templates.map((spec, i) => {
    const input = couponTemplateInput.parse({
      title: `满99减${i + 5}`,
      terms: { kind: 'cash', thresholdFen: 9900, amountFen: 500 + i * 100 },
      validity: { type: 'relative', days: 7 },
      totalStock: spec.stock,
      perMemberLimit: spec.limit,
      channel: 'centre',
    });
    const doc = buildTemplateDoc(input, `${p}-ct${i}`, now);
    cloud.store.insert('coupon_templates', { ...doc });
    return doc;
  });

  let seq = 0;
  return {
    cloud,
    ctx,
    p,
    store: storeReader(cloud),
    members,
    rewards,
    systemTemplate,
    templates,
    orders: [],
    spends: [],
    redemptions: [],
    coupons: [],
    windowsStarted: new Map(),
    usedBy: new Map(),
    succeededEntries: new Set(),
    next: () => (seq += 1),
  };
}
