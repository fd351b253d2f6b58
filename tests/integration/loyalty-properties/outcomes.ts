import { hasCode } from '~/core/coded-error';

/** How one copy of a request was answered: its value, summarized, or the code it was refused with. */
export type Outcome = { ok: true; summary: string } | { ok: false; code: string; message: string };

/** What the database says a request did, in the same terms as an outcome; null when nothing is recorded (yet). */
export type Recorded = { value: string } | { code: string } | null;

/** The outcome of one settled call; an error that is not a coded refusal becomes `UNEXPECTED` with its stack. */
export function outcomeOf(result: PromiseSettledResult<unknown>, summarize: (value: unknown) => string): Outcome {
  if (result.status === 'fulfilled') return { ok: true, summary: summarize(result.value) };
  const error = result.reason as unknown;
  if (hasCode(error)) return { ok: false, code: error.code, message: error.message };
  return {
    ok: false,
    code: 'UNEXPECTED',
    message: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : JSON.stringify(error),
  };
}

/** An outcome in one line, for violation messages. */
export const show = (outcome: Outcome) => (outcome.ok ? outcome.summary : `${outcome.code} (${outcome.message.split('\n')[0]})`);

/** What is recorded, in one line, for violation messages. */
export const showRecorded = (recorded: Recorded) => (recorded === null ? 'nothing' : 'value' in recorded ? recorded.value : recorded.code);

/** Whether an answer says what the database records. */
export const matches = (outcome: Outcome, recorded: Recorded) =>
  recorded !== null &&
  ('value' in recorded ? outcome.ok && outcome.summary === recorded.value : !outcome.ok && outcome.code === recorded.code);
