import * as z from 'zod';
import type { StaffDoc, StaffRole } from '../staff';
import type { EpochMs } from '../units';

const storeId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a store id');

/** The store-staff actions of the `admin` function, without `action` and `token`. */
export const adminStaffInputs = {
  listStores: z.strictObject({}),
  /** A one-time code, valid 24 hours, that binds whoever enters it to the store in the role. */
  createStaffInvite: z.strictObject({ storeId, role: z.enum(['cashier', 'manager']) }),
  listStaff: z.strictObject({ storeId: storeId.optional() }),
  /** Disabling takes effect at the staff member's next call. */
  setStaffStatus: z.strictObject({
    staffId: z.string().min(1).max(128),
    status: z.enum(['active', 'disabled']),
  }),
};

export interface StaffInviteView {
  code: string;
  storeId: string;
  storeName: string;
  role: StaffRole;
  expiresAt: EpochMs;
}

export interface StaffRow {
  staffId: string;
  nickname: string;
  storeId: string;
  storeName: string;
  role: StaffRole;
  status: StaffDoc['status'];
  createdAt: EpochMs;
  disabledAt: EpochMs | null;
}

export interface StoreRow {
  storeId: string;
  name: string;
  address: string;
  status: 'open' | 'closed';
}

export interface AdminStaffResponses {
  listStores: { items: StoreRow[] };
  createStaffInvite: StaffInviteView;
  listStaff: { items: StaffRow[] };
  setStaffStatus: StaffRow;
}
