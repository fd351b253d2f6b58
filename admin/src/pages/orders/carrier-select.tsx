import { Select } from 'antd';
import { CARRIERS } from '~/types/orders';
import type { Carrier } from '~/types/orders';

const options = CARRIERS.map((carrier) => ({ value: carrier, label: carrier }));

/** The carriers an order ships with, as a form control. */
export function CarrierSelect({
  className,
  value,
  onChange,
}: {
  className: string;
  value?: Carrier;
  onChange?: (carrier: Carrier) => void;
}) {
  return (
    <Select<Carrier>
      className={className}
      placeholder="选择快递公司"
      options={options}
      value={value}
      onChange={onChange}
      style={{ width: '100%' }}
    />
  );
}
