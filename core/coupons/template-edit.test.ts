import { buildTemplateDoc } from './template-rules';
import { templateEdit } from './template-edit';

const NOW = Date.UTC(2026, 5, 1);
const base = buildTemplateDoc(
  {
    title: '满99减10',
    description: '',
    terms: { kind: 'cash', thresholdFen: 9900, amountFen: 1000 },
    validity: { type: 'fixed', from: NOW - 86_400_000, to: NOW + 7 * 86_400_000 },
    totalStock: 100,
    perMemberLimit: 2,
    stackingGroup: 'default',
    audience: { type: 'all' },
    channel: 'centre',
    status: 'active',
  },
  'ct-edit',
  NOW - 86_400_000,
);
const template = { ...base, stockRemaining: 60 };

describe('templateEdit', () => {
  it('raises the total stock and moves what remains by as much, keeping what was issued', () => {
    const outcome = templateEdit(template, { totalStock: 150 }, NOW);
    expect(outcome).toEqual({
      ok: true,
      change: { totalStock: 150, stockRemaining: 110 },
      before: { totalStock: 100, stockRemaining: 60 },
    });
  });

  it('lowers the total stock down to what was issued, not below', () => {
    expect(templateEdit(template, { totalStock: 40 }, NOW)).toMatchObject({ ok: true, change: { totalStock: 40, stockRemaining: 0 } });
    expect(templateEdit(template, { totalStock: 39 }, NOW)).toMatchObject({ ok: false, problem: { field: 'totalStock' } });
  });

  it('refuses stock on an unlimited template, a relative window end, a lower limit and an ended template', () => {
    expect(templateEdit({ ...template, totalStock: null, stockRemaining: null }, { totalStock: 5 }, NOW)).toMatchObject({ ok: false });
    expect(templateEdit({ ...template, validity: { type: 'relative', days: 7 } }, { validTo: NOW + 1 }, NOW)).toMatchObject({
      ok: false,
      problem: { field: 'validTo' },
    });
    expect(templateEdit(template, { perMemberLimit: 1 }, NOW)).toMatchObject({ ok: false, problem: { field: 'perMemberLimit' } });
    expect(templateEdit({ ...template, status: 'ended' }, { title: '新' }, NOW)).toMatchObject({ ok: false });
  });

  it('moves a fixed window end, but not into the past or before its start', () => {
    const later = NOW + 30 * 86_400_000;
    expect(templateEdit(template, { validTo: later }, NOW)).toMatchObject({
      ok: true,
      change: { validity: { type: 'fixed', from: NOW - 86_400_000, to: later } },
    });
    expect(templateEdit(template, { validTo: NOW - 1 }, NOW)).toMatchObject({ ok: false, problem: { field: 'validTo' } });
  });

  it('changes wording and nothing else, and an edit to the same values changes nothing', () => {
    expect(templateEdit(template, { title: '新人券', description: '全场通用' }, NOW)).toEqual({
      ok: true,
      change: { title: '新人券', description: '全场通用' },
      before: { title: '满99减10', description: '' },
    });
    expect(templateEdit(template, { title: '满99减10', totalStock: 100 }, NOW)).toEqual({ ok: true, change: {}, before: {} });
  });
});
