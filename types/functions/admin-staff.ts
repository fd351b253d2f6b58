import * as z from 'zod';
import type { GeoPoint } from '../orders';
import type { StaffDoc, StaffRole } from '../staff';
import type { EpochMs } from '../units';

const storeId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a store id');
/** A store id chosen by the admin when creating a store: a slug, so a retried create finds the store it made. */
const newStoreId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, '门店编号须为 1–32 位小写字母、数字或 -，以字母或数字开头');

/** Where mainland China lies in GCJ-02 degrees: a location outside it is a typing slip (or latitude and longitude swapped). */
export const CHINA_BOUNDS = { minLatitude: 3.8, maxLatitude: 53.6, minLongitude: 73.5, maxLongitude: 135.1 } as const;

/** A store as the admin page creates or edits it. */
export const storeInput = z.strictObject({
  storeId: newStoreId,
  name: z.string().trim().min(1, '请填写门店名称').max(30, '门店名称最多 30 个字'),
  address: z.string().trim().min(5, '请填写完整地址（至少 5 个字）').max(100, '地址最多 100 个字'),
  phone: z
    .string()
    .trim()
    .regex(/^(?:1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}|400-?[0-9]{3}-?[0-9]{4})?$/, '请填写手机号或带区号的座机号，如 021-62881234')
    .default(''),
  openHours: z.string().trim().min(1, '请填写营业时间，如 10:00-22:00').max(60, '营业时间最多 60 个字'),
  /** GCJ-02, as WeChat's location and maps use; null when not placed on the map. */
  location: z
    .strictObject({
      latitude: z
        .number({ error: '请填写纬度' })
        .min(CHINA_BOUNDS.minLatitude, '纬度须在中国境内（3.8–53.6）')
        .max(CHINA_BOUNDS.maxLatitude, '纬度须在中国境内（3.8–53.6）'),
      longitude: z
        .number({ error: '请填写经度' })
        .min(CHINA_BOUNDS.minLongitude, '经度须在中国境内（73.5–135.1）')
        .max(CHINA_BOUNDS.maxLongitude, '经度须在中国境内（73.5–135.1）'),
    })
    .nullable()
    .default(null),
  /** Whether shoppers may choose the store for pickup at checkout. */
  pickupEnabled: z.boolean().default(true),
  /** Days points from an in-store purchase stay pending; null: the programme's. */
  pointsPendingDays: z.number().int('天数须为整数').min(0, '天数不能为负').max(90, '最多 90 天').nullable().default(null),
});

export type StoreInput = z.output<typeof storeInput>;

/** The store-staff actions of the `admin` function, without `action` and `token`. */
export const adminStaffInputs = {
  listStores: z.strictObject({}),
  /** `create` refuses an id taken by a different store; `update` needs it to exist and keeps its open/closed state. */
  saveStore: storeInput.extend({ mode: z.enum(['create', 'update']) }),
  /** Closing takes the store off checkout's pickup list and out of staff invites; pickups already ordered there stay collectable. */
  setStoreStatus: z.strictObject({ storeId, status: z.enum(['open', 'closed']) }),
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

/** A store with everything the stores page shows and edits. */
export interface StoreDetailRow extends StoreRow {
  phone: string;
  openHours: string;
  location: GeoPoint | null;
  pickupEnabled: boolean;
  pointsPendingDays: number | null;
  /** When an admin last changed it; null for a store never edited. */
  updatedAt: EpochMs | null;
}

export interface AdminStaffResponses {
  listStores: { items: StoreDetailRow[] };
  saveStore: { store: StoreDetailRow; created: boolean };
  setStoreStatus: StoreDetailRow;
  createStaffInvite: StaffInviteView;
  listStaff: { items: StaffRow[] };
  setStaffStatus: StaffRow;
}
