import { CronExpressionParser } from 'cron-parser';
import type { FunctionConfig } from './functions/registry';

export const TIMEZONE = 'Asia/Shanghai';

export interface TimerSpec {
  fn: string;
  trigger: string;
  cron: string;
}

/**
 * WeChat timer triggers use 7 fields: second minute hour day month weekday year. The year field
 * is kept to `*` here, since cron-parser reads six; anything else is refused loudly.
 */
export function parseWeChatCron(expression: string): string {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 7) throw new Error(`timer "${expression}" must have 7 fields (second minute hour day month weekday year)`);
  if (fields[6] !== '*') throw new Error(`timer "${expression}": only "*" is supported for the year field locally`);
  const six = fields.slice(0, 6).join(' ');
  CronExpressionParser.parse(six, { tz: TIMEZONE });
  return six;
}

/** Timer triggers declared in the functions' config.json files. */
export function timersOf(functions: Iterable<{ name: string; config: FunctionConfig }>): TimerSpec[] {
  const specs: TimerSpec[] = [];
  for (const { name, config } of functions) {
    const timers = (config.triggers ?? []).filter((t) => t.type === 'timer');
    if (timers.length > 1) throw new Error(`${name}: WeChat allows one timer trigger per function`);
    for (const timer of timers) specs.push({ fn: name, trigger: timer.name, cron: parseWeChatCron(timer.config) });
  }
  return specs;
}

/** The next fire time of a timer after `after` (ms), in Asia/Shanghai. */
export function nextFire(spec: TimerSpec, after: number): number {
  return CronExpressionParser.parse(spec.cron, { tz: TIMEZONE, currentDate: new Date(after) })
    .next()
    .getTime();
}

/** The event the platform passes to a function fired by its timer. */
export function timerEvent(spec: TimerSpec, at: number): Record<string, unknown> {
  return { Type: 'Timer', TriggerName: spec.trigger, Time: new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z'), Message: '' };
}

/** Fires each timer at its next time, for as long as it runs. */
export class TimerScheduler {
  private readonly handles = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly specs: TimerSpec[],
    private readonly fire: (spec: TimerSpec, at: number) => void,
  ) {}

  start(): void {
    for (const spec of this.specs) this.arm(spec);
  }

  private arm(spec: TimerSpec): void {
    const at = nextFire(spec, Date.now());
    // Node timers cap at ~24.8 days; re-arm in steps for schedules further out.
    const delay = Math.min(at - Date.now(), 2 ** 31 - 1);
    const handle = setTimeout(() => {
      if (Date.now() >= at) this.fire(spec, at);
      this.arm(spec);
    }, delay);
    handle.unref();
    this.handles.set(spec.fn, handle);
  }

  stop(): void {
    for (const handle of this.handles.values()) clearTimeout(handle);
    this.handles.clear();
  }
}
