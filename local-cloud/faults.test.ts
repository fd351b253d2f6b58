import { Faults } from './faults';

const update = { collectionName: 'members' };

describe('fault rules', () => {
  it('fire once, at the nth matching write of the named function, and say whether they fired', () => {
    const faults = new Faults();
    faults.arm({ fn: 'orders', nth: 2, effect: 'fail' });
    expect(faults.take('points', 'database.modifyDocument', update)).toBeNull();
    expect(faults.take('orders', 'database.getDocument', update)).toBeNull();
    expect(faults.take('orders', 'database.modifyDocument', update)).toBeNull();
    expect(faults.take('orders', 'database.insertDocument', update)).toBe('fail');
    expect(faults.take('orders', 'database.insertDocument', update)).toBeNull();
    expect(faults.clear()).toBe(true);
    faults.arm({ nth: 1, ops: ['commit'], effect: 'killInstance' });
    expect(faults.clear()).toBe(false);
  });

  it('pick a collection, and count a commit (which names none) whatever the collection', () => {
    const faults = new Faults();
    faults.arm({ collection: 'orders', nth: 2, effect: 'timeoutAfterWrite' });
    expect(faults.take('orders', 'database.modifyDocument', { collectionName: 'members' })).toBeNull();
    expect(faults.take('orders', 'database.modifyDocument', { collectionName: 'orders' })).toBeNull();
    expect(faults.take('orders', 'database.commitTransaction', { transactionId: 't1' })).toBe('timeoutAfterWrite');
  });

  it('record every database call in order until stopped', () => {
    const faults = new Faults();
    const stop = faults.record();
    faults.take('rewards', 'database.insertDocument', { collectionName: 'redemptions' });
    faults.take('rewards', 'database.modifyDocument', { collectionName: 'members', transactionId: 't' });
    const steps = stop();
    faults.take('rewards', 'database.removeDocument', { collectionName: 'x' });
    expect(steps).toEqual([
      { fn: 'rewards', op: 'insert', collection: 'redemptions', inTransaction: false },
      { fn: 'rewards', op: 'update', collection: 'members', inTransaction: true },
    ]);
    expect(() => faults.arm({ nth: 0, effect: 'fail' })).toThrow(/nth/);
  });
});
