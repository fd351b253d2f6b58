/** The most members one campaign send may name: the server's limit. */
export const MAX_CAMPAIGN_MEMBERS = 100;

const MEMBER_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Member ids pasted one per line: the distinct ids in order, how many repeats were dropped, and what is wrong, if anything. */
export interface PastedMembers {
  ids: string[];
  duplicates: number;
  problem: string | null;
}

/** Reads member ids pasted one per line, ignoring blank lines and spaces around each id. */
export function parseMemberIds(text: string): PastedMembers {
  const ids: string[] = [];
  let duplicates = 0;
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const id = line.trim();
    if (id === '') continue;
    if (!MEMBER_ID.test(id)) return { ids, duplicates, problem: `第 ${index + 1} 行「${id.slice(0, 20)}」不是有效的会员 ID` };
    if (ids.includes(id)) duplicates += 1;
    else ids.push(id);
  }
  if (ids.length === 0) return { ids, duplicates, problem: '请填写会员 ID，每行一个' };
  if (ids.length > MAX_CAMPAIGN_MEMBERS) {
    return { ids, duplicates, problem: `一次最多发放 ${MAX_CAMPAIGN_MEMBERS} 位会员，当前 ${ids.length} 位` };
  }
  return { ids, duplicates, problem: null };
}

/** Why a member did not get a campaign's coupon, by the server's code. */
export const CAMPAIGN_FAILURE_TEXT: Partial<Record<string, string>> = {
  NOT_FOUND: '会员不存在或已注销',
  NOT_ELIGIBLE: '不符合该券的领取条件',
  OUT_OF_STOCK: '库存不足',
  NOT_AVAILABLE: '该券已暂停、已结束或已过有效期',
};
