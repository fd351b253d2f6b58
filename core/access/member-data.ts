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

/** A person's name with all but its first character hidden: 王小明 → 王**. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** A street address with all but its first four characters hidden. */
export function maskAddress(detail: string): string {
  const chars = [...detail];
  return chars.length <= 4 ? '****' : `${chars.slice(0, 4).join('')}****`;
}

/**
 * A shipping address's personal parts as a role may see them: in full for the roles that see
 * phones in full, else the name, phone and street masked (the region stays, for figures by area).
 */
export function addressFor(
  role: AdminRole,
  address: { name: string; phone: string; region: string; detail: string },
): { name: string; phone: string; region: string; detail: string } {
  if (mayViewPhone(role)) return address;
  return { name: maskName(address.name), phone: maskPhone(address.phone), region: address.region, detail: maskAddress(address.detail) };
}

/** A birthday as a role may see it: in full, or its year hidden (`****-05-20`). */
export function birthdayFor(role: AdminRole, birthday: string | null): string | null {
  if (birthday === null) return null;
  return mayViewPhone(role) ? birthday : `****${birthday.slice(4)}`;
}
