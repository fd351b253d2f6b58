/**
 * A fresh key for one submission of an action the server makes idempotent (`requestKey`): made
 * when a dialog opens and kept while it stays open, so a retry after a failure or a double
 * click is the same request, and the server changes nothing twice.
 */
export function newRequestKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `desk-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
