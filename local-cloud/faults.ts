/** Database calls a fault rule can pick out. */
export type FaultOp = 'insert' | 'update' | 'remove' | 'commit' | 'read';

const OPS: Record<string, FaultOp> = {
  'database.insertDocument': 'insert',
  'database.modifyDocument': 'update',
  'database.removeDocument': 'remove',
  'database.commitTransaction': 'commit',
  'database.getDocument': 'read',
  'database.calculateDocument': 'read',
  'database.aggregateDocuments': 'read',
};

/** The writes: what a multi-step use-case does step by step. */
export const WRITE_OPS: readonly FaultOp[] = ['insert', 'update', 'remove', 'commit'];

/**
 * What happens to the chosen call: it fails before reaching the database (`fail`), it is applied
 * but its answer is lost as in a timeout (`timeoutAfterWrite`), the function instance making it
 * is killed as it is applied (`killInstance`: the invocation fails as a crashed instance does),
 * or it waits first (`delayMs`).
 */
export type FaultEffect = 'fail' | 'timeoutAfterWrite' | 'killInstance' | { delayMs: number };

/** One fault: the `nth` call (from 1, counted since the rule was armed) that matches. */
export interface FaultRule {
  /** Only calls from this function's instances (any caller when absent). */
  fn?: string;
  /** The kinds of call counted (every write when absent). */
  ops?: readonly FaultOp[];
  /** Only calls on this collection (a commit names none, and matches any). */
  collection?: string;
  nth: number;
  effect: FaultEffect;
}

/** One database call as the fault log records it. */
export interface DatabaseStep {
  fn: string;
  op: FaultOp;
  collection: string | null;
  inTransaction: boolean;
}

/**
 * Failures and delays of database calls by rule, for suites that check what a crash halfway
 * leaves behind. Off unless a rule is armed; `record` lists the calls a use-case makes, so a
 * suite can put a fault at each of its steps in turn.
 */
export class Faults {
  private rule: { spec: FaultRule; seen: number } | null = null;
  private log: DatabaseStep[] | null = null;
  /** How many armed rules have fired since the cloud started. */
  fired = 0;

  /** Arms one rule (replacing any other); it fires once, at its nth matching call. */
  arm(rule: FaultRule): void {
    if (!Number.isInteger(rule.nth) || rule.nth < 1) throw new Error(`a fault's nth must be a whole number from 1, got ${rule.nth}`);
    this.rule = { spec: rule, seen: 0 };
  }

  /** Disarms the rule, fired or not; answers whether it fired. */
  clear(): boolean {
    const fired = this.rule !== null && this.rule.seen >= this.rule.spec.nth;
    this.rule = null;
    return fired;
  }

  /** Starts listing database calls; the function returned stops and answers them in order. */
  record(): () => DatabaseStep[] {
    const log: DatabaseStep[] = [];
    this.log = log;
    return () => {
      if (this.log === log) this.log = null;
      return log;
    };
  }

  /** Decides one database call of function `fn`: the effect to apply, or null to let it through. */
  take(fn: string, action: string, params: Record<string, unknown>): FaultEffect | null {
    const op = OPS[action];
    if (!op) return null;
    const collection = typeof params.collectionName === 'string' ? params.collectionName : null;
    this.log?.push({ fn, op, collection, inTransaction: typeof params.transactionId === 'string' });
    const rule = this.rule;
    if (!rule) return null;
    const { spec } = rule;
    if (spec.fn !== undefined && spec.fn !== fn) return null;
    if (!(spec.ops ?? WRITE_OPS).includes(op)) return null;
    if (spec.collection !== undefined && collection !== null && spec.collection !== collection) return null;
    rule.seen += 1;
    if (rule.seen !== spec.nth) return null;
    this.fired += 1;
    return spec.effect;
  }
}
