import type { CollectionName, Collections } from '~/types/collections';
import type { Raw } from '../db/cloud';
import type { RequestContext } from '../runtime/wx';
import type { JobSpec, Sweep } from './run-job';

/**
 * One part of a sweep: the documents of `collection` matching `where` whose numeric `field`
 * passes every condition of `range`, read in (`field`, `_id`) order. The collection needs an
 * index on (`field`, `_id`), after any equality fields of `where`, for pages to cost what the
 * first one does.
 */
export interface SweepPhase<N extends CollectionName = CollectionName> {
  name: string;
  collection: N;
  where: Record<string, unknown>;
  field: keyof Collections[N] & string;
  range: Raw[];
}

/** A document of a sweep over collections `N`, tagged with the phase that read it; `collection` tells its type. */
export type PhaseItem<N extends CollectionName = CollectionName> = {
  [K in N]: { phase: string; collection: K; doc: Collections[K] };
}[N];

/** A numeric field of a stored document, by name. */
const valueOf = (doc: object, field: string): unknown => Reflect.get(doc, field);

/** Where a sweep stands: phase `p`, after (`v`, `id`); `ties` when documents with `field = v` may remain. */
interface Position {
  p: number;
  v: number | null;
  id: string | null;
  ties: boolean;
}

const START = (p: number): Position => ({ p, v: null, id: null, ties: false });

function encode(position: Position): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** A cursor this pager wrote; anything else (an older job's cursor) starts the sweep over, which redoes nothing twice. */
function decode(cursor: string | null): Position {
  if (!cursor) return START(0);
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<Position> | null;
    if (
      parsed &&
      Number.isInteger(parsed.p) &&
      (parsed.v === null || Number.isFinite(parsed.v)) &&
      (parsed.id === null || typeof parsed.id === 'string')
    ) {
      return { p: parsed.p as number, v: parsed.v ?? null, id: parsed.id ?? null, ties: parsed.ties === true };
    }
  } catch {
    // fall through: not one of ours
  }
  return START(0);
}

/**
 * The next `limit` documents of a phase after `at`. Keyset paging without an `$or`: first the
 * rest of the documents sharing the last value (`field = v`, `_id > id`), then those beyond it
 * (`field > v`), each an exact index range, so the database never reads past rows again.
 */
async function phasePage<N extends CollectionName>(
  ctx: RequestContext,
  phase: SweepPhase<N>,
  at: Position,
  limit: number,
): Promise<{ docs: Collections[N][]; next: Position | null }> {
  const _ = ctx.db.command;
  const collection = ctx.db.collection(phase.collection);
  const order: [string, 'asc' | 'desc'][] = [
    [phase.field, 'asc'],
    ['_id', 'asc'],
  ];
  const inRange = phase.range.map((condition) => ({ [phase.field]: condition }));
  let fetched: Collections[N][] = [];
  if (at.v !== null && at.ties) {
    fetched = await collection.find(_.and([phase.where, { [phase.field]: at.v, _id: _.gt(at.id) }]), { orderBy: order, limit: limit + 1 });
  }
  if (fetched.length <= limit) {
    const beyond = at.v === null ? [] : [{ [phase.field]: _.gt(at.v) }];
    fetched = fetched.concat(
      await collection.find(_.and([phase.where, ...inRange, ...beyond]), { orderBy: order, limit: limit + 1 - fetched.length }),
    );
  }
  const docs = fetched.slice(0, limit);
  const last = docs[docs.length - 1];
  const after = fetched[limit];
  if (!last || !after) return { docs, next: null };
  const v = valueOf(last, phase.field);
  return { docs, next: { p: at.p, v: Number(v), id: last._id, ties: valueOf(after, phase.field) === v } };
}

/**
 * The largest page: the server answers at most 1,000 documents per get, and a page reads one
 * past its end to know whether it is the last (a bigger page would end the sweep early).
 */
const MAX_PAGE = 999;

/**
 * A job's `page` over the phases of its sweep, one after another, at most MAX_PAGE documents a
 * page. The phases must be the same for every invocation of one sweep (they may depend on the
 * sweep and the programme only). The last page of a phase (possibly empty) settles: a phase
 * may read what the one before it left (e.g. buckets a cut-off run left half done), so its
 * first page is read only once the pages before it are done.
 */
export function phasedPages<N extends CollectionName>(
  phasesOf: (ctx: RequestContext, sweep: Sweep) => Promise<{ [K in N]: SweepPhase<K> }[N][]>,
): PhasedPager<N> {
  const page: JobSpec<PhaseItem<N>>['page'] = async (ctx, cursor, pageSize, sweep) => {
    const limit = Math.min(pageSize, MAX_PAGE);
    const phases = await phasesOf(ctx, sweep);
    const at = decode(cursor);
    const phase = phases[at.p];
    if (!phase) return { items: [], next: null };
    const { docs, next } = await phasePage(ctx, phase, at, limit);
    const following = next ?? (at.p + 1 < phases.length ? START(at.p + 1) : null);
    // The compiler cannot pair a phase's collection with its documents across the union; they come from it.
    const items = docs.map((doc) => ({ phase: phase.name, collection: phase.collection, doc }) as PhaseItem<N>);
    return { items, next: following && encode(following), settle: next === null };
  };
  // Each phase's documents, counted over the same index its pages read.
  const estimate = async (ctx: RequestContext, sweep: Sweep) => {
    const _ = ctx.db.command;
    const phases = await phasesOf(ctx, sweep);
    const counts = await Promise.all(
      phases.map((phase) =>
        ctx.db.collection(phase.collection).count(_.and([phase.where, ...phase.range.map((condition) => ({ [phase.field]: condition }))])),
      ),
    );
    return counts.reduce((sum, n) => sum + n, 0);
  };
  return Object.assign(page, { estimate });
}

/** A job's `page` over phases, with how many documents its phases hold (the sweep's size, for progress). */
export type PhasedPager<N extends CollectionName> = JobSpec<PhaseItem<N>>['page'] & {
  estimate: NonNullable<JobSpec<PhaseItem<N>>['estimate']>;
};
