import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import './scan-button.scss';

/** The parts of the Shape Detection API used here; TypeScript's DOM library does not declare it yet. */
interface BarcodeDetectorLike {
  detect: (source: HTMLVideoElement) => Promise<{ rawValue: string }[]>;
}
type BarcodeDetectorClass = new (options: { formats: string[] }) => BarcodeDetectorLike;

/** How often a camera frame is looked at for a QR code. */
const DETECT_EVERY_MS = 250;

/** The browser's barcode detector, where there is one and a camera can be asked for. */
function barcodeDetector(): BarcodeDetectorClass | null {
  if (typeof window === 'undefined' || typeof navigator === 'undefined') return null;
  const detector = (window as unknown as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  return detector && typeof navigator.mediaDevices?.getUserMedia === 'function' ? detector : null;
}

interface ScanButtonProps {
  onCode: (code: string) => void;
  disabled?: boolean;
}

function CameraView({ onCode, onClose }: { onCode: (code: string) => void; onClose: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const handlers = useRef({ onCode, onClose });
  handlers.current = { onCode, onClose };

  useEffect(() => {
    const Detector = barcodeDetector();
    if (!Detector) return undefined;
    const detector = new Detector({ formats: ['qr_code'] });
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;

    const look = async () => {
      const element = video.current;
      if (stopped || !element) return;
      if (element.readyState >= 2) {
        try {
          const code = (await detector.detect(element)).map((found) => found.rawValue.trim()).find(Boolean);
          if (code && !stopped) {
            stopped = true;
            handlers.current.onCode(code);
            return;
          }
        } catch {
          // A frame the detector cannot read: the next one may do.
        }
      }
      if (!stopped) timer = setTimeout(() => void look(), DETECT_EVERY_MS);
    };

    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }).then(
      (opened) => {
        stream = opened;
        if (stopped || !video.current) return;
        video.current.srcObject = opened;
        void video.current.play().catch(() => undefined);
        void look();
      },
      () => {
        if (stopped) return;
        void Taro.showToast({ title: '无法打开摄像头，请手动输入会员码', icon: 'none' });
        handlers.current.onClose();
      },
    );
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return (
    <View className="camera-scanner">
      <video ref={video} className="camera-scanner__video" muted playsInline autoPlay />
      <View className="camera-scanner__frame" />
      <Text className="camera-scanner__hint">将会员码放入框内，自动识别</Text>
      <View className="camera-scanner__close camera-close" onClick={onClose}>
        <Text>取消</Text>
      </View>
    </View>
  );
}

/**
 * Scanning in the browser: the camera and the browser's own barcode detector, where both exist.
 * Elsewhere nothing is shown and the 20 digits are typed in. (The mini-program uses
 * scan-button.weapp.tsx.)
 */
export function ScanButton({ onCode, disabled = false }: ScanButtonProps) {
  const [supported] = useState(() => barcodeDetector() !== null);
  const [open, setOpen] = useState(false);
  if (!supported) return null;
  return (
    <>
      <View className={`scan-button${disabled ? ' scan-button--busy' : ''}`} onClick={() => !disabled && setOpen(true)}>
        <Text className="scan-button__text">扫会员码</Text>
      </View>
      {open ? (
        <CameraView
          onCode={(code) => {
            setOpen(false);
            onCode(code);
          }}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}
