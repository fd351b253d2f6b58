import { useMemo } from 'react';
import { View } from '@tarojs/components';
import { qrRows } from './qr-matrix';
import './index.scss';

interface QrCodeProps {
  text: string;
  className?: string;
}

/**
 * A QR code drawn with plain views (percent-sized runs of modules), so it renders the same in
 * the weapp and H5 builds without a canvas; the stylesheet sets its size and quiet zone.
 */
export function QrCode({ text, className }: QrCodeProps) {
  const { size, rows } = useMemo(() => qrRows(text), [text]);
  const rowHeight = `${100 / size}%`;
  return (
    <View className={className ? `qr-code ${className}` : 'qr-code'} data-modules={size}>
      <View className="qr-code__matrix">
        {rows.map((row, r) => (
          <View className="qr-code__row" key={r} style={{ height: rowHeight }}>
            {row.runs.map((run, i) => (
              <View
                key={i}
                className={run.dark ? 'qr-code__run qr-code__run--dark' : 'qr-code__run'}
                style={{ width: `${(run.length / size) * 100}%` }}
              />
            ))}
          </View>
        ))}
      </View>
    </View>
  );
}
