import type { AdminRole } from '~/types/documents';

/**
 * Roles that see a member's phone number in full: the owner, and support, who call members back.
 * Everyone else sees it masked (138****8000). Kept beside the action table, as a rule of the same
 * kind: the server applies it to every answer that carries a phone.
 */
export const PHONE_VIEWERS: readonly AdminRole[] = ['owner', 'support'];

/** Whether an admin role sees members' phone numbers in full. */
export function mayViewPhone(role: AdminRole): boolean {
  return PHONE_VIEWERS.includes(role);
}

/** A phone number with its middle four digits hidden: 13800138000 → 138****8000. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** A member's phone as a role may see it: in full, masked, or null when there is none. */
export function phoneFor(role: AdminRole, phone: string | null): string | null {
  if (phone === null) return null;
  return mayViewPhone(role) ? phone : maskPhone(phone);
}
