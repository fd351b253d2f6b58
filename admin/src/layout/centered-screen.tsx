import type { CSSProperties, ReactNode } from 'react';

const screenStyle: CSSProperties = {
  minHeight: '100%',
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  padding: 24,
  boxSizing: 'border-box',
};

/** A screen with one thing in the middle: the login card, the password-change card. */
export function CenteredScreen({ children }: { children: ReactNode }) {
  return <div style={screenStyle}>{children}</div>;
}
