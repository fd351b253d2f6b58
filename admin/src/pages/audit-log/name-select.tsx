import { Select } from 'antd';
import { useState } from 'react';

/** A name as the server stores it: an action or a target type. */
const NAME = /^[A-Za-z]{2,40}$/;

/** Inputs of a select of known names with free entry; a Form.Item gives value and onChange. */
export interface NameSelectProps {
  labels: Record<string, string>;
  placeholder: string;
  className: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
}

/**
 * A select of the names the page knows, shown in Chinese (searchable by either), that also takes
 * a name it does not know, typed as stored, e.g. an action added after this page was built.
 */
export function NameSelect({ labels, placeholder, className, value, onChange }: NameSelectProps) {
  const [typed, setTyped] = useState('');
  const known = Object.entries(labels).map(([name, label]) => ({ value: name, label }));
  const extra = [typed.trim(), value ?? ''].filter((name, i, all) => NAME.test(name) && !(name in labels) && all.indexOf(name) === i);
  const options = [...known, ...extra.map((name) => ({ value: name, label: name }))];

  return (
    <Select<string>
      className={className}
      aria-label={placeholder}
      placeholder={placeholder}
      allowClear
      value={value}
      onChange={(next) => onChange?.(next)}
      options={options}
      showSearch={{ optionFilterProp: ['label', 'value'], onSearch: setTyped }}
      style={{ width: 180 }}
    />
  );
}
