/**
 * The design width of a stylesheet: 750 for ours, 375 for NutUI's own (written for a 375-wide
 * design). Taro copies this function's source into the app bundle, where `Taro.pxTransform`
 * calls it with a number, so it refers to no other name.
 */
export function designWidth(input?: unknown): number {
  const file = input ? (input as { file?: unknown }).file : undefined;
  return typeof file === 'string' && file.replace(/\\+/g, '/').indexOf('@nutui/') >= 0 ? 375 : 750;
}
