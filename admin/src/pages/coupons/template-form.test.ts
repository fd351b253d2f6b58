import { describe, expect, it } from '@jest/globals';
import dayjs from 'dayjs';
import type { TemplateFormValues } from './template-form';
import { TEMPLATE_FORM_DEFAULTS, formProblems, toTemplateInput, yuanTextToFen, zheToPercentOff } from './template-form';

const form = (overrides: Partial<TemplateFormValues>): TemplateFormValues => ({
  ...TEMPLATE_FORM_DEFAULTS,
  title: '满59减10',
  ...overrides,
});
const isTier = (tierId: string) => ['normal', 'gold'].includes(tierId);

describe('the create-template form', () => {
  it('reads yuan typed as text into whole fen, by digits', () => {
    expect(yuanTextToFen('59')).toBe(5900);
    expect(yuanTextToFen(' 9.9 ')).toBe(990);
    expect(yuanTextToFen('0.05')).toBe(5);
    expect(yuanTextToFen('19.99')).toBe(1999);
    expect(yuanTextToFen('1000000')).toBe(100_000_000);
    for (const text of ['', '12.345', '-1', '1e3', 'abc', '1000000.01', '.5'])
      expect({ text, fen: yuanTextToFen(text) }).toEqual({ text, fen: null });
  });

  it('reads a discount in 折 as the percent it takes off', () => {
    expect(zheToPercentOff('8.5')).toBe(15);
    expect(zheToPercentOff('8')).toBe(20);
    expect(zheToPercentOff('0.1')).toBe(99);
    expect(zheToPercentOff('9.9')).toBe(1);
    for (const text of ['0', '10', '8.55', '八折', '']) expect({ text, off: zheToPercentOff(text) }).toEqual({ text, off: null });
  });

  it('builds the createCouponTemplate payload with the defaults', () => {
    expect(toTemplateInput(form({ thresholdYuan: '59', amountYuan: '10' }))).toEqual({
      title: '满59减10',
      description: '',
      terms: { kind: 'cash', thresholdFen: 5900, amountFen: 1000 },
      validity: { type: 'relative', days: 7 },
      totalStock: 1000,
      perMemberLimit: 1,
      stackingGroup: 'default',
      audience: { type: 'all' },
      channel: 'centre',
      status: 'active',
    });
  });

  it('builds percent and shipping terms, a fixed window of whole Shanghai days, unlimited stock and each audience', () => {
    const percent = toTemplateInput(
      form({
        templateId: ' gold-day ',
        kind: 'percent',
        thresholdYuan: '',
        zhe: '8.5',
        capYuan: '20',
        validityType: 'fixed',
        range: [dayjs('2026-12-01'), dayjs('2026-12-31')],
        unlimited: true,
        audienceType: 'minTier',
        tierId: 'gold',
        channel: 'system',
        status: 'paused',
      }),
    );
    expect(percent).toMatchObject({
      templateId: 'gold-day',
      terms: { kind: 'percent', thresholdFen: 0, percentOff: 15, capFen: 2000 },
      // 2026-12-01 00:00 to 2026-12-31 23:59:59.999 in Asia/Shanghai (UTC+8).
      validity: { type: 'fixed', from: Date.UTC(2026, 10, 30, 16), to: Date.UTC(2026, 11, 31, 16) - 1 },
      totalStock: null,
      audience: { type: 'minTier', tierId: 'gold' },
      channel: 'system',
      status: 'paused',
    });
    expect(toTemplateInput(form({ kind: 'percent', zhe: '9', capYuan: '' })).terms).toEqual({
      kind: 'percent',
      thresholdFen: 0,
      percentOff: 10,
      capFen: null,
    });
    expect(toTemplateInput(form({ kind: 'shipping', thresholdYuan: '99' })).terms).toEqual({ kind: 'shipping', thresholdFen: 9900 });
    expect(toTemplateInput(form({ audienceType: 'newMembers', withinDays: 30 })).audience).toEqual({ type: 'newMembers', withinDays: 30 });
  });

  it('puts the server’s cross-field checks on the field to fix', () => {
    const now = Date.UTC(2026, 11, 7);
    expect(formProblems(toTemplateInput(form({ thresholdYuan: '59', amountYuan: '59' })), now, isTier)).toEqual([
      { name: 'amountYuan', message: '优惠金额须小于使用门槛（门槛填 0 表示无门槛）' },
    ]);
    expect(formProblems(toTemplateInput(form({ thresholdYuan: '0', amountYuan: '59' })), now, isTier)).toEqual([]);
    const past = form({ amountYuan: '5', validityType: 'fixed', range: [dayjs('2026-11-01'), dayjs('2026-11-30')] });
    expect(formProblems(toTemplateInput(past), now, isTier)).toEqual([{ name: 'range', message: '结束日期已过，请重新选择' }]);
    const unknownTier = form({ amountYuan: '5', audienceType: 'minTier', tierId: 'platinum' });
    expect(formProblems(toTemplateInput(unknownTier), now, isTier)).toEqual([{ name: 'tierId', message: '请选择会员等级' }]);
  });
});
