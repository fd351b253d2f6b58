/** Page URLs, in one place so that a moved page breaks the build rather than a tap. */
export const ROUTES = {
  home: '/pages/index/index',
  memberProfile: '/packages/member/pages/profile/index',
} as const;
