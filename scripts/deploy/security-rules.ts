import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A collection's security rule in the platform's format: an operation and whether (or when) a client may do it. */
export type SecurityRule = Partial<Record<'read' | 'write' | 'create' | 'update' | 'delete', boolean | string>>;

/** `cloudfunctions/security-rules.json`: the rule every collection gets, and any collection whose rule differs. */
export interface SecurityRulesFile {
  default: SecurityRule;
  collections: Record<string, SecurityRule>;
}

export function readSecurityRules(functionsDir: string): SecurityRulesFile {
  return JSON.parse(readFileSync(join(functionsDir, 'security-rules.json'), 'utf8')) as SecurityRulesFile;
}

/**
 * The rule of every collection: its own entry in the file, else the default. Built from the list
 * of collections, so a collection added to collections.json gets the default rule without
 * anyone remembering to add one. An entry for a collection that does not exist is refused.
 */
export function rulesFor(collections: readonly string[], file: SecurityRulesFile): { collection: string; rule: SecurityRule }[] {
  const unknown = Object.keys(file.collections).filter((name) => !collections.includes(name));
  if (unknown.length)
    throw new Error(`security-rules.json names collections that collections.json does not declare: ${unknown.join(', ')}`);
  return collections.map((collection) => ({ collection, rule: file.collections[collection] ?? file.default }));
}

/**
 * The operations a rule lets a mini-program client do. Every access goes through the cloud
 * functions (which security rules do not restrict), so a rule must answer `false` to each
 * operation it names, and name read and write (or each of create, update and delete).
 */
export function clientAccess(rule: SecurityRule): string[] {
  const allowed = Object.entries(rule)
    .filter(([, value]) => value !== false)
    .map(([operation]) => operation);
  if (!('read' in rule)) allowed.push('read (unstated)');
  const writesStated = 'write' in rule || ['create', 'update', 'delete'].every((operation) => operation in rule);
  if (!writesStated) allowed.push('write (unstated)');
  return allowed;
}
