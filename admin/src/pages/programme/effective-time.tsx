import { DatePicker, Form, Radio } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import type { EpochMs } from '~/types/units';
import { PROGRAMME_TIME_ZONE } from '../../format/format-time';

/** When a new version takes effect, as the form picks it. */
export interface EffectiveTimeValues {
  effectiveMode: 'now' | 'at';
  effectiveAt: Dayjs | null;
  note: string;
}

export const EFFECTIVE_TIME_DEFAULTS: EffectiveTimeValues = { effectiveMode: 'now', effectiveAt: null, note: '' };

/** The instant a picked wall-clock time means in Shanghai (the programme's zone, whatever the browser's); null for "now". */
export function effectiveAtOf(values: Pick<EffectiveTimeValues, 'effectiveMode' | 'effectiveAt'>): EpochMs | null {
  if (values.effectiveMode === 'now' || !values.effectiveAt) return null;
  return dayjs.tz(values.effectiveAt.format('YYYY-MM-DD HH:mm'), PROGRAMME_TIME_ZONE).valueOf();
}

/** The effective-time choice: at once (within half a minute, when every server has the new rules) or at a time. */
export function EffectiveTimeFields() {
  const form = Form.useFormInstance<EffectiveTimeValues>();
  const mode = (Form.useWatch('effectiveMode', form) as EffectiveTimeValues['effectiveMode'] | undefined) ?? 'now';
  return (
    <>
      <Form.Item name="effectiveMode" label="生效时间" extra={mode === 'now' ? '发布后约30秒内在所有服务上同时生效' : '北京时间'}>
        <Radio.Group
          className="programme-effective-mode"
          optionType="button"
          options={[
            { value: 'now', label: '立即生效' },
            { value: 'at', label: '指定时间' },
          ]}
        />
      </Form.Item>
      {mode === 'at' ? (
        <Form.Item
          name="effectiveAt"
          label="生效于"
          rules={[
            { required: true, message: '请选择生效时间' },
            {
              validator: (_, value: Dayjs | null) =>
                !value || (effectiveAtOf({ effectiveMode: 'at', effectiveAt: value }) ?? 0) > Date.now()
                  ? Promise.resolve()
                  : Promise.reject(new Error('生效时间须晚于现在')),
            },
          ]}
        >
          <DatePicker
            className="programme-effective-at"
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(day) => day.isBefore(dayjs(), 'day') || day.isAfter(dayjs().add(366, 'day'), 'day')}
            style={{ width: 240 }}
          />
        </Form.Item>
      ) : null}
    </>
  );
}
