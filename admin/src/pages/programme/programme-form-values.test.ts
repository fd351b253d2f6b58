import { describe, expect, it } from '@jest/globals';
import { draftOf } from '~/core/programme/draft';
import { DEFAULT_PROGRAMME, DEFAULT_TIERS } from '~/core/tiers/default-programme';
import dayjs from 'dayjs';
import { effectiveAtOf } from './effective-time';
import { formNameOf, toDraft, toFormValues, yuanProblem } from './programme-form-values';

const draft = draftOf({ programme: DEFAULT_PROGRAMME, tiers: [...DEFAULT_TIERS] });

describe('the rules form values', () => {
  it('shows thresholds in yuan and turns them back into the same draft', () => {
    const values = toFormValues(draft);
    expect(values.tiers[1]).toMatchObject({ entryYuan: '1000.00', keepYuan: '800.00', freeShippingYuan: '99.00' });
    expect(values.tiers[0]).toMatchObject({ freeShippingYuan: '', birthdayCouponTemplateId: 'birthday-normal' });
    expect(toDraft(values)).toEqual(draft);
  });

  it('reads typed yuan exactly, a blank free-shipping box as no perk and an empty template as none', () => {
    const values = toFormValues(draft);
    const silver = values.tiers[1] as (typeof values.tiers)[number];
    silver.entryYuan = ' 1,234.56 ';
    silver.freeShippingYuan = ' ';
    silver.birthdayCouponTemplateId = '';
    silver.perks = [' 会员价98折 ', ''];
    values.welcomeTemplateId = '';
    const tier = toDraft(values).tiers[1];
    expect(tier).toMatchObject({
      entrySpendFen: 123_456,
      freeShippingThresholdFen: null,
      birthdayCouponTemplateId: null,
      perks: ['会员价98折'],
    });
    expect(toDraft(values).coupons.welcomeTemplateId).toBeNull();
  });

  it('says what is wrong with a yuan box', () => {
    expect(yuanProblem('')).toBe('请填写金额');
    expect(yuanProblem('', true)).toBeNull();
    expect(yuanProblem('12.345')).toBe('请填写金额（元），最多两位小数');
    expect(yuanProblem('¥99')).toBeNull();
  });

  it('finds the box a server problem names', () => {
    expect(formNameOf('tiers.2.keepSpendFen')).toEqual(['tiers', 2, 'keepYuan']);
    expect(formNameOf('checkIn.dailyPoints')).toEqual(['dailyPoints']);
    expect(formNameOf('coupons.comebackTemplateId')).toEqual(['comebackTemplateId']);
    expect(formNameOf('tiers')).toBeNull();
  });

  it('reads a picked effective time as Shanghai wall-clock time, and "now" as null', () => {
    expect(effectiveAtOf({ effectiveMode: 'now', effectiveAt: null })).toBeNull();
    expect(effectiveAtOf({ effectiveMode: 'at', effectiveAt: dayjs('2027-03-03T00:00:00') })).toBe(Date.UTC(2027, 2, 2, 16, 0));
  });
});
