import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import './scan-button.scss';

interface ScanButtonProps {
  onCode: (code: string) => void;
  disabled?: boolean;
}

/** Scanning in the mini-program: WeChat's own scanner, camera only, QR codes only. */
export function ScanButton({ onCode, disabled = false }: ScanButtonProps) {
  const scan = async () => {
    if (disabled) return;
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      if (result) onCode(result);
    } catch {
      // Staff closed the scanner.
    }
  };
  return (
    <View className={`scan-button${disabled ? ' scan-button--busy' : ''}`} onClick={() => void scan()}>
      <Text className="scan-button__text">扫会员码</Text>
    </View>
  );
}
