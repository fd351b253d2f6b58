import { formatFen, formatPoints } from '~/core/money/format';
import type { AdminRole } from '~/types/documents';
import type { AuditEntryDoc } from '~/types/staff';
import { ADMIN_ROLE_TEXT } from '../../format/admin-roles';
import { STAFF_ROLE_TEXT } from '../staff/staff-columns';

/** The actions the log records, as the brand calls them. */
export const AUDIT_ACTION_TEXT: Record<string, string> = {
  createAdmin: '新建账号',
  setAdminRole: '更改角色',
  setAdminStatus: '停用/启用账号',
  resetAdminPassword: '重置密码',
  changePassword: '修改密码',
  createStaffInvite: '生成店员邀请码',
  redeemInvite: '店员绑定门店',
  setStaffStatus: '停用/启用店员',
  recordSale: '门店消费',
  reverseSale: '撤销门店消费',
  writeOffCoupon: '核销优惠券',
  handOverOrder: '门店提货',
  handOverReward: '交付兑换礼品',
  adjustPoints: '调整积分',
  requestAdjustment: '申请积分调整',
  approveAdjustment: '通过积分调整',
  rejectAdjustment: '驳回积分调整',
  setTierOverride: '调整会员等级',
  setMemberBirthday: '修改会员生日',
  voidCoupon: '作废优惠券',
  createCouponTemplate: '新建优惠券',
  setCouponTemplateStatus: '更改优惠券状态',
  updateCouponTemplate: '编辑优惠券',
  issueCouponsByMemberNo: '按会员号发券',
  issueTierCoupons: '按等级发券',
  runJobNow: '立即运行任务',
  setJobPaused: '暂停/恢复任务',
  startExport: '导出数据',
  issueCampaignCoupons: '发放活动券',
  saveProduct: '保存商品',
  setProductStatus: '上架/下架商品',
  setStock: '修改库存',
  shipOrder: '发货',
  completePickup: '核销提货码',
  approveRefund: '同意退款',
  rejectRefund: '驳回退款',
  publishProgramme: '发布规则版本',
  restoreProgrammeVersion: '恢复规则版本',
  cancelProgrammeVersion: '取消规则版本',
  saveReward: '保存礼品',
  setRewardStatus: '上架/下架礼品',
  changeRewardStock: '调整礼品库存',
  handOverRedemption: '后台交付兑换礼品',
  cancelRedemption: '取消礼品兑换',
  saveStore: '保存门店',
  setStoreStatus: '开启/关闭门店',
  uploadImage: '上传图片',
  saveCategory: '保存分类',
  saveBanner: '保存横幅',
  // Campaigns.
  saveCampaign: '保存营销活动',
  launchCampaign: '启动营销活动',
  stopCampaign: '停止营销活动',
  // Special tags.
  saveTagDefinition: '保存标签',
  archiveTagDefinition: '归档标签',
  setMemberTag: '设置会员标签',
  importMemberTags: '导入会员标签',
  applyTagToSegment: '按分群打标',
  setMemberTagAtTill: '门店设置会员标签',
  // Segments.
  createSegment: '新建分群',
  updateSegment: '修改分群',
  archiveSegment: '归档分群',
  countSegment: '统计分群人数',
};

/** What an entry changed, by type. */
export const AUDIT_TARGET_TEXT: Record<string, string> = {
  admin: '后台账号',
  staff: '店员',
  staffInvite: '店员邀请码',
  sale: '门店消费',
  coupon: '优惠券',
  order: '订单',
  redemption: '礼品兑换',
  member: '会员',
  approval: '积分审批',
  couponTemplate: '优惠券模板',
  campaign: '发券活动',
  product: '商品',
  sku: '商品规格',
  refund: '退款',
  programmeVersion: '规则版本',
  reward: '积分礼品',
  store: '门店',
  file: '云存储文件',
  category: '商品分类',
  tagDefinition: '特殊标签',
  banner: '首页横幅',
  segment: '会员分群',
};

/** An action or target type in Chinese, or its name as stored when the page does not know it. */
export function labelOf(labels: Record<string, string>, name: string): string {
  return labels[name] ?? name;
}

/** The actor's role: an admin role or a store staff role, or the stored name of one the page does not know. */
export function actorRoleText(actor: AuditEntryDoc['actor']): string {
  if (actor.kind === 'admin') return ADMIN_ROLE_TEXT[actor.role as AdminRole] ?? actor.role;
  return STAFF_ROLE_TEXT[actor.role as keyof typeof STAFF_ROLE_TEXT] ?? actor.role;
}

type AmountKey = keyof AuditEntryDoc['amounts'];

const AMOUNTS: ReadonlyArray<{ key: AmountKey; text: (value: number) => string }> = [
  { key: 'amountFen', text: (fen) => `金额 ${formatFen(fen)}` },
  { key: 'paidFen', text: (fen) => `实付 ${formatFen(fen)}` },
  { key: 'cashFen', text: (fen) => `现金 ${formatFen(fen)}` },
  { key: 'couponDiscountFen', text: (fen) => `券抵扣 ${formatFen(fen)}` },
  { key: 'pointsEarned', text: (points) => `获得积分 ${points > 0 ? '+' : ''}${formatPoints(points)}` },
  { key: 'pointsSpent', text: (points) => `使用积分 ${formatPoints(points)}` },
];

/** The money and points an entry moved, one phrase each (zero amounts left out), e.g. `实付 ¥90.00`, `获得积分 +90`. */
export function amountPhrases(amounts: AuditEntryDoc['amounts']): string[] {
  return AMOUNTS.flatMap(({ key, text }) => {
    const value = amounts[key];
    return typeof value === 'number' && value !== 0 ? [text(value)] : [];
  });
}
