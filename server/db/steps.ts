import type { RequestContext } from '../runtime/wx';
import { waitOutLease } from './wait-out-lease';
import { CodedError } from '~/core/coded-error';
import type { CollectionName } from '~/types/collections';
import type { Collection } from './database';

/** A document whose writes are taken step by step: the last step recorded on it, and until when one worker holds it. */
export interface SteppedDoc {
  _id: string;
  progress: string;
  leaseUntil?: number;
}

/** One step of a multi-step write: its effect, and how to give the effect back. */
export interface Step<D extends SteppedDoc, E> {
  /** What `progress` reads once this step is recorded. */
  name: D['progress'];
  /** Takes the effect; answers fields for the document, written with the next record. */
  take(ctx: RequestContext, doc: D, env: E): Promise<Partial<D> | void>;
  /** Gives the effect back. Must change nothing when the effect was never taken, or was given back already. */
  undo?(ctx: RequestContext, doc: D): Promise<void>;
  /**
   * Whether `progress` is written as soon as the step is taken. Only a step whose effect cannot
   * be taken twice safely (a bare counter decrement) needs it: a take-over must then know it was
   * taken, and its undo runs once only. A step idempotent on the document is not recorded: a
   * take-over takes it again, and a give-back undoes it whether or not it was taken.
   */
  record: boolean;
}

/** How a run that cannot finish ends: marked failing, everything taken given back, then marked failed. */
export interface StepsFailure<D extends SteppedDoc> {
  /** The refusal a step's error means (the run ends and gives back), or null: the error is thrown as it is and the run stays resumable. */
  refusal(error: unknown, step: D['progress']): CodedError | null;
  /** Fields that take a running document out of `running` as failing with `refusal`. */
  failing(refusal: CodedError): Partial<D>;
  isFailing(doc: D): boolean;
  /** Matches a failing document; guards the write of `failed`. */
  failingQuery: Record<string, unknown>;
  /** Fields written once a failing document has given everything back. */
  failed: Partial<D>;
  isFailed(doc: D): boolean;
  /** The error a failing or failed document answers. */
  errorOf(doc: D): CodedError;
}

/** A named list of steps over one collection, and how its documents are held, finished and failed. */
export interface StepsSpec<D extends SteppedDoc, E> {
  collection: CollectionName;
  /** `progress` before the first step. */
  start: D['progress'];
  steps: Step<D, E>[];
  /** `progress` once every step is taken, written with `finish`. */
  done: D['progress'];
  /** Matches the document while its steps run; every record is guarded by it. */
  running: Record<string, unknown>;
  isRunning(doc: D): boolean;
  /** Fields written with the last record, taking the document out of `running`. */
  finish(ctx: RequestContext, doc: D): Partial<D>;
  /** After the last record took (once per document), for effects that must follow it. */
  finished?(ctx: RequestContext, doc: D, env: E): Promise<void>;
  /**
   * One worker at a time: the worker that inserts a document holds it for `ms`; a retry waits up
   * to `waitMs` for it, and takes it over once the lease has run out. Null: any number of
   * workers may advance it at once (every step then idempotent and none recorded; the last
   * record, guarded by `running`, is written once).
   */
  lease: { ms: number; waitMs: number } | null;
  /** What a retry answers when a live worker still holds the document after the wait: throws, or answers it as it is. */
  stillHeld(doc: D): D;
  /** Loads what the steps need, for a document taken over. */
  resume(ctx: RequestContext, doc: D): Promise<E>;
  failure: StepsFailure<D> | null;
}

/** The runner of one spec: start, resume, fail and give back its documents. */
export interface Steps<D extends SteppedDoc, E> {
  /** Takes the steps a document has not recorded yet, then finishes it. The caller holds its lease (it inserted it, or claimed it). */
  advance(ctx: RequestContext, doc: D, env: E): Promise<D>;
  /** Answers a document found by a retry: waits for its worker, finishes a failure, or takes over a document whose worker died. */
  settle(ctx: RequestContext, found: D): Promise<D>;
  /** Ends a running document with `refusal`: marks it failing, gives back what it took, marks it failed; answers the error to throw. */
  fail(ctx: RequestContext, doc: D, refusal: CodedError): Promise<CodedError | CodedError>;
  /** Finishes the give-back of a failing document and marks it failed; answers its error. */
  finishFailure(ctx: RequestContext, doc: D): Promise<CodedError>;
  /** Gives back, in reverse order, every step the document may have taken (all of them when `all`, e.g. for a finished one). */
  giveBack(ctx: RequestContext, doc: D, all?: boolean): Promise<void>;
}

const indexOf = <D extends SteppedDoc, E>(spec: StepsSpec<D, E>, progress: string) =>
  progress === spec.done ? spec.steps.length - 1 : spec.steps.findIndex((step) => step.name === progress);

/**
 * The one runner of resumable multi-step writes. Each step's effect is a single-document write
 * (a guarded update or an insert keyed by the document), so no transaction spans two documents.
 * A record is one guarded update on the document (its `running` state, last progress and
 * lease), so a worker whose lease was taken over can record nothing. Progress is written only
 * after steps that declare `record`, and once at the end with `finish`; everything else is
 * taken again by a take-over, which is why such steps must be idempotent on the document.
 */
