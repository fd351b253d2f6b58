import { defaultCouponTemplateDocs } from '~/core/coupons/default-templates';
import { defaultRewardDocs } from '~/core/rewards/default-rewards';
import { DEFAULT_PROGRAMME, DEFAULT_TIERS } from '~/core/tiers/default-programme';
import type { RequestContext } from '../runtime/wx';
import { forgetProgramme } from './load-programme';

/**
 * Installs the default programme (settings, tiers, the system coupon templates and the points mall's entry-level rewards) for a new
 * brand. Each document is inserted under its fixed `_id`, so running it again changes nothing
 * and never overwrites what admins have edited.
 */
export async function installDefaults(ctx: RequestContext): Promise<{ installed: number }> {
  const inserts = [
    ctx.db.collection('settings').insert({ ...DEFAULT_PROGRAMME }),
    ...DEFAULT_TIERS.map((tier) => ctx.db.collection('tiers').insert({ ...tier })),
    ...defaultCouponTemplateDocs(ctx.now).map((template) => ctx.db.collection('coupon_templates').insert(template)),
    ...defaultRewardDocs(ctx.now).map((reward) => ctx.db.collection('rewards').insert(reward)),
  ];
  const installed = (await Promise.all(inserts)).filter(Boolean).length;
  if (installed) forgetProgramme();
  return { installed };
}
