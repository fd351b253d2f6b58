import * as z from 'zod';
import type { AdminRole } from '../documents';
import { ADMIN_ROLES } from '../documents';
import type { AuditEntryDoc } from '../staff';
import type { EpochMs } from '../units';
import type { AdminSession } from './admin';

const username = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_.-]{2,31}$/, 'must be 3–32 lowercase letters, digits, _ . or -, starting with a letter');
const role = z.enum(ADMIN_ROLES);
const storeId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a store id');
/** Long enough to resist guessing under the login throttle; no other rules a person would have to puzzle over. */
const newPassword = z.string().min(10, 'must be at least 10 characters').max(256);

/** The account, session and audit-log actions of the `admin` function, without `action` and `token`. */
export const adminAccountsInputs = {
  logout: z.strictObject({}),
  changePassword: z.strictObject({ oldPassword: z.string().min(1).max(256), newPassword }),
  listAdmins: z.strictObject({}),
  /** A new account gets a one-time password, shown once, which it must change at first sign-in. */
  createAdmin: z.strictObject({ username, role, storeId: storeId.optional() }),
  setAdminStatus: z.strictObject({ username, status: z.enum(['active', 'disabled']) }),
  setAdminRole: z.strictObject({ username, role, storeId: storeId.optional() }),
  resetAdminPassword: z.strictObject({ username }),
  listAuditLog: z.strictObject({
    actorId: z.string().trim().min(1).max(128).optional(),
    action: z
      .string()
      .regex(/^[A-Za-z]{2,40}$/, 'must be an action name')
      .optional(),
    targetType: z
      .string()
      .regex(/^[A-Za-z]{2,40}$/, 'must be a target type')
      .optional(),
    targetId: z.string().trim().min(1).max(200).optional(),
    /** Shanghai days, inclusive. */
    fromDay: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
      .optional(),
    toDay: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
      .optional(),
    pageSize: z.number().int().min(1).max(100).default(20),
    cursor: z.string().max(400).optional(),
  }),
};

export interface AdminAccountRow {
  username: string;
  role: AdminRole;
  storeId: string | null;
  status: 'active' | 'disabled';
  mustChangePassword: boolean;
  createdAt: EpochMs;
  lastLoginAt: EpochMs | null;
}

export interface AdminAccountsResponses {
  logout: { loggedOut: true };
  /** A fresh session: changing the password ended every session, this one included. */
  changePassword: AdminSession;
  listAdmins: { items: AdminAccountRow[] };
  createAdmin: AdminAccountRow & { oneTimePassword: string };
  setAdminStatus: AdminAccountRow;
  setAdminRole: AdminAccountRow;
  resetAdminPassword: AdminAccountRow & { oneTimePassword: string };
  listAuditLog: { items: AuditEntryDoc[]; nextCursor: string | null };
}
