import { ADMIN_ROLES } from '~/types/documents';
import { ADMIN_PERMISSIONS, adminMay } from './admin-permissions';

describe('the admin permission table', () => {
  it('lets the owner do everything, and lists only known roles', () => {
    for (const [action, roles] of Object.entries(ADMIN_PERMISSIONS)) {
      expect({ action, owner: adminMay('owner', action as keyof typeof ADMIN_PERMISSIONS) }).toEqual({ action, owner: true });
      for (const role of roles) expect(ADMIN_ROLES).toContain(role);
    }
  });

  it('keeps analysts to reading', () => {
    // An export reads: it writes only its own file, of data masked as the analyst's screens show it.
    // Counting a segment reads too: it keeps only the count it found on the segment.
    const writes = Object.keys(ADMIN_PERMISSIONS).filter(
      (action) =>
        !/^(list|search|get|reconcile|startExport$|continueExport$|logout$|changePassword$|previewSegment$|countSegment$)/.test(action),
    );
    for (const action of writes)
      expect({ action, analyst: adminMay('analyst', action as keyof typeof ADMIN_PERMISSIONS) }).toEqual({ action, analyst: false });
  });

  it('lets only the owner and operators decide a large points adjustment, and keeps store managers off the member desk', () => {
    for (const action of ['approveAdjustment', 'rejectAdjustment'] as const)
      expect(ADMIN_ROLES.filter((role) => adminMay(role, action))).toEqual(['owner', 'operator']);
    expect(ADMIN_ROLES.filter((role) => adminMay(role, 'adjustPoints'))).toEqual(['owner', 'operator', 'support']);
    for (const action of ['searchMembers', 'getMemberDetail', 'listMemberRecords', 'listApprovals', 'setTierOverride'] as const)
      expect({ action, storeManager: adminMay('storeManager', action) }).toEqual({ action, storeManager: false });
  });
});
