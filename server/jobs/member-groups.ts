/**
 * Splits the positions `indexes` of `items` into groups of at most `size`, no member twice in a
 * group, each group in page order: the groups a page posts one transaction each.
 */
export function memberGroups(items: { memberId: string }[], indexes: number[], size: number): number[][] {
  const groups: { members: Set<string>; indexes: number[] }[] = [];
  for (const index of indexes) {
    const { memberId } = items[index] as { memberId: string };
    let group = groups.find((candidate) => candidate.indexes.length < size && !candidate.members.has(memberId));
    if (!group) groups.push((group = { members: new Set(), indexes: [] }));
    group.members.add(memberId);
    group.indexes.push(index);
  }
  return groups.map((group) => group.indexes);
}
