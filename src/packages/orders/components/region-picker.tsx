import { useMemo } from 'react';
import { Cascader } from '@nutui/nutui-react-taro';
// Despite its name, `useCascaderAreaData` is a plain function that builds the tree, not a React hook.
import { useCascaderAreaData as cascaderAreaData } from '@vant/area-data';

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

let options: RegionOption[] | null = null;

/** Names stand for the places: the address keeps 省/市/区 as text, so the codes are not needed. */
function byName(option: RegionOption): RegionOption {
  return { text: option.text, value: option.text, ...(option.children ? { children: option.children.map(byName) } : {}) };
}

/** The cascader's tree (about 3,800 places from `@vant/area-data`), built on first use. */
function regionOptions(): RegionOption[] {
  options ??= cascaderAreaData().map(byName);
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
