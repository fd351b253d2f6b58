import * as z from 'zod';
import { searchKeyword } from './search-keyword';
import type { CouponInstanceDoc, CouponTemplateDoc } from '../coupons';
import type { AdminRole } from '../documents';
import type { JobRunDoc } from '../jobs';
import type { EpochMs, Points } from '../units';
import type { AdminCatalogResponses } from './admin-catalog';
import type { AdminCouponsResponses, CampaignOutcome } from './admin-coupons';
import { adminCouponsInputs } from './admin-coupons';
import type { AdminJobsResponses } from './admin-jobs';
import { adminJobsInputs } from './admin-jobs';
import type { AdminExportsResponses } from './admin-exports';
import { adminExportsInputs } from './admin-exports';
import type { AdjustmentResult, AdminMembersResponses } from './admin-members';
import { adminMembersInputs } from './admin-members';
import { adminCatalogInputs } from './admin-catalog';
import type { AdminOrdersResponses } from './admin-orders';
import { adminOrdersInputs } from './admin-orders';
import type { AdminAccountsResponses } from './admin-accounts';
import { adminAccountsInputs } from './admin-accounts';
import type { AdminStaffResponses } from './admin-staff';
import type { AdminRewardsResponses } from './admin-rewards';
import { adminRewardsInputs } from './admin-rewards';
import { adminStaffInputs } from './admin-staff';
import type { AdminDashboardResponses } from './admin-dashboard';
import { adminDashboardInputs } from './admin-dashboard';
import { couponTemplateInput, issueCampaignCouponsInput, setCouponTemplateStatusInput, voidCouponInput } from './coupons';
import { birthdaySchema } from './member';
import type { AdminProgrammeResponses } from './admin-programme';
import { adminProgrammeInputs } from './admin-programme';

const token = z.string().min(16).max(512);

