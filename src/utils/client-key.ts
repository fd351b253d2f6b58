/**
 * A key the client makes once per tap and sends again on a retry of the same tap, so the
 * server does the work once. Unique enough per member: time plus random digits.
 */
export function newClientKey(): string {
  const random = Array.from({ length: 10 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
  return `${Date.now().toString(36)}${random}`;
}
