import { useMemo } from 'react';
import { Cascader } from '@nutui/nutui-react-taro';
import REGIONS from './region-data.json';

export interface RegionChoice {
  province: string;
  city: string;
  district: string;
}

interface RegionOption {
  text: string;
  value: string;
  children?: RegionOption[];
}

type RegionTree = [string, [string, string[]][]][];

let options: RegionOption[] | null = null;

/** The cascader's tree, built on first use: about 3,800 nodes from the compact table. */
function regionOptions(): RegionOption[] {
  options ??= (REGIONS as RegionTree).map(([province, cities]) => ({
    text: province,
    value: province,
    children: cities.map(([city, districts]) => ({
      text: city,
      value: city,
      children: districts.map((district) => ({ text: district, value: district })),
    })),
  }));
  return options;
}

/** 省 / 市 / 区, chosen in turn from a sheet; the same component in the mini-program and H5. */
export function RegionPicker({
  visible,
  value,
  onChange,
  onClose,
}: {
  visible: boolean;
  value: RegionChoice;
  onChange: (choice: RegionChoice) => void;
  onClose: () => void;
}) {
  const tree = useMemo(() => (visible ? regionOptions() : []), [visible]);
  const current = value.province && value.city && value.district ? [value.province, value.city, value.district] : [];
  return (
    <Cascader
      className="region-picker"
      visible={visible}
      title="选择所在地区"
      options={tree}
      value={current}
      closeable
      onClose={onClose}
      onChange={(path) => {
        const [province, city, district] = path.map(String);
        if (province && city && district) onChange({ province, city, district });
        onClose();
      }}
    />
  );
}
