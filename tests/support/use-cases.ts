import { newMember } from '~/core/members/new-member';
import { database } from '~/server/db/database';
import type { RequestContext } from '~/server/runtime/wx';
import type { MemberDoc } from '~/types/documents';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { startTestCloud } from './local-cloud';
import { connectSdk } from './sdk';

/**
 * Runs server use-cases in this process with the real wx-server-sdk against a local cloud, so
 * their tests exercise the same database semantics as the deployed functions.
 */
export async function startUseCaseCloud(): Promise<{ cloud: LocalCloud; ctx: (now: number, openid?: string) => RequestContext }> {
  const cloud = await startTestCloud({ functions: false });
  connectSdk(cloud.tcbUrl);
  const db = database();
  return { cloud, ctx: (now, openid) => ({ now, openid, source: openid ? 'wx_client' : 'wx_trigger', db }) };
}

/** Inserts a fresh member straight into the store (as the console import would). */
export function addMember(cloud: LocalCloud, id: string, now: number, fields: Partial<MemberDoc> = {}): MemberDoc {
  const member = {
    ...newMember({ _id: id, openid: `o-${id}`, memberNo: String(3_000_000_000 + cloud.store.count('members')), now }),
    ...fields,
  };
  cloud.store.insert('members', { ...member });
  return member;
}
