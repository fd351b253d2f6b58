import { startOfDay } from '~/core/calendar/shanghai';
import { DAY_MS } from '~/core/calendar/durations';
import type { AdminAccountsResponses } from '~/types/functions/admin-accounts';
import { keysetPage } from '../db/keyset-page';
import type { RequestContext } from '../runtime/wx';

/**
 * The audit log for the 操作日志 page, newest first, a page at a time: narrowed by who, what
 * action, what target and which Shanghai days (each filter an equality or a range on `at`, so
 * the indexes of `audit_log` serve them).
 */
export async function listAuditLog(
  ctx: RequestContext,
  input: {
    actorId?: string;
    action?: string;
    targetType?: string;
    targetId?: string;
    fromDay?: string;
    toDay?: string;
    pageSize: number;
    cursor?: string;
  },
): Promise<AdminAccountsResponses['listAuditLog']> {
  const _ = ctx.db.command;
  const query: Record<string, unknown> = {};
  if (input.actorId) query['actor.id'] = input.actorId;
  if (input.action) query.action = input.action;
  if (input.targetType) query['target.type'] = input.targetType;
  if (input.targetId) query['target.id'] = input.targetId;
  const from = input.fromDay ? _.gte(startOfDay(input.fromDay)) : null;
  const to = input.toDay ? _.lt(startOfDay(input.toDay) + DAY_MS) : null;
  if (from || to) query.at = from && to ? from.and(to) : (from ?? to);
  return keysetPage(ctx.db.collection('audit_log'), _, query, { field: 'at', direction: 'desc' }, input);
}
