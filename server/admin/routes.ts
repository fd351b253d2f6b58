import { adminRequests } from '~/types/functions/admin';
import type { Routes } from '../runtime/wx';
import { createWxHandler } from '../runtime/wx';
import { voidCoupon } from '../coupons/void-coupon';
import { listCouponTemplates } from '../coupons/list-coupon-templates';
import { listTiers } from '../programme/list-tiers';
import { listAdminProducts } from '../catalog/list-admin-products';
import { listJobRuns } from '../jobs/list-job-runs';
import { reconcile } from '../points/reconcile';
import { setMemberBirthday } from '../members/set-member-birthday';
import { completePickup } from '../orders/complete-pickup';
import { listAllOrders } from '../orders/list-all-orders';
import { listRefunds } from '../orders/list-refunds';
import { shipOrderById } from '../orders/ship-order-by-id';
import { shipOrders } from '../orders/ship-orders';
import { approveRefund } from '../orders/approve-refund';
import { confirmReturnReceived } from '../orders/confirm-return-received';
import { previewRefund } from '../orders/preview-refund';
import { rejectRefund } from '../orders/reject-refund';
import { createStaffInvite } from '../staff/create-staff-invite';
import { listStaff } from '../staff/list-staff';
import { listStores } from '../staff/list-stores';
import { setStaffStatus } from '../staff/set-staff-status';
import { logoutAdmin } from './admin-sessions';
import { bootstrapAdmin } from './bootstrap-admin';
import { changePassword } from './change-password';
import { createAdmin } from './create-admin';
import { listAdmins } from './list-admins';
import { listAuditLog } from './list-audit-log';
import { resetAdminPassword } from './reset-admin-password';
import { setAdminRole } from './set-admin-role';
import { setAdminStatus } from './set-admin-status';
import { adjustMemberPoints } from '../approvals/adjust-member-points';
import { approveAdjustment } from '../approvals/approve-adjustment';
import { listApprovals } from '../approvals/list-approvals';
import { rejectAdjustment } from '../approvals/reject-adjustment';
import { setTierOverride } from '../tiers/set-tier-override';
import { getMemberDetail } from './get-member-detail';
import { listMemberRecords } from './list-member-records';
import { searchMembers } from './search-members';
import { listMembers } from './list-members';
import { loginAdmin } from './session';
import { signedIn } from './signed-in';
import { storeFilterOf } from './store-scope';
import { createCouponTemplate } from '../coupons/create-coupon-template';
import { issueCampaignCoupons } from '../coupons/issue-campaign-coupons';
import { setCouponTemplateStatus } from '../coupons/set-coupon-template-status';
import { saveProduct } from '../catalog/save-product';
import { setProductStatus } from '../catalog/set-product-status';
import { setStock } from '../catalog/set-stock';
import { getDashboard } from '../stats/get-dashboard';
import { getProgramme } from '../programme/get-programme';
import { previewProgramme } from '../programme/preview-programme';
import { publishProgramme, restoreProgrammeVersion } from '../programme/publish-version';
import { cancelProgrammeVersion } from '../programme/cancel-version';
import { listAdminRewards } from '../rewards/list-admin-rewards';
import { saveReward } from '../rewards/save-reward';
import { setRewardStatus } from '../rewards/set-reward-status';
import { changeRewardStock } from '../rewards/change-reward-stock';
import { listRedemptions } from '../rewards/list-redemptions';
import { adminHandOverRedemption } from '../rewards/admin-hand-over-redemption';
import { adminCancelRedemption } from '../rewards/admin-cancel-redemption';
import { saveStore } from '../staff/save-store';
import { setStoreStatus } from '../staff/set-store-status';
import { uploadImage } from '../catalog/upload-image';
import { listAdminCategories, listBanners } from '../catalog/admin-catalog-lists';
import { saveBanner } from '../catalog/save-banner';
import { saveCategory } from '../catalog/save-category';
import { updateCouponTemplate } from '../coupons/update-coupon-template';
import { issueCouponsByMemberNo } from '../coupons/issue-coupons-by-member-no';
import { issueTierCoupons } from '../coupons/issue-tier-coupons';
import { listCouponRecords } from '../coupons/list-coupon-records';
import { listJobStatuses } from '../jobs/job-statuses';
import { runJobNow } from '../jobs/run-job-now';
import { setJobPaused } from '../jobs/set-job-paused';
import { startExport } from '../exports/start-export';
import { continueExport, getExportDownload, listExports } from '../exports/export-actions';