/** Request schemas of the `admin` function, one per action. */
export const adminRequests = {
  bootstrapAdmin: z.strictObject({ action: z.literal('bootstrapAdmin') }),
  login: z.strictObject({
    action: z.literal('login'),
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
  }),
  listMembers: z.strictObject({
    action: z.literal('listMembers'),
    token,
    keyword: searchKeyword(64).optional(),
    pageSize: z.number().int().min(1).max(100).default(20),
    /** Opaque cursor from the previous page's `nextCursor`. */
    cursor: z.string().max(128).optional(),
  }),
  adjustPoints: z.strictObject({
    action: z.literal('adjustPoints'),
    token,
    memberId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a member id'),
    /** Points to add (positive) or take away (negative). */
    points: z
      .number()
      .int()
      .min(-1_000_000)
      .max(1_000_000)
      .refine((n) => n !== 0, 'cannot be zero'),
    reason: z.string().trim().min(2).max(100),
    /** Chosen by the admin page once per submission; a retry posts nothing twice. */
    requestKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, _ or -'),
  }),
  /** Members set their birthday once; corrections after that are an admin's. */
  setMemberBirthday: z.strictObject({
    action: z.literal('setMemberBirthday'),
    token,
    memberId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a member id'),
    birthday: birthdaySchema,
    /** Chosen by the admin page once per submission: the audit entry's key. */
    requestKey: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, _ or -')
      .optional(),
  }),
  reconcile: z.strictObject({
    action: z.literal('reconcile'),
    token,
    memberId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a member id')
      .optional(),
  }),
  createCouponTemplate: couponTemplateInput.extend({ action: z.literal('createCouponTemplate'), token }),
  setCouponTemplateStatus: setCouponTemplateStatusInput.extend({ action: z.literal('setCouponTemplateStatus'), token }),
  voidCoupon: voidCouponInput.extend({ action: z.literal('voidCoupon'), token }),
  issueCampaignCoupons: issueCampaignCouponsInput.extend({ action: z.literal('issueCampaignCoupons'), token }),
  listCouponTemplates: adminCouponsInputs.listCouponTemplates.extend({ action: z.literal('listCouponTemplates'), token }),
  listTiers: adminCouponsInputs.listTiers.extend({ action: z.literal('listTiers'), token }),
  updateCouponTemplate: adminCouponsInputs.updateCouponTemplate.extend({ action: z.literal('updateCouponTemplate'), token }),
  issueCouponsByMemberNo: adminCouponsInputs.issueCouponsByMemberNo.extend({ action: z.literal('issueCouponsByMemberNo'), token }),
  issueTierCoupons: adminCouponsInputs.issueTierCoupons.extend({ action: z.literal('issueTierCoupons'), token }),
  listCouponRecords: adminCouponsInputs.listCouponRecords.extend({ action: z.literal('listCouponRecords'), token }),
  listJobStatuses: adminJobsInputs.listJobStatuses.extend({ action: z.literal('listJobStatuses'), token }),
  runJobNow: adminJobsInputs.runJobNow.extend({ action: z.literal('runJobNow'), token }),
  setJobPaused: adminJobsInputs.setJobPaused.extend({ action: z.literal('setJobPaused'), token }),
  startExport: adminExportsInputs.startExport.extend({ action: z.literal('startExport'), token }),
  continueExport: adminExportsInputs.continueExport.extend({ action: z.literal('continueExport'), token }),
  listExports: adminExportsInputs.listExports.extend({ action: z.literal('listExports'), token }),
  getExportDownload: adminExportsInputs.getExportDownload.extend({ action: z.literal('getExportDownload'), token }),
  /** Runs of the timer jobs, newest first; `job` narrows to one job. */
  listJobRuns: z.strictObject({
    action: z.literal('listJobRuns'),
    token,
    job: z
      .string()
      .regex(/^job-[a-z-]{1,40}$/, 'must be a job name')
      .optional(),
    pageSize: z.number().int().min(1).max(100).default(20),
    /** Opaque cursor from the previous page's `nextCursor`. */
    cursor: z.string().max(128).optional(),
  }),
  listProducts: adminCatalogInputs.listProducts.extend({ action: z.literal('listProducts'), token }),
  saveProduct: adminCatalogInputs.saveProduct.extend({ action: z.literal('saveProduct'), token }),
  setProductStatus: adminCatalogInputs.setProductStatus.extend({ action: z.literal('setProductStatus'), token }),
  setStock: adminCatalogInputs.setStock.extend({ action: z.literal('setStock'), token }),
  listCategories: adminCatalogInputs.listCategories.extend({ action: z.literal('listCategories'), token }),
  uploadImage: adminCatalogInputs.uploadImage.extend({ action: z.literal('uploadImage'), token }),
  saveCategory: adminCatalogInputs.saveCategory.extend({ action: z.literal('saveCategory'), token }),
  listBanners: adminCatalogInputs.listBanners.extend({ action: z.literal('listBanners'), token }),
  saveBanner: adminCatalogInputs.saveBanner.extend({ action: z.literal('saveBanner'), token }),
  listOrders: adminOrdersInputs.listOrders.extend({ action: z.literal('listOrders'), token }),
  shipOrder: adminOrdersInputs.shipOrder.extend({ action: z.literal('shipOrder'), token }),
  shipOrders: adminOrdersInputs.shipOrders.extend({ action: z.literal('shipOrders'), token }),
  completePickup: adminOrdersInputs.completePickup.extend({ action: z.literal('completePickup'), token }),
  listRefunds: adminOrdersInputs.listRefunds.extend({ action: z.literal('listRefunds'), token }),
  previewRefund: adminOrdersInputs.previewRefund.extend({ action: z.literal('previewRefund'), token }),
  approveRefund: adminOrdersInputs.approveRefund.extend({ action: z.literal('approveRefund'), token }),
  confirmReturnReceived: adminOrdersInputs.confirmReturnReceived.extend({ action: z.literal('confirmReturnReceived'), token }),
  rejectRefund: adminOrdersInputs.rejectRefund.extend({ action: z.literal('rejectRefund'), token }),
  listStores: adminStaffInputs.listStores.extend({ action: z.literal('listStores'), token }),
  createStaffInvite: adminStaffInputs.createStaffInvite.extend({ action: z.literal('createStaffInvite'), token }),
  listStaff: adminStaffInputs.listStaff.extend({ action: z.literal('listStaff'), token }),
  setStaffStatus: adminStaffInputs.setStaffStatus.extend({ action: z.literal('setStaffStatus'), token }),
  logout: adminAccountsInputs.logout.extend({ action: z.literal('logout'), token }),
  changePassword: adminAccountsInputs.changePassword.extend({ action: z.literal('changePassword'), token }),
  listAdmins: adminAccountsInputs.listAdmins.extend({ action: z.literal('listAdmins'), token }),
  createAdmin: adminAccountsInputs.createAdmin.extend({ action: z.literal('createAdmin'), token }),
  setAdminStatus: adminAccountsInputs.setAdminStatus.extend({ action: z.literal('setAdminStatus'), token }),
  setAdminRole: adminAccountsInputs.setAdminRole.extend({ action: z.literal('setAdminRole'), token }),
  resetAdminPassword: adminAccountsInputs.resetAdminPassword.extend({ action: z.literal('resetAdminPassword'), token }),
  listAuditLog: adminAccountsInputs.listAuditLog.extend({ action: z.literal('listAuditLog'), token }),
  searchMembers: adminMembersInputs.searchMembers.extend({ action: z.literal('searchMembers'), token }),
  getMemberDetail: adminMembersInputs.getMemberDetail.extend({ action: z.literal('getMemberDetail'), token }),
  listMemberRecords: adminMembersInputs.listMemberRecords.extend({ action: z.literal('listMemberRecords'), token }),
  listApprovals: adminMembersInputs.listApprovals.extend({ action: z.literal('listApprovals'), token }),
  approveAdjustment: adminMembersInputs.approveAdjustment.extend({ action: z.literal('approveAdjustment'), token }),
  rejectAdjustment: adminMembersInputs.rejectAdjustment.extend({ action: z.literal('rejectAdjustment'), token }),
  setTierOverride: adminMembersInputs.setTierOverride.extend({ action: z.literal('setTierOverride'), token }),
  getDashboard: adminDashboardInputs.getDashboard.extend({ action: z.literal('getDashboard'), token }),
  getProgramme: adminProgrammeInputs.getProgramme.extend({ action: z.literal('getProgramme'), token }),
  previewProgramme: adminProgrammeInputs.previewProgramme.extend({ action: z.literal('previewProgramme'), token }),
  publishProgramme: adminProgrammeInputs.publishProgramme.extend({ action: z.literal('publishProgramme'), token }),
  cancelProgrammeVersion: adminProgrammeInputs.cancelProgrammeVersion.extend({ action: z.literal('cancelProgrammeVersion'), token }),
  restoreProgrammeVersion: adminProgrammeInputs.restoreProgrammeVersion.extend({ action: z.literal('restoreProgrammeVersion'), token }),
  listRewards: adminRewardsInputs.listRewards.extend({ action: z.literal('listRewards'), token }),
  saveReward: adminRewardsInputs.saveReward.safeExtend({ action: z.literal('saveReward'), token }),
  setRewardStatus: adminRewardsInputs.setRewardStatus.extend({ action: z.literal('setRewardStatus'), token }),
  changeRewardStock: adminRewardsInputs.changeRewardStock.extend({ action: z.literal('changeRewardStock'), token }),
  listRedemptions: adminRewardsInputs.listRedemptions.extend({ action: z.literal('listRedemptions'), token }),
  handOverRedemption: adminRewardsInputs.handOverRedemption.extend({ action: z.literal('handOverRedemption'), token }),
  cancelRedemption: adminRewardsInputs.cancelRedemption.extend({ action: z.literal('cancelRedemption'), token }),
  saveStore: adminStaffInputs.saveStore.extend({ action: z.literal('saveStore'), token }),
  setStoreStatus: adminStaffInputs.setStoreStatus.extend({ action: z.literal('setStoreStatus'), token }),
};

