import { faker } from '@faker-js/faker';
import type { z } from 'zod';
import { fake, seed, setFaker } from 'zod-schema-faker/v4';
import type { Json } from './mutations';

/** Seeds the schema faker (it keeps its own generator). */
export function seedFaker(value: number): void {
  setFaker(faker);
  seed(value);
}

/**
 * A request the schema accepts, made by the schema faker; null when the schema's refinements
 * turn down every try (the mutations then start from the action alone).
 */
export function validRequest(schema: z.ZodType, action: string): { [key: string]: Json } | null {
  for (let attempt = 0; attempt < 8; attempt += 1) {
    let candidate: unknown;
    try {
      candidate = JSON.parse(JSON.stringify(fake(schema)));
    } catch {
      continue;
    }
    if (schema.safeParse(candidate).success) return { ...(candidate as { [key: string]: Json }), action };
  }
  return null;
}
