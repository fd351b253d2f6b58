/** How often a waiting request looks at a document another request holds. */
const POLL_MS = 50;

/**
 * Waits, up to `waitMs`, for another request that holds `first` under a lease to finish with it:
 * reads it again every 50 ms while `busy` says it is still being worked on and the lease runs.
 * Answers the last read and how long it waited (so the caller can tell whether the lease ran out).
 */
export async function waitOutLease<T extends { leaseUntil: number }>(
  first: T,
  read: () => Promise<T>,
  busy: (doc: T) => boolean,
  now: number,
  waitMs: number,
): Promise<{ doc: T; waited: number }> {
  let doc = first;
  let waited = 0;
  for (; busy(doc) && doc.leaseUntil > now + waited && waited < waitMs; waited += POLL_MS) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    doc = await read();
  }
  return { doc, waited };
}
