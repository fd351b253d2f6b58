import type { AddressDoc } from './addresses';
import type { ApprovalDoc } from './approvals';
import type { BannerDoc, CategoryDoc, CoPurchaseDoc, FavouriteDoc, ProductDoc, SkuStockDoc } from './catalog';
import type { ClaimTicketDoc, CouponInstanceDoc, CouponQuotaDoc, CouponTemplateDoc } from './coupons';
import type { AdminDoc, AdminSessionDoc, FirstJoinDoc, MemberDoc, PersonGiftDoc, SpendRecordDoc, TierChangeDoc } from './documents';
import type { JobRunDoc, JobStateDoc } from './jobs';
import type { NotificationDoc, SubscriptionDoc, SubscriptionGrantDoc } from './notify';
import type { OrderDoc, PaymentDoc, PickupCodeDoc, RefundDoc, ShopSettings, StoreDoc } from './orders';
import type { MigrationDoc } from './migrations';
import type { LedgerEntryDoc, PointLotDoc } from './points';
import type { ProgrammeSettings, ProgrammeVersionDoc, TierDoc } from './programme';
import type { RedemptionDoc, RewardDoc, RewardQuotaDoc } from './rewards';
import type { ShareCodeDoc, ShareVisitDoc } from './shares';
import type { DailyStatsDoc } from './stats';
import type { AuditEntryDoc, StaffDoc, StaffInviteDoc, StoreSaleDoc, TillSessionDoc } from './staff';
import type { KnownSourceDoc, ThrottleDoc } from './throttles';
import type { ExportJobDoc } from './exports';
import type { MemberProfileDoc, SegmentDoc, TagDefinitionDoc } from './marketing';
import type { CampaignCounterDoc, CampaignDoc, CampaignMemberDoc } from './campaigns';

/** `settings`: one document per area, told apart by `_id`. */
export type SettingsDoc = ProgrammeSettings | ShopSettings;

/**
 * Every collection of the database and the type of its documents. `cloudfunctions/collections.json`
 * declares the same names with their indexes (a test keeps the two equal).
 */
export interface Collections {
  members: MemberDoc;
  admins: AdminDoc;
  first_joins: FirstJoinDoc;
  person_gifts: PersonGiftDoc;
  job_state: JobStateDoc;
  job_runs: JobRunDoc;
  settings: SettingsDoc;
  tiers: TierDoc;
  tier_history: TierChangeDoc;
  spend_records: SpendRecordDoc;
  ledger_entries: LedgerEntryDoc;
  point_lots: PointLotDoc;
  coupon_templates: CouponTemplateDoc;
  coupon_instances: CouponInstanceDoc;
  coupon_quotas: CouponQuotaDoc;
  coupon_claims: ClaimTicketDoc;
  reward_quotas: RewardQuotaDoc;
  pickup_codes: PickupCodeDoc;
  subscriptions: SubscriptionDoc;
  subscription_grants: SubscriptionGrantDoc;
  notifications: NotificationDoc;
  orders: OrderDoc;
  refunds: RefundDoc;
  payments: PaymentDoc;
  rewards: RewardDoc;
  redemptions: RedemptionDoc;
  categories: CategoryDoc;
  products: ProductDoc;
  sku_stock: SkuStockDoc;
  banners: BannerDoc;
  favourites: FavouriteDoc;
  co_purchases: CoPurchaseDoc;
  stores: StoreDoc;
  staff: StaffDoc;
  staff_invites: StaffInviteDoc;
  store_sales: StoreSaleDoc;
  audit_log: AuditEntryDoc;
  approvals: ApprovalDoc;
  till_sessions: TillSessionDoc;
  throttles: ThrottleDoc | KnownSourceDoc;
  admin_sessions: AdminSessionDoc;
  share_codes: ShareCodeDoc;
  share_visits: ShareVisitDoc;
  member_addresses: AddressDoc;
  migrations: MigrationDoc;
  daily_stats: DailyStatsDoc;
  programme_versions: ProgrammeVersionDoc;
  export_jobs: ExportJobDoc;
  member_profiles: MemberProfileDoc;
  tag_definitions: TagDefinitionDoc;
  segments: SegmentDoc;
  campaigns: CampaignDoc;
  campaign_members: CampaignMemberDoc;
  campaign_counters: CampaignCounterDoc;
}

export type CollectionName = keyof Collections;

/** Any stored document. */
export type StoredDoc = Collections[CollectionName];

/** The names of `Collections`, for code that walks every collection (the compiler checks it lists each once). */
export const COLLECTION_NAMES = [
  'members',
  'admins',
  'first_joins',
  'person_gifts',
  'job_state',
  'job_runs',
  'settings',
  'tiers',
  'tier_history',
  'spend_records',
  'ledger_entries',
  'point_lots',
  'coupon_templates',
  'coupon_instances',
  'coupon_quotas',
  'coupon_claims',
  'reward_quotas',
  'pickup_codes',
  'subscriptions',
  'subscription_grants',
  'notifications',
  'orders',
  'refunds',
  'payments',
  'rewards',
  'redemptions',
  'categories',
  'products',
  'sku_stock',
  'banners',
  'favourites',
  'co_purchases',
  'stores',
  'staff',
  'staff_invites',
  'store_sales',
  'audit_log',
  'approvals',
  'till_sessions',
  'throttles',
  'admin_sessions',
  'share_codes',
  'share_visits',
  'member_addresses',
  'migrations',
  'daily_stats',
  'programme_versions',
  'export_jobs',
  'member_profiles',
  'tag_definitions',
  'segments',
  'campaigns',
  'campaign_members',
  'campaign_counters',
] as const satisfies readonly CollectionName[];

/** Compiles only while COLLECTION_NAMES names every collection. */
export type EveryCollectionListed = Exclude<CollectionName, (typeof COLLECTION_NAMES)[number]> extends never ? true : never;
const _everyCollectionListed: EveryCollectionListed = true;
void _everyCollectionListed;