export function stepsRunner<D extends SteppedDoc, E>(spec: StepsSpec<D, E>): Steps<D, E> {
  // The runner is generic over its document type, which the spec's collection holds: the one place server code asserts a stored type.
  const docs = (ctx: RequestContext) => ctx.db.collection(spec.collection) as unknown as Collection<D>;
  const read = async (ctx: RequestContext, id: string) => {
    const doc = await docs(ctx).get(id);
    if (!doc) throw new CodedError('NOT_FOUND', `${spec.collection} ${id} not found`);
    return doc;
  };
  /** Without a lease there is one record, the last, and `running` alone guards it (a document written before it had a progress field too). */
  const recordGuard = (doc: D, recorded: string) => (spec.lease ? { progress: recorded, leaseUntil: doc.leaseUntil } : {});

  /** Answers a document another worker moved on: its result, its failure, or CONFLICT while it still runs. */
  async function answer(ctx: RequestContext, doc: D): Promise<D> {
    const { failure } = spec;
    if (failure?.isFailing(doc)) throw await runner.finishFailure(ctx, doc);
    if (failure?.isFailed(doc)) throw failure.errorOf(doc);
    if (spec.isRunning(doc)) return spec.stillHeld(doc);
    return doc;
  }

  const runner: Steps<D, E> = {
    async advance(ctx, start, env) {
      let doc = start;
      let recorded = doc.progress;
      let pending: Partial<D> = {};
      const record = async (progress: D['progress'], fields: Partial<D>) => {
        const change = { ...pending, ...fields, progress, updatedAt: ctx.now } as Partial<D>;
        const moved = await docs(ctx).updateWhere({ _id: doc._id, ...spec.running, ...recordGuard(doc, recorded) }, change);
        if (moved !== 1) return false;
        doc = { ...doc, ...change };
        recorded = progress;
        pending = {};
        return true;
      };
      const first = indexOf(spec, doc.progress) + 1;
      for (let i = first; i < spec.steps.length; i += 1) {
        const step = spec.steps[i] as Step<D, E>;
        let fields: Partial<D>;
        try {
          fields = (await step.take(ctx, doc, env)) ?? {};
        } catch (error) {
          const refusal = spec.failure?.refusal(error, step.name) ?? null;
          if (!refusal) throw error;
          const taken = i === 0 ? spec.start : (spec.steps[i - 1] as Step<D, E>).name;
          throw await runner.fail(ctx, { ...doc, ...pending, progress: taken }, refusal);
        }
        doc = { ...doc, ...fields };
        pending = { ...pending, ...fields };
        if (step.record && i < spec.steps.length - 1 && !(await record(step.name, {}))) {
          return answer(ctx, await read(ctx, doc._id));
        }
      }
      if (!(await record(spec.done, spec.finish(ctx, doc)))) return answer(ctx, await read(ctx, doc._id));
      await spec.finished?.(ctx, doc, env);
      return doc;
    },

    async settle(ctx, found) {
      if (!spec.lease) return answer(ctx, found);
      const { ms, waitMs } = spec.lease;
      const { doc: current, waited } = await waitOutLease(
        { ...found, leaseUntil: found.leaseUntil ?? 0 },
        async () => {
          const doc = await read(ctx, found._id);
          return { ...doc, leaseUntil: doc.leaseUntil ?? 0 };
        },
        (doc) => spec.isRunning(doc),
        ctx.now,
        waitMs,
      );
      if (!spec.isRunning(current) || current.leaseUntil > ctx.now + waited) return answer(ctx, current);
      const leaseUntil = ctx.now + waitMs + ms;
      const claimed = await docs(ctx).updateWhere(
        { _id: current._id, ...spec.running, leaseUntil: current.leaseUntil },
        { leaseUntil, updatedAt: ctx.now },
      );
      if (claimed !== 1) return answer(ctx, await read(ctx, current._id));
      const taken = { ...current, leaseUntil };
      return runner.advance(ctx, taken, await spec.resume(ctx, taken));
    },

    async fail(ctx, doc, refusal) {
      const failure = spec.failure;
      if (!failure) throw refusal;
      const fields = { ...failure.failing(refusal), progress: doc.progress, updatedAt: ctx.now } as Partial<D>;
      // Guarded on `running` only: a worker that lost its lease may still end the run, as what it refused holds for all.
      const marked = await docs(ctx).updateWhere({ _id: doc._id, ...spec.running }, fields);
      if (marked !== 1) {
        const now = await read(ctx, doc._id);
        if (failure.isFailing(now) || failure.isFailed(now)) return runner.finishFailure(ctx, now);
        return new CodedError('CONFLICT', `${spec.collection} ${doc._id} was moved on by another request`);
      }
      return runner.finishFailure(ctx, { ...doc, ...fields });
    },

    async finishFailure(ctx, doc) {
      const failure = spec.failure;
      if (!failure) throw new CodedError('INTERNAL', `${spec.collection} has no failure path`);
      if (failure.isFailing(doc)) {
        await runner.giveBack(ctx, doc);
        await docs(ctx).updateWhere({ _id: doc._id, ...failure.failingQuery }, { ...failure.failed, updatedAt: ctx.now } as Partial<D>);
      }
      return failure.errorOf(doc);
    },

    async giveBack(ctx, doc, all = false) {
      const reached = all ? spec.steps.length - 1 : indexOf(spec, doc.progress);
      // Steps after the last record that are not recorded themselves may have been taken too.
      let reach = reached;
      while (reach + 1 < spec.steps.length && !(spec.steps[reach + 1] as Step<D, E>).record) reach += 1;
      const _ = ctx.db.command;
      for (let i = reach; i >= 0; i -= 1) {
        const step = spec.steps[i] as Step<D, E>;
        if (!step.undo) continue;
        if (step.record) {
          // A recorded step's undo (a bare counter increment) runs once: the document keeps which were given back.
          const flag = `givenBack.${step.name}`;
          const once = await docs(ctx).updateWhere({ _id: doc._id, [flag]: _.neq(true) }, { [flag]: true });
          if (once !== 1) continue;
        }
        await step.undo(ctx, doc);
      }
    },
  };
  return runner;
}
