import { adjustPoints } from '~/server/points/adjust-points';
import { checkAnswer, checkBooks, checkCopies, checkLaterCopy } from './invariants';
import type { Outcome, Recorded } from './outcomes';
import { outcomeOf } from './outcomes';
import type { Request } from './requests';
import { toRequest } from './requests';
import type { Planned, Scenario } from './scenario';
import { advanceClock, requestTime, START } from './scenario';
import type { Cloud } from './world';
import { createWorld } from './world';

/** The books are checked after every CHECK_EVERY-th batch, and once more at the end. */
const CHECK_EVERY = 5;

/** What the runs did, summed over every run of the property. */
export interface Stats {
  calls: number;
  requests: number;
  concurrentCopies: number;
  laterCopies: number;
  /** Copies refused by a race with another request's write while a twin succeeded. */
  racyMixed: number;
  checks: number;
  maxInFlight: number;
  /** Answers per request kind: 'ok' or the refusal code. */
  perKind: Map<string, Map<string, number>>;
}

/** Empty stats. */
export function newStats(): Stats {
  return { calls: 0, requests: 0, concurrentCopies: 0, laterCopies: 0, racyMixed: 0, checks: 0, maxInFlight: 0, perKind: new Map() };
}

/** How often requests of `kind` were answered `what`. */
export function countOf(stats: Stats, kind: string, what: string): number {
  return stats.perKind.get(kind)?.get(what) ?? 0;
}

function tally(stats: Stats, kind: string, what: string): void {
  const counts = stats.perKind.get(kind) ?? new Map<string, number>();
  counts.set(what, (counts.get(what) ?? 0) + 1);
  stats.perKind.set(kind, counts);
}

interface LaterCopy {
  request: Request;
  first: Outcome;
  recordedBefore: Recorded;
}

/**
 * Plays one generated scenario on the cloud as run `p`: fixtures, seeded balances, then each
 * batch's requests at once (copies and all), checking the invariants as it goes. Answers the
 * violations found, each prefixed with the run; it stops at the first checkpoint that found any.
 */
export async function playScenario(on: Cloud, p: string, scenario: Scenario, stats: Stats): Promise<string[]> {
  let now = START;
  const world = createWorld(on, p, scenario, now);
  const violations: string[] = [];
  const fail = (problems: string[]) => {
    for (const problem of problems) violations.push(`[${p}] ${problem}`);
  };

  /** Sends one request once (after `delay` ms) and checks and counts its answer. */
  let inFlight = 0;
  const sendOnce = async (request: Request, at: number, delay: number): Promise<Outcome> => {
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    stats.calls += 1;
    inFlight += 1;
    stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
    const [settled] = await Promise.allSettled([request.send(at)]);
    inFlight -= 1;
    const outcome = outcomeOf(settled as PromiseSettledResult<unknown>, request.summarize);
    tally(stats, request.kind, outcome.ok ? 'ok' : outcome.code);
    fail(checkAnswer(request, outcome));
    if (outcome.ok && request.posts) {
      const id = (JSON.parse(outcome.summary) as { id: string } | null)?.id;
      if (id) world.succeededEntries.add(id);
    }
    return outcome;
  };

  const books = async (at: number) => {
    stats.checks += 1;
    fail(await checkBooks(world, at));
  };

  /** Sends the copies held back from the previous batch; the answer checks them once the current batch has run too. */
  const playLater = async (batchNow: number, pending: LaterCopy[]) => {
    const outcomes = await Promise.all(pending.map(({ request }) => sendOnce(request, request.laterNow(batchNow), 0)));
    return () =>
      pending.forEach(({ request, first, recordedBefore }, i) =>
        fail(checkLaterCopy(request, first, recordedBefore, outcomes[i] as Outcome)),
      );
  };

  // Seed balances, then the batches.
  const seeded = await Promise.all(
    scenario.seedPoints.map((points, i) =>
      points > 0
        ? adjustPoints(world.ctx(now), { memberId: `${p}m${i}`, key: `${p}seed${i}`, points, reason: '开卡礼', adminId: 'admin' })
        : null,
    ),
  );
  for (const result of seeded) if (result) world.succeededEntries.add(result.entry._id);

  let later: { request: Request; first: Outcome }[] = [];
  for (const [b, batch] of scenario.batches.entries()) {
    now = advanceClock(now, batch.advance);
    const batchNow = now;
    const pendingLater = later.map((l) => ({ ...l, recordedBefore: l.request.recorded() }));
    later = [];

    const requests = batch.ops.flatMap((planned: Planned, i) => {
      const request = toRequest(planned.op, requestTime(batchNow, batch, i), world);
      return request ? [{ request, planned }] : [];
    });
    stats.requests += requests.length;
    const laterCheck = playLater(batchNow, pendingLater);
    stats.laterCopies += pendingLater.length;
    const results = await Promise.all(
      requests.map(async ({ request, planned }) => {
        stats.concurrentCopies += planned.delays.length - 1;
        return { request, planned, outcomes: await Promise.all(planned.delays.map((delay) => sendOnce(request, request.now, delay))) };
      }),
    );
    (await laterCheck)();
    for (const { request, planned, outcomes } of results) {
      const copies = checkCopies(request, outcomes);
      if (copies.racyMixed) stats.racyMixed += 1;
      fail(copies.problems);
      if (planned.later) later.push({ request, first: outcomes[0] as Outcome });
      request.remember?.(outcomes.find((o) => o.ok));
    }
    if (b % CHECK_EVERY === CHECK_EVERY - 1) await books(now);
    if (violations.length > 0) break;
  }
  if (violations.length === 0) {
    (
      await playLater(
        now,
        later.map((l) => ({ ...l, recordedBefore: l.request.recorded() })),
      )
    )();
    stats.laterCopies += later.length;
    await books(now);
  }
  return violations;
}
