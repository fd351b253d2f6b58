import type { LocalCloud } from '../../local-cloud/local-cloud';
import type { AdminAction } from '~/core/access/admin-permissions';
import { ADMIN_PERMISSIONS } from '~/core/access/admin-permissions';
import { draftOf } from '~/core/programme/draft';
import { DEFAULT_PROGRAMME, DEFAULT_TIERS } from '~/core/tiers/default-programme';
import { signToken } from '~/server/admin/credentials';
import { COLLECTION_NAMES } from '~/types/collections';
import { isMarketingAction } from '~/types/functions/marketing';
import type { AdminRole } from '~/types/documents';
import { startTestCloud } from '../support/local-cloud';
import { addStore } from '../support/shop';
import { allStored, storedInOrder } from '../support/stored';

const SECRET = 'p'.repeat(40);
const OWNER_PASSWORD = 'owner-matrix-password';

type Envelope<T = unknown> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
type Caller = AdminRole | 'anonymous' | 'expiredSession' | 'revokedSession' | 'memberSession';
const ROLES: AdminRole[] = ['owner', 'operator', 'analyst', 'storeManager', 'support'];
const OUTSIDERS: Exclude<Caller, AdminRole>[] = ['anonymous', 'expiredSession', 'revokedSession', 'memberSession'];
/** What each caller that is not a signed-in admin gets, whatever the action. */
const OUTSIDER_ANSWER: Record<Exclude<Caller, AdminRole>, string> = {
  anonymous: 'UNAUTHENTICATED',
  expiredSession: 'SESSION_EXPIRED',
  revokedSession: 'SESSION_EXPIRED',
  // A mini-program user has no admin session: their WeChat identity counts for nothing here.
  memberSession: 'UNAUTHENTICATED',
};
/**
 * Answers that mean the caller was not let in. Every payload passes its schema (the refused
 * roles' FORBIDDEN shows it), so a VALIDATION_FAILED past the door is the action's own refusal.
 */
const REFUSED_AT_THE_DOOR = ['UNAUTHENTICATED', 'SESSION_EXPIRED', 'FORBIDDEN', 'PASSWORD_CHANGE_REQUIRED'];

let serial = 0;
const next = () => (serial += 1);

const MATRIX_RULE = { join: 'and', groups: [{ join: 'or', conditions: [{ kind: 'list', field: 'tierId', values: ['gold'] }] }] };