export interface AdminSession {
  token: string;
  expiresAt: EpochMs;
  admin: {
    username: string;
    role: AdminRole;
    /** The store of a `storeManager`. */
    storeId: string | null;
    /** A one-time password is in use: every action but changing it is refused until then. */
    mustChangePassword: boolean;
  };
}

export interface MemberRow {
  memberId: string;
  memberNo: string;
  nickname: string;
  tierId: string;
  tierName: string;
  pointsAvailable: Points;
  joinedAt: EpochMs;
}

export interface AdminResponses {
  bootstrapAdmin: { created: boolean; username: string };
  login: AdminSession;
  listMembers: { items: MemberRow[]; nextCursor: string | null };
  /** Posted at once, or, above the programme's approval threshold, a pending approval. */
  adjustPoints: AdjustmentResult;
  setMemberBirthday: { memberId: string; birthday: string };
  reconcile: { members: number; problems: { memberId: string; problem: string }[] };
  createCouponTemplate: CouponTemplateDoc;
  setCouponTemplateStatus: CouponTemplateDoc;
  voidCoupon: CouponInstanceDoc;
  issueCampaignCoupons: CampaignOutcome;
  listCouponTemplates: AdminCouponsResponses['listCouponTemplates'];
  listTiers: AdminCouponsResponses['listTiers'];
  updateCouponTemplate: AdminCouponsResponses['updateCouponTemplate'];
  issueCouponsByMemberNo: AdminCouponsResponses['issueCouponsByMemberNo'];
  issueTierCoupons: AdminCouponsResponses['issueTierCoupons'];
  listCouponRecords: AdminCouponsResponses['listCouponRecords'];
  listJobStatuses: AdminJobsResponses['listJobStatuses'];
  runJobNow: AdminJobsResponses['runJobNow'];
  setJobPaused: AdminJobsResponses['setJobPaused'];
  startExport: AdminExportsResponses['startExport'];
  continueExport: AdminExportsResponses['continueExport'];
  listExports: AdminExportsResponses['listExports'];
  getExportDownload: AdminExportsResponses['getExportDownload'];
  listJobRuns: { items: JobRunDoc[]; nextCursor: string | null };
  listProducts: AdminCatalogResponses['listProducts'];
  saveProduct: AdminCatalogResponses['saveProduct'];
  setProductStatus: AdminCatalogResponses['setProductStatus'];
  setStock: AdminCatalogResponses['setStock'];
  listCategories: AdminCatalogResponses['listCategories'];
  uploadImage: AdminCatalogResponses['uploadImage'];
  saveCategory: AdminCatalogResponses['saveCategory'];
  listBanners: AdminCatalogResponses['listBanners'];
  saveBanner: AdminCatalogResponses['saveBanner'];
  listOrders: AdminOrdersResponses['listOrders'];
  shipOrder: AdminOrdersResponses['shipOrder'];
  shipOrders: AdminOrdersResponses['shipOrders'];
  completePickup: AdminOrdersResponses['completePickup'];
  listRefunds: AdminOrdersResponses['listRefunds'];
  previewRefund: AdminOrdersResponses['previewRefund'];
  approveRefund: AdminOrdersResponses['approveRefund'];
  confirmReturnReceived: AdminOrdersResponses['confirmReturnReceived'];
  rejectRefund: AdminOrdersResponses['rejectRefund'];
  listStores: AdminStaffResponses['listStores'];
  createStaffInvite: AdminStaffResponses['createStaffInvite'];
  listStaff: AdminStaffResponses['listStaff'];
  setStaffStatus: AdminStaffResponses['setStaffStatus'];
  logout: AdminAccountsResponses['logout'];
  changePassword: AdminAccountsResponses['changePassword'];
  listAdmins: AdminAccountsResponses['listAdmins'];
  createAdmin: AdminAccountsResponses['createAdmin'];
  setAdminStatus: AdminAccountsResponses['setAdminStatus'];
  setAdminRole: AdminAccountsResponses['setAdminRole'];
  resetAdminPassword: AdminAccountsResponses['resetAdminPassword'];
  listAuditLog: AdminAccountsResponses['listAuditLog'];
  searchMembers: AdminMembersResponses['searchMembers'];
  getMemberDetail: AdminMembersResponses['getMemberDetail'];
  listMemberRecords: AdminMembersResponses['listMemberRecords'];
  listApprovals: AdminMembersResponses['listApprovals'];
  approveAdjustment: AdminMembersResponses['approveAdjustment'];
  rejectAdjustment: AdminMembersResponses['rejectAdjustment'];
  setTierOverride: AdminMembersResponses['setTierOverride'];
  getDashboard: AdminDashboardResponses['getDashboard'];
  getProgramme: AdminProgrammeResponses['getProgramme'];
  previewProgramme: AdminProgrammeResponses['previewProgramme'];
  publishProgramme: AdminProgrammeResponses['publishProgramme'];
  cancelProgrammeVersion: AdminProgrammeResponses['cancelProgrammeVersion'];
  restoreProgrammeVersion: AdminProgrammeResponses['restoreProgrammeVersion'];
  listRewards: AdminRewardsResponses['listRewards'];
  saveReward: AdminRewardsResponses['saveReward'];
  setRewardStatus: AdminRewardsResponses['setRewardStatus'];
  changeRewardStock: AdminRewardsResponses['changeRewardStock'];
  listRedemptions: AdminRewardsResponses['listRedemptions'];
  handOverRedemption: AdminRewardsResponses['handOverRedemption'];
  cancelRedemption: AdminRewardsResponses['cancelRedemption'];
  saveStore: AdminStaffResponses['saveStore'];
  setStoreStatus: AdminStaffResponses['setStoreStatus'];
}
