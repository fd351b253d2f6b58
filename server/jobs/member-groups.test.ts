import { memberGroups } from './member-groups';

describe('memberGroups', () => {
  const items = ['a', 'b', 'a', 'c', 'd', 'a', 'e'].map((memberId) => ({ memberId }));

  it('fills groups up to the size in page order, never with one member twice', () => {
    expect(memberGroups(items, [0, 1, 2, 3, 4, 5, 6], 3)).toEqual([
      [0, 1, 3],
      [2, 4, 6],
      [5],
    ]);
  });

  it('groups only the positions given, and nothing when none are', () => {
    expect(memberGroups(items, [1, 3, 4], 10)).toEqual([[1, 3, 4]]);
    expect(memberGroups(items, [], 10)).toEqual([]);
  });
});
