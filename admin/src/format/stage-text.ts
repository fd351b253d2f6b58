import type { LifecycleStage } from '~/types/marketing';

/** How the admin page names each lifecycle stage, in stage order. */
export const STAGE_TEXT: Record<LifecycleStage, string> = {
  new: '新客',
  active: '活跃',
  dormant: '沉睡',
  churned: '流失',
  wonBack: '回流',
};
export const STAGE_COLOR: Record<LifecycleStage, string> = {
  new: 'blue',
  active: 'green',
  dormant: 'orange',
  churned: 'red',
  wonBack: 'purple',
};