/** A valid payload for every admin action, made fresh for each call; ids that name nothing make an allowed call refuse on its own terms. */
const PAYLOADS: Record<AdminAction, () => Record<string, unknown>> = {
  listMembers: () => ({}),
  adjustPoints: () => ({ memberId: 'ghost-member', points: 10, reason: '矩阵测试', requestKey: `matrix-${next()}-key` }),
  setMemberBirthday: () => ({ memberId: 'ghost-member', birthday: '1990-05-20' }),
  reconcile: () => ({ memberId: 'ghost-member' }),
  createCouponTemplate: () => ({
    title: '矩阵券',
    terms: { kind: 'cash', thresholdFen: 0, amountFen: 100 },
    validity: { type: 'relative', days: 7 },
    totalStock: 10,
    channel: 'centre',
  }),
  setCouponTemplateStatus: () => ({ templateId: 'ghost-template', status: 'paused' }),
  voidCoupon: () => ({ instanceId: 'ghost-coupon', reason: '矩阵测试作废' }),
  issueCampaignCoupons: () => ({ templateId: 'ghost-template', campaignId: `matrix-${next()}`, memberIds: ['ghost-member'] }),
  listCouponTemplates: () => ({ status: 'active', channel: 'centre', pageSize: 5 }),
  listTiers: () => ({}),
  listJobRuns: () => ({}),
  listProducts: () => ({}),
  saveProduct: () => ({
    mode: 'update',
    productId: 'ghost-product',
    title: '矩阵商品',
    subtitle: '矩阵测试',
    categoryId: 'coffee-tea',
    images: ['/media/products/drip-coffee.svg'],
    description: '矩阵测试用的商品。',
    specs: [{ name: '规格', values: ['10条装'] }],
    skus: [{ specValues: ['10条装'], priceFen: 4_500, initialStock: 1 }],
    keywords: ['矩阵'],
  }),
  setProductStatus: () => ({ productId: 'ghost-product', status: 'onShelf' }),
  setStock: () => ({ skuId: 'ghost-product:1', stock: 5 }),
  listCategories: () => ({}),
  listOrders: () => ({}),
  shipOrder: () => ({ orderId: 'oGhostOrder00001', carrier: '顺丰速运', trackingNo: 'SF1234567890' }),
  shipOrders: () => ({ carrier: '顺丰速运', items: [{ orderId: 'oGhostOrder00001', trackingNo: 'SF1234567890' }] }),
  completePickup: () => ({ pickupCode: '000000' }),
  listRefunds: () => ({}),
  previewRefund: () => ({ refundId: 'rGhostRefund0001' }),
  approveRefund: () => ({ refundId: 'rGhostRefund0001', expectedRefundFen: 100 }),
  confirmReturnReceived: () => ({ refundId: 'rGhostRefund0001', expectedRefundFen: 100 }),
  rejectRefund: () => ({ refundId: 'rGhostRefund0001', note: '矩阵测试' }),
  listStores: () => ({}),
  createStaffInvite: () => ({ storeId: 'store-a', role: 'cashier' }),
  listStaff: () => ({}),
  setStaffStatus: () => ({ staffId: 'ghost-staff', status: 'disabled' }),
  logout: () => ({}),
  changePassword: () => ({ oldPassword: 'not-the-password', newPassword: 'another-long-password' }),
  listAdmins: () => ({}),
  createAdmin: () => ({ username: `matrix.${next()}`, role: 'analyst' }),
  setAdminStatus: () => ({ username: 'ghost-admin', status: 'disabled' }),
  setAdminRole: () => ({ username: 'ghost-admin', role: 'analyst' }),
  resetAdminPassword: () => ({ username: 'ghost-admin' }),
  listAuditLog: () => ({}),
  searchMembers: () => ({ query: '13800138000' }),
  getMemberDetail: () => ({ memberId: 'ghost-member' }),
  listMemberRecords: () => ({ memberId: 'ghost-member', kind: 'ledger' }),
  listApprovals: () => ({}),
  approveAdjustment: () => ({ approvalId: 'adjust:ghost-member:ghost-request' }),
  rejectAdjustment: () => ({ approvalId: 'adjust:ghost-member:ghost-request', note: '矩阵测试' }),
  setTierOverride: () => ({
    memberId: 'ghost-member',
    tierId: 'gold',
    kind: 'floor',
    until: Date.now() + 86_400_000,
    reason: '矩阵测试',
    requestKey: `matrix-${next()}-key`,
  }),
  getDashboard: () => ({ from: '2026-11-01', to: '2026-11-07' }),
  getProgramme: () => ({}),
  previewProgramme: () => ({ draft: draftOf({ programme: DEFAULT_PROGRAMME, tiers: [...DEFAULT_TIERS] }) }),
  publishProgramme: () => ({
    draft: draftOf({ programme: DEFAULT_PROGRAMME, tiers: [...DEFAULT_TIERS] }),
    basedOn: 999,
    effectiveAt: null,
    note: '矩阵测试',
    requestKey: `matrix-${next()}-key`,
  }),
  cancelProgrammeVersion: () => ({ version: 999 }),
  restoreProgrammeVersion: () => ({ version: 999, effectiveAt: null, note: '', requestKey: `matrix-${next()}-key` }),
  listRewards: () => ({}),
  saveReward: () => ({
    mode: 'update',
    rewardId: 'ghost-reward',
    title: '矩阵礼品',
    category: '周边',
    kind: 'pickup',
    pointsCost: 100,
  }),
  setRewardStatus: () => ({ rewardId: 'ghost-reward', status: 'active' }),
  changeRewardStock: () => ({ rewardId: 'ghost-reward', delta: 5, requestKey: `matrix-${next()}-key` }),
  listRedemptions: () => ({}),
  handOverRedemption: () => ({ pickupCode: '00000000', storeId: 'store-a' }),
  cancelRedemption: () => ({ redemptionId: 'ghost-redemption', reason: '矩阵测试' }),
  saveStore: () => ({
    mode: 'update',
    storeId: 'store-a',
    name: '测试门店',
    address: '上海市静安区测试路1号',
    phone: '021-00000000',
    openHours: '10:00-22:00',
  }),
  setStoreStatus: () => ({ storeId: 'ghost-store', status: 'closed' }),
  uploadImage: () => ({ folder: 'products', contentType: 'image/png', contentBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB' }),
  saveCategory: () => ({ mode: 'update', categoryId: 'ghost-category', name: '矩阵分类', iconUrl: '/media/categories/home.svg', sort: 1 }),
  listBanners: () => ({}),
  saveBanner: () => ({
    mode: 'update',
    bannerId: 'ghost-banner',
    title: '矩阵横幅',
    imageUrl: '/media/banners/gold-perks.svg',
    sort: 1,
    active: true,
  }),
  updateCouponTemplate: () => ({ templateId: 'ghost-template', title: '矩阵测试' }),
  issueCouponsByMemberNo: () => ({ templateId: 'ghost-template', campaignId: `matrix-${next()}`, memberNos: ['9999999999'] }),
  issueTierCoupons: () => ({ templateId: 'ghost-template', campaignId: `matrix-${next()}`, tierId: 'gold' }),
  listCouponRecords: () => ({ templateId: 'ghost-template', kind: 'claims' }),
  listJobStatuses: () => ({}),
  runJobNow: () => ({ job: 'job-clear-till' }),
  setJobPaused: () => ({ job: 'job-clear-till', paused: false }),
  startExport: () => ({ kind: 'members', from: 0, to: 86_400_000, requestKey: `matrix-${next()}-key` }),
  continueExport: () => ({ exportId: 'exp-ghost-export' }),
  listExports: () => ({}),
  getExportDownload: () => ({ exportId: 'exp-ghost-export' }),
  listCampaigns: () => ({}),
  saveCampaign: () => ({
    name: '矩阵活动',
    segmentId: 'ghost-segment',
    reason: '因为你是金卡会员',
    variants: [{ key: 'A', templateId: 'ghost-template', percent: 100 }],
  }),
  launchCampaign: () => ({ campaignId: 'ghost-campaign' }),
  stopCampaign: () => ({ campaignId: 'ghost-campaign' }),
  getCampaign: () => ({ campaignId: 'ghost-campaign' }),
  getCampaignResults: () => ({ campaignId: 'ghost-campaign' }),
  // Marketing: profiles.
  getMemberProfile: () => ({ memberId: 'ghost-member' }),
  // Marketing: tags.
  listTagDefinitions: () => ({ includeArchived: true }),
  saveTagDefinition: () => ({ mode: 'create', tagId: `matrix-${next()}`, name: '矩阵标签', values: ['甲', '乙'], staffCanSet: false }),
  archiveTagDefinition: () => ({ tagId: 'ghost-tag' }),
  getMemberTags: () => ({ memberId: 'ghost-member' }),
  setMemberTag: () => ({ memberId: 'ghost-member', tagId: 'ghost-tag', value: '甲', reason: '矩阵测试' }),
  importMemberTags: () => ({ tagId: 'ghost-tag', text: '9999999999,甲', mode: 'allOrNothing' }),
  applyTagToSegment: () => ({ tagId: 'ghost-tag', value: '甲', segmentId: 'seg-ghost-segment', requestKey: `matrix-${next()}-key` }),
  listSegments: () => ({}),
  saveSegment: () => ({ requestKey: `matrix-${next()}-key`, name: `矩阵分群${next()}`, description: '', rule: MATRIX_RULE }),
  archiveSegment: () => ({ segmentId: 'seg-ghost-segment' }),
  previewSegment: () => ({ rule: MATRIX_RULE }),
  countSegment: () => ({ segmentId: 'seg-ghost-segment' }),
};

describe('who may take each admin action (one matrix through the built bundles)', () => {
  let cloud: LocalCloud;
  const tokens = new Map<Caller, string>();

  const call = async (event: Record<string, unknown>, caller: Partial<{ openid: string; source: string }> = {}) =>
    (await cloud.invoke(isMarketingAction(String(event.action)) ? 'marketing' : 'admin', event, {
      source: 'wx_http',
      clientIp: '10.9.9.9',
      ...caller,
    })) as Envelope;
  const data = <T>(envelope: Envelope<T>): T => {
    if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
    return envelope.data;
  };
  const login = async (username: string, password: string) =>
    data((await call({ action: 'login', username, password })) as Envelope<{ token: string }>).token;
  /** Everything stored but sessions and throttle counters (which a refused call may touch), and the audit log unless asked. */
  const digest = (withAudit = true) =>
    JSON.stringify(
      COLLECTION_NAMES.filter((name) => name !== 'admin_sessions' && name !== 'throttles' && (withAudit || name !== 'audit_log')).map(
        (name) => allStored(cloud, name),
      ),
    );

  /** Signs each role in afresh (the owner makes the accounts), and makes the outsiders' tokens. */
  async function signEveryoneIn(): Promise<void> {
    const owner = await login('admin', OWNER_PASSWORD);
    tokens.set('owner', owner);
    for (const role of ROLES.filter((r) => r !== 'owner')) {
      const username = `matrix-${role.toLowerCase()}`;
      const password = `${username}-password`;
      const exists = cloud.store.count('admins', ['_id = ?'], [username]) > 0;
      if (!exists) {
        const created = data(
          (await call({
            action: 'createAdmin',
            token: owner,
            username,
            role,
            ...(role === 'storeManager' ? { storeId: 'store-a' } : {}),
          })) as Envelope<{
            oneTimePassword: string;
          }>,
        );
        const first = await login(username, created.oneTimePassword);
        data(await call({ action: 'changePassword', token: first, oldPassword: created.oneTimePassword, newPassword: password }));
      }
      tokens.set(role, await login(username, password));
    }
    const revoked = await login('admin', OWNER_PASSWORD);
    data(await call({ action: 'logout', token: revoked }));
    tokens.set('revokedSession', revoked);
    const stale = allStored(cloud, 'admin_sessions').find((session) => session.adminId === 'admin' && session.revokedAt === null);
    tokens.set('expiredSession', signToken({ sid: stale?._id as string, exp: Date.now() - 1_000 }, SECRET));
    tokens.set('anonymous', 'not-a-token-at-all');
    tokens.set('memberSession', 'not-a-token-at-all');
  }

  beforeAll(async () => {
    cloud = await startTestCloud({
      functionEnv: {
        admin: { ADMIN_TOKEN_SECRET: SECRET, ADMIN_INITIAL_PASSWORD: OWNER_PASSWORD },
        marketing: { ADMIN_TOKEN_SECRET: SECRET },
      },
    });
    addStore(cloud, 'store-a');
    await call({ action: 'bootstrapAdmin' });
    await signEveryoneIn();
  }, 60_000);
  afterAll(() => cloud?.stop());

  // Logging out ends the caller's session, so it goes last.
  const actions = (Object.keys(ADMIN_PERMISSIONS) as AdminAction[]).sort((a, b) => Number(a === 'logout') - Number(b === 'logout'));

  it.each(actions)(
    '%s',
    async (action) => {
      const outcomes: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const caller of [...ROLES, ...OUTSIDERS] as Caller[]) {
        const payload = PAYLOADS[action]();
        const before = digest();
        const [changesBefore, auditBefore] = [digest(false), cloud.store.count('audit_log')];
        const answer = await call(
          { action, token: tokens.get(caller), ...payload },
          caller === 'memberSession' ? { source: 'wx_client', openid: 'o-a-member' } : {},
        );
        const code = answer.ok ? 'ok' : answer.error.code;
        const allowed = (ROLES as string[]).includes(caller) && ADMIN_PERMISSIONS[action].includes(caller as AdminRole);
        if (allowed) {
          outcomes[caller] = REFUSED_AT_THE_DOOR.includes(code) ? code : 'let in';
          expected[caller] = 'let in';
          // Whatever an admin changes leaves an audit entry (an attempt that changed nothing may leave one too).
          const changed = digest(false) !== changesBefore;
          const audited = cloud.store.count('audit_log') > auditBefore;
          expect({ action, caller, changedWithoutAudit: changed && !audited }).toEqual({ action, caller, changedWithoutAudit: false });
          // Each entry says what the change did: its state before, after, or both.
          const bare = storedInOrder(cloud, 'audit_log')
            .slice(auditBefore)
            .filter((entry) => entry.before === null && entry.after === null);
          expect({ action, caller, bare }).toEqual({ action, caller, bare: [] });
        } else {
          outcomes[caller] = code;
          expected[caller] = (ROLES as string[]).includes(caller) ? 'FORBIDDEN' : OUTSIDER_ANSWER[caller as Exclude<Caller, AdminRole>];
          expect({ action, caller, unchanged: digest() === before }).toEqual({ action, caller, unchanged: true });
        }
      }
      expect(outcomes).toEqual(expected);
    },
    60_000,
  );
});
