import { Button, Text, View } from '@tarojs/components';
import './index.scss';

type StatusPanelProps =
  | { kind: 'loading'; text: string }
  | { kind: 'error'; text: string; onRetry: () => void }
  | { kind: 'empty'; title: string; text: string; actionText: string; onAction: () => void };

/** Loading, error and empty states, styled alike on every page. */
export function StatusPanel(props: StatusPanelProps) {
  if (props.kind === 'loading') {
    return (
      <View className="status-panel status-panel--loading">
        <View className="status-panel__spinner" />
        <Text className="status-panel__text">{props.text}</Text>
      </View>
    );
  }
  if (props.kind === 'error') {
    return (
      <View className="status-panel status-panel--error load-error">
        <Text className="status-panel__title">加载失败</Text>
        <Text className="status-panel__text">{props.text}</Text>
        <Button className="status-panel__action retry-button" onClick={props.onRetry}>
          重新加载
        </Button>
      </View>
    );
  }
  return (
    <View className="status-panel status-panel--empty">
      <Text className="status-panel__title">{props.title}</Text>
      <Text className="status-panel__text">{props.text}</Text>
      <Button className="status-panel__action" onClick={props.onAction}>
        {props.actionText}
      </Button>
    </View>
  );
}
