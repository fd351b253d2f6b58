import { FUNCTION_VARIABLES } from './function-variables';
import type { DeployPlan } from './plan';

const SECRET_NAMES = new Set(FUNCTION_VARIABLES.map((variable) => variable.name));

/** A variable's value as the plan prints it: secrets from the deployer's environment never appear. */
function shown(name: string, value: string): string {
  return SECRET_NAMES.has(name) ? '(set)' : value;
}

/** The plan as text, one thing per line, in the order the deploy does it. */
export function describePlan(plan: DeployPlan): string[] {
  const lines: string[] = [`Deploy plan for environment ${plan.envId || '<env id>'}`, ''];
  lines.push(`1. Collections (${plan.collections.length}), created where missing, with their indexes:`);
  for (const { name, indexes } of plan.collections) {
    const described = indexes.map(
      (index) =>
        `${index.name}${index.unique ? ' unique' : ''} (${index.fields.map((field) => `${field.path} ${field.order === 1 ? 'asc' : 'desc'}`).join(', ')})`,
    );
    lines.push(`   ${name}${described.length ? `: ${described.join('; ')}` : ''}`);
  }
  lines.push('', `2. Functions (${plan.functions.length}), uploaded with their configuration:`);
  for (const fn of plan.functions) {
    lines.push(`   ${fn.name}: ${fn.runtime}, timeout ${fn.timeout} s, memory ${fn.memorySize} MB`);
    const declared = FUNCTION_VARIABLES.filter((variable) => variable.functions.includes(fn.name)).map((variable) => variable.name);
    const names = [...new Set([...Object.keys(fn.env), ...declared])].sort();
    if (names.length)
      lines.push(
        `      env: ${names.map((name) => `${name}=${name in fn.env ? shown(name, fn.env[name] as string) : '(not set)'}`).join(', ')}`,
      );
    for (const trigger of fn.triggers) lines.push(`      trigger ${trigger.name}: ${trigger.type} "${trigger.config}" (Asia/Shanghai)`);
    if (fn.openapi.length) lines.push(`      openapi: ${fn.openapi.join(', ')}`);
  }
  lines.push('', `3. Security rules (${plan.rules.length} collections):`);
  const byRule = new Map<string, string[]>();
  for (const { collection, rule } of plan.rules)
    byRule.set(JSON.stringify(rule), [...(byRule.get(JSON.stringify(rule)) ?? []), collection]);
  for (const [rule, names] of byRule) lines.push(`   ${rule}: ${names.join(', ')}`);
  lines.push('', `4. Data migrations, the pending ones run by the migrate function (${plan.migrations.length}):`);
  for (const migration of plan.migrations) lines.push(`   ${migration.id}: ${migration.description}`);
  const { appid, version, description, projectPath } = plan.miniProgram;
  lines.push('', '5. Mini-program upload:', `   appid ${appid || '<appid>'}, version ${version}, "${description}", from ${projectPath}`);
  return lines;
}