/** Routes of the `admin` function: everything but bootstrap and login needs a valid session token. */
export const adminRoutes: Routes<'admin'> = {
  bootstrapAdmin: (_input, ctx) => bootstrapAdmin(ctx),
  login: (input, ctx) => loginAdmin(ctx, input),
  listMembers: signedIn((ctx, input) => listMembers(ctx, input)),
  adjustPoints: signedIn((ctx, input, admin) => adjustMemberPoints(ctx, input, admin)),
  setMemberBirthday: signedIn((ctx, input, admin) => setMemberBirthday(ctx, input, admin)),
  reconcile: signedIn((ctx, input) => reconcile(ctx, input)),
  createCouponTemplate: signedIn((ctx, input, admin) => createCouponTemplate(ctx, input, admin)),
  setCouponTemplateStatus: signedIn((ctx, input, admin) => setCouponTemplateStatus(ctx, input, admin)),
  voidCoupon: signedIn((ctx, input, admin) => voidCoupon(ctx, input, admin)),
  issueCampaignCoupons: signedIn((ctx, input, admin) => issueCampaignCoupons(ctx, input, admin)),
  listCouponTemplates: signedIn((ctx, input) => listCouponTemplates(ctx, input)),
  listTiers: signedIn((ctx) => listTiers(ctx)),
  updateCouponTemplate: signedIn((ctx, input, admin) => updateCouponTemplate(ctx, input, admin)),
  issueCouponsByMemberNo: signedIn((ctx, input, admin) => issueCouponsByMemberNo(ctx, input, admin)),
  issueTierCoupons: signedIn((ctx, input, admin) => issueTierCoupons(ctx, input, admin)),
  listCouponRecords: signedIn((ctx, input) => listCouponRecords(ctx, input)),
  listJobStatuses: signedIn((ctx) => listJobStatuses(ctx)),
  runJobNow: signedIn((ctx, input, admin) => runJobNow(ctx, input, admin)),
  setJobPaused: signedIn((ctx, input, admin) => setJobPaused(ctx, input, admin)),
  startExport: signedIn((ctx, input, admin) => startExport(ctx, input, admin)),
  continueExport: signedIn((ctx, input) => continueExport(ctx, input)),
  listExports: signedIn((ctx, input) => listExports(ctx, input)),
  getExportDownload: signedIn((ctx, input, admin) => getExportDownload(ctx, input, admin)),
  listJobRuns: signedIn((ctx, input) => listJobRuns(ctx, input)),
  listProducts: signedIn((ctx, input) => listAdminProducts(ctx, input)),
  saveProduct: signedIn((ctx, input, admin) => saveProduct(ctx, input, admin)),
  setProductStatus: signedIn((ctx, input, admin) => setProductStatus(ctx, input, admin)),
  setStock: signedIn((ctx, input, admin) => setStock(ctx, input, admin)),
  listCategories: signedIn((ctx) => listAdminCategories(ctx)),
  listOrders: signedIn((ctx, input) => listAllOrders(ctx, input)),
  shipOrder: signedIn((ctx, input, admin) => shipOrderById(ctx, input, admin)),
  shipOrders: signedIn((ctx, input, admin) => shipOrders(ctx, input, admin)),
  completePickup: signedIn((ctx, { pickupCode }, admin) => completePickup(ctx, pickupCode, admin)),
  listRefunds: signedIn((ctx, input) => listRefunds(ctx, input)),
  previewRefund: signedIn((ctx, { refundId }) => previewRefund(ctx, refundId)),
  approveRefund: signedIn((ctx, input, admin) => approveRefund(ctx, { ...input, admin })),
  confirmReturnReceived: signedIn((ctx, input, admin) => confirmReturnReceived(ctx, { ...input, admin })),
  rejectRefund: signedIn((ctx, input, admin) => rejectRefund(ctx, { ...input, admin })),
  listStores: signedIn((ctx, _input, admin) => listStores(ctx, storeFilterOf(admin, undefined))),
  createStaffInvite: signedIn((ctx, input, admin) => createStaffInvite(ctx, input, admin)),
  listStaff: signedIn((ctx, input, admin) => listStaff(ctx, { storeId: storeFilterOf(admin, input.storeId) })),
  setStaffStatus: signedIn((ctx, input, admin) => setStaffStatus(ctx, input, admin)),
  logout: signedIn((ctx, _input, admin) => logoutAdmin(ctx, admin)),
  changePassword: signedIn((ctx, input, admin) => changePassword(ctx, input, admin)),
  listAdmins: signedIn((ctx) => listAdmins(ctx)),
  createAdmin: signedIn((ctx, input, admin) => createAdmin(ctx, input, admin)),
  setAdminStatus: signedIn((ctx, input, admin) => setAdminStatus(ctx, input, admin)),
  setAdminRole: signedIn((ctx, input, admin) => setAdminRole(ctx, input, admin)),
  resetAdminPassword: signedIn((ctx, input, admin) => resetAdminPassword(ctx, input, admin)),
  listAuditLog: signedIn((ctx, input) => listAuditLog(ctx, input)),
  searchMembers: signedIn((ctx, input, admin) => searchMembers(ctx, input, admin)),
  getMemberDetail: signedIn((ctx, input, admin) => getMemberDetail(ctx, input, admin)),
  listMemberRecords: signedIn((ctx, input, admin) => listMemberRecords(ctx, input, admin)),
  listApprovals: signedIn((ctx, input, admin) => listApprovals(ctx, input, admin)),
  approveAdjustment: signedIn((ctx, input, admin) => approveAdjustment(ctx, input, admin)),
  rejectAdjustment: signedIn((ctx, input, admin) => rejectAdjustment(ctx, input, admin)),
  setTierOverride: signedIn((ctx, input, admin) => setTierOverride(ctx, input, admin)),
  getDashboard: signedIn((ctx, input) => getDashboard(ctx, input)),
  getProgramme: signedIn((ctx) => getProgramme(ctx)),
  previewProgramme: signedIn((ctx, input) => previewProgramme(ctx, input)),
  publishProgramme: signedIn((ctx, input, admin) => publishProgramme(ctx, input, admin)),
  cancelProgrammeVersion: signedIn((ctx, input, admin) => cancelProgrammeVersion(ctx, input, admin)),
  restoreProgrammeVersion: signedIn((ctx, input, admin) => restoreProgrammeVersion(ctx, input, admin)),
  listRewards: signedIn((ctx, input) => listAdminRewards(ctx, input)),
  saveReward: signedIn((ctx, input, admin) => saveReward(ctx, input, admin)),
  setRewardStatus: signedIn((ctx, input, admin) => setRewardStatus(ctx, input, admin)),
  changeRewardStock: signedIn((ctx, input, admin) => changeRewardStock(ctx, input, admin)),
  listRedemptions: signedIn((ctx, input, admin) => listRedemptions(ctx, input, admin)),
  handOverRedemption: signedIn((ctx, input, admin) => adminHandOverRedemption(ctx, input, admin)),
  cancelRedemption: signedIn((ctx, input, admin) => adminCancelRedemption(ctx, input, admin)),
  saveStore: signedIn((ctx, input, admin) => saveStore(ctx, input, admin)),
  setStoreStatus: signedIn((ctx, input, admin) => setStoreStatus(ctx, input, admin)),
  uploadImage: signedIn((ctx, input, admin) => uploadImage(ctx, input, admin)),
  saveCategory: signedIn((ctx, input, admin) => saveCategory(ctx, input, admin)),
  listBanners: signedIn((ctx) => listBanners(ctx)),
  saveBanner: signedIn((ctx, input, admin) => saveBanner(ctx, input, admin)),
};

/** The `admin` cloud function's main. */
export const adminMain = createWxHandler<'admin'>(adminRequests, adminRoutes);
