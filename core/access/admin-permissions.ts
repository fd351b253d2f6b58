import type { AdminRole } from '~/types/documents';
import type { ActionOf } from '~/types/functions';
import { MARKETING_PERMISSIONS } from './marketing-permissions';

/** Admin actions a session is needed for: all of the `marketing` function's, and the `admin` function's but setting up the environment and signing in. */
export type AdminAction = Exclude<ActionOf<'admin'>, 'bootstrapAdmin' | 'login'> | ActionOf<'marketing'>;

const OWNER: readonly AdminRole[] = ['owner'];
const ALL: readonly AdminRole[] = ['owner', 'operator', 'analyst', 'storeManager', 'support'];
const RUN_PROGRAMME: readonly AdminRole[] = ['owner', 'operator'];
const READ: readonly AdminRole[] = ['owner', 'operator', 'analyst', 'support'];
const SERVE_MEMBERS: readonly AdminRole[] = ['owner', 'operator', 'support'];

/**
 * Who may take each admin action. The server checks this table on every call (a role not listed
 * answers FORBIDDEN and changes nothing); the admin page hides what it would refuse. A
 * `storeManager` is further held to their own store by the actions that take a store.
 */
export const ADMIN_PERMISSIONS: Readonly<Record<AdminAction, readonly AdminRole[]>> = {
  listMembers: READ,
  adjustPoints: SERVE_MEMBERS,
  setMemberBirthday: SERVE_MEMBERS,
  reconcile: ['owner', 'operator', 'analyst'],
  createCouponTemplate: RUN_PROGRAMME,
  setCouponTemplateStatus: RUN_PROGRAMME,
  voidCoupon: SERVE_MEMBERS,
  issueCampaignCoupons: RUN_PROGRAMME,
  listCouponTemplates: ['owner', 'operator', 'analyst'],
  listTiers: ALL,
  listJobRuns: ['owner', 'operator', 'analyst'],
  listProducts: ['owner', 'operator', 'analyst'],
  saveProduct: RUN_PROGRAMME,
  setProductStatus: RUN_PROGRAMME,
  setStock: RUN_PROGRAMME,
  listCategories: ['owner', 'operator', 'analyst'],
  listOrders: ALL,
  shipOrder: RUN_PROGRAMME,
  shipOrders: RUN_PROGRAMME,
  completePickup: ['owner', 'operator', 'storeManager'],
  listRefunds: READ,
  previewRefund: RUN_PROGRAMME,
  approveRefund: RUN_PROGRAMME,
  confirmReturnReceived: RUN_PROGRAMME,
  rejectRefund: RUN_PROGRAMME,
  listStores: ALL,
  createStaffInvite: ['owner', 'operator', 'storeManager'],
  listStaff: ['owner', 'operator', 'analyst', 'storeManager'],
  setStaffStatus: ['owner', 'operator', 'storeManager'],
  logout: ALL,
  changePassword: ALL,
  listAdmins: OWNER,
  createAdmin: OWNER,
  setAdminStatus: OWNER,
  setAdminRole: OWNER,
  resetAdminPassword: OWNER,
  listAuditLog: ['owner', 'operator', 'analyst'],
  searchMembers: READ,
  getMemberDetail: READ,
  listMemberRecords: READ,
  listApprovals: READ,
  approveAdjustment: RUN_PROGRAMME,
  rejectAdjustment: RUN_PROGRAMME,
  setTierOverride: SERVE_MEMBERS,
  getDashboard: ['owner', 'operator', 'analyst'],
  getProgramme: ['owner', 'operator', 'analyst'],
  previewProgramme: RUN_PROGRAMME,
  publishProgramme: RUN_PROGRAMME,
  cancelProgrammeVersion: RUN_PROGRAMME,
  restoreProgrammeVersion: RUN_PROGRAMME,
  listRewards: ['owner', 'operator', 'analyst'],
  saveReward: RUN_PROGRAMME,
  setRewardStatus: RUN_PROGRAMME,
  changeRewardStock: RUN_PROGRAMME,
  listRedemptions: READ,
  handOverRedemption: ['owner', 'operator', 'storeManager'],
  cancelRedemption: SERVE_MEMBERS,
  saveStore: ['owner', 'operator', 'storeManager'],
  setStoreStatus: RUN_PROGRAMME,
  uploadImage: RUN_PROGRAMME,
  saveCategory: RUN_PROGRAMME,
  listBanners: ['owner', 'operator', 'analyst'],
  saveBanner: RUN_PROGRAMME,
  updateCouponTemplate: RUN_PROGRAMME,
  issueCouponsByMemberNo: RUN_PROGRAMME,
  issueTierCoupons: RUN_PROGRAMME,
  listCouponRecords: ['owner', 'operator', 'analyst', 'support'],
  listJobStatuses: ['owner', 'operator', 'analyst'],
  runJobNow: RUN_PROGRAMME,
  setJobPaused: RUN_PROGRAMME,
  startExport: ['owner', 'operator', 'analyst'],
  continueExport: ['owner', 'operator', 'analyst'],
  listExports: ['owner', 'operator', 'analyst'],
  getExportDownload: ['owner', 'operator', 'analyst'],
  ...MARKETING_PERMISSIONS,
};

/** Whether an admin role may take an action. */
export function adminMay(role: AdminRole, action: AdminAction): boolean {
  return ADMIN_PERMISSIONS[action].includes(role);
}
