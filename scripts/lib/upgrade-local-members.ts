import { reversedMemberNo } from '~/core/members/member-search';
import { phoneHash } from '~/core/members/phone-hash';
import type { MemberDoc } from '~/types/documents';
import type { Doc } from '../../local-cloud/db/ejson';
import type { DocStore } from '../../local-cloud/db/store';

/**
 * Gives the members of a local database what the member desk searches by: the reversed member
 * number, and the phone's lookup key under `secret` (made again when the secret changed, taken
 * away from a member without a phone). Members made since have both from the start. Answers how
 * many members changed.
 */
export function upgradeLocalMembers(store: DocStore, secret: string): number {
  let changed = 0;
  store.atomically(() => {
    for (const row of [...store.scan('members', [], [], '_id')]) {
      const member = store.parse(row) as unknown as MemberDoc;
      const memberNoReversed = reversedMemberNo(member.memberNo);
      const hash = member.phone ? phoneHash(member.phone, secret) : null;
      if (member.memberNoReversed === memberNoReversed && (member.phoneHash ?? null) === hash) continue;
      store.replace('members', { ...member, memberNoReversed, phoneHash: hash } as unknown as Doc);
      changed += 1;
    }
  });
  return changed;
}
