/**
 * `npm run fuzz [-- --cases N --seed S --only fn1,fn2]`: sends requests made from every action's
 * request schema to every function (valid ones, then each with one field broken: wrong types,
 * empty, huge, negative, unicode, prototype-pollution keys, database operators, other members'
 * ids, fields dropped or added) as a member, another member, nobody, a timer, staff and admins,
 * through the local gateway on the built bundles. Each answer must be the envelope with a known
 * code, never a crash or internals, and a refused request must write nothing. Prints the cases
 * per function; exits 1 on the first run with a problem, listing up to 20 of them.
 */
import { resolve } from 'node:path';
import type { z } from 'zod';
import { adminRequests } from '~/types/functions/admin';
import { catalogRequests } from '~/types/functions/catalog';
import { couponsRequests } from '~/types/functions/coupons';
import { marketingRequests } from '~/types/functions/marketing';
import { memberRequests } from '~/types/functions/member';
import { ordersRequests } from '~/types/functions/orders';
import { pointsRequests } from '~/types/functions/points';
import { rewardsRequests } from '~/types/functions/rewards';
import { staffRequests } from '~/types/functions/staff';
import { startTestCloud } from '../tests/support/local-cloud';
import type { CallerKind } from './fuzz/callers';
import { Callers, callersOf } from './fuzz/callers';
import { changedCollections, isRefusal, problemsOf, storeDigest } from './fuzz/checks';
import type { Json, Mutation } from './fuzz/mutations';
import { MUTATIONS, mutate, random } from './fuzz/mutations';
import { seedFaker, validRequest } from './fuzz/valid-requests';
import { seedDemoMembers, seedDemoShop } from './seed/seed-demo';

const ROOT = resolve(__dirname, '..');
const ADMIN_PASSWORD = 'fuzz-owner-password';
const ADMIN_SECRET = 'f'.repeat(40);

/** Every function a client calls, with its actions' request schemas. */
const FUNCTIONS: Record<string, Record<string, z.ZodType>> = {
  member: memberRequests,
  points: pointsRequests,
  coupons: couponsRequests,
  rewards: rewardsRequests,
  catalog: catalogRequests,
  orders: ordersRequests,
  staff: staffRequests,
  admin: adminRequests,
  marketing: marketingRequests,
};
/** Functions no client may call (timers, the payment callback, migrations): anything a client sends must be refused. */
const NOT_FOR_CLIENTS = ['job-review-tiers', 'job-expire-points', 'job-daily-stats', 'pay-callback', 'migrate'];

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

/** Ids of documents that belong to the demo members, for the fields that name a document. */
function othersIds(cloud: Awaited<ReturnType<typeof startTestCloud>>): string[] {
  const ids: string[] = [];
  for (const collection of ['members', 'orders', 'coupon_instances', 'point_lots', 'store_sales', 'rewards', 'products'] as const) {
    ids.push(...cloud.store.page(collection, [], [], '_id', 20, 0).map((row) => row.id));
  }
  for (const row of cloud.store.page('members', [], [], '_id', 20, 0)) ids.push(String(JSON.parse(row.text).memberNo));
  return ids;
}

interface Failure {
  fn: string;
  caller: CallerKind;
  mutation: Mutation;
  request: string;
  problems: string[];
}

async function main(): Promise<void> {
  const casesPerFunction = Number(option('cases', '10000'));
  const seedValue = Number(option('seed', '20261207'));
  const only = option('only', '').split(',').filter(Boolean);
  const next = random(seedValue);
  seedFaker(seedValue);

  const cloud = await startTestCloud({
    root: ROOT,
    functionEnv: {
      admin: { ADMIN_TOKEN_SECRET: ADMIN_SECRET, ADMIN_INITIAL_PASSWORD: ADMIN_PASSWORD },
      marketing: { ADMIN_TOKEN_SECRET: ADMIN_SECRET },
    },
  });
  const failures: Failure[] = [];
  const counts: [string, number, number][] = [];
  const started = performance.now();
  try {
    const demo = seedDemoMembers(cloud, Date.now(), () => undefined);
    seedDemoShop(cloud, Date.now(), demo, () => undefined);
    const callers = new Callers(cloud, ADMIN_PASSWORD);
    await callers.setUp();
    const otherIds = othersIds(cloud);

    const targets = [...Object.keys(FUNCTIONS), ...NOT_FOR_CLIENTS].filter((fn) => only.length === 0 || only.includes(fn));
    for (const fn of targets) {
      const schemas: Record<string, z.ZodType | null> = FUNCTIONS[fn] ?? { '': null };
      const actions = Object.keys(schemas);
      if (actions.length === 0) continue;
      const kinds: CallerKind[] = FUNCTIONS[fn] ? callersOf(fn) : ['member', 'anonymous'];
      let refused = 0;
      for (let index = 0; index < casesPerFunction; index += 1) {
        const action = actions[index % actions.length] as string;
        const schema = schemas[action];
        const base: Record<string, Json> = (schema && validRequest(schema, action)) ?? (action ? { action } : {});
        const mutation = MUTATIONS[Math.floor(next() * MUTATIONS.length)] as Mutation;
        const request = mutate(base, mutation, next, otherIds);
        const caller = kinds[Math.floor(next() * kinds.length)] as CallerKind;

        const before = storeDigest(cloud.store);
        const answer = FUNCTIONS[fn]
          ? await callers.send(fn, caller, request)
          : {
              status: 200,
              body: await cloud.invoke(fn, request, { source: caller === 'member' ? 'wx_client' : 'wx_http', openid: 'o-fuzz' }),
            };
        const changed = changedCollections(before, storeDigest(cloud.store));
        const problems = problemsOf({ ...answer, changed });
        const wasRefused = isRefusal(answer.body);
        if (wasRefused) refused += 1;
        if (problems.length > 0) {
          failures.push({ fn, caller, mutation, request: JSON.stringify(request).slice(0, 400), problems });
        }
        if (!wasRefused || index % 100 === 99) await callers.recover();
      }
      counts.push([fn, casesPerFunction, refused]);
      console.log(`  ${fn.padEnd(18)} ${String(casesPerFunction).padStart(6)} cases  ${String(refused).padStart(6)} refused`);
    }
  } finally {
    await cloud.stop();
  }
  const total = counts.reduce((sum, [, n]) => sum + n, 0);
  console.log(
    `\n${total} cases in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${seedValue}), ${failures.length} with problems`,
  );
  const kinds = new Map<string, number>();
  for (const failure of failures) {
    const kind = `${failure.fn}: ${failure.problems[0]?.replace(/[:(].*$/, '')}`;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  for (const [kind, n] of kinds) console.log(`  ${String(n).padStart(5)} × ${kind}`);
  const firstOfEach = [
    ...new Map(failures.map((failure) => [`${failure.fn}${failure.problems[0]?.replace(/[:(].*$/, '')}`, failure])).values(),
  ];
  for (const failure of firstOfEach.slice(0, 20)) {
    console.log(`\n✗ ${failure.fn} as ${failure.caller}, ${failure.mutation}: ${failure.problems.join('; ')}\n  ${failure.request}`);
  }
  if (failures.length > 0) process.exit(1);
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
