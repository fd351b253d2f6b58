import type { StaffRole } from '~/types/staff';

/**
 * Who may call each action of the `staff` function. `member` actions need only a member (a
 * WeChat user binding themselves); the others need an active staff member of one of the roles,
 * acting within their own store. The server checks this table on every call; pages only hide
 * what it would refuse.
 */
export const STAFF_PERMISSIONS = {
  me: ['cashier', 'manager'],
  redeemInvite: ['member'],
  scan: ['cashier', 'manager'],
  memberCard: ['cashier', 'manager'],
  listMemberTags: ['cashier', 'manager'],
  setMemberTag: ['cashier', 'manager'],
  quoteSale: ['cashier', 'manager'],
  recordSale: ['cashier', 'manager'],
  reverseSale: ['manager'],
  writeOffCoupon: ['cashier', 'manager'],
  lookupPickup: ['cashier', 'manager'],
  handOverByCode: ['cashier', 'manager'],
  handOverRedemption: ['cashier', 'manager'],
  summary: ['cashier', 'manager'],
} as const satisfies Record<string, readonly (StaffRole | 'member')[]>;

export type StaffAction = keyof typeof STAFF_PERMISSIONS;

/** Whether a staff role may take an action. */
export function staffMay(role: StaffRole, action: StaffAction): boolean {
  return (STAFF_PERMISSIONS[action] as readonly string[]).includes(role);
}
