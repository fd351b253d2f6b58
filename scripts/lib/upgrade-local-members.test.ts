import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { phoneHash } from '~/core/members/phone-hash';
import type { Doc } from '../../local-cloud/db/ejson';
import { DocStore } from '../../local-cloud/db/store';
import { upgradeLocalMembers } from './upgrade-local-members';

describe('upgradeLocalMembers', () => {
  it('gives older members their reversed number and phone key, once, and follows a new secret', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lm-upgrade-members-'));
    const store = new DocStore(join(dir, 'cloud.db'), { members: { indexes: [] } });
    try {
      store.insert('members', { _id: 'm1', memberNo: '4000000123', phone: '13800138000' } as unknown as Doc);
      store.insert('members', { _id: 'm2', memberNo: '4000000456', phone: null } as unknown as Doc);
      const read = (id: string) => store.parse(store.get('members', id) as never) as Record<string, unknown>;
      expect(upgradeLocalMembers(store, 'secret-one')).toBe(2);
      expect(read('m1')).toMatchObject({ memberNoReversed: '3210000004', phoneHash: phoneHash('13800138000', 'secret-one') });
      expect(read('m2')).toMatchObject({ memberNoReversed: '6540000004', phoneHash: null });
      expect(upgradeLocalMembers(store, 'secret-one')).toBe(0);
      expect(upgradeLocalMembers(store, 'secret-two')).toBe(1);
      expect(read('m1').phoneHash).toBe(phoneHash('13800138000', 'secret-two'));
    } finally {
      store.sql.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
