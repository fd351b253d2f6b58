import type { AddressDoc } from '~/types/addresses';
import { defaultAddressId, newAddress, regionText, successorOf, toAddressBook } from './address-book';

const fields = { name: '张三', phone: '13800138000', province: '上海市', city: '上海市', district: '静安区', detail: '南京西路1号' };
const doc = (id: string, createdAt: number, defaultAt: number | null): AddressDoc => ({
  ...newAddress({ id, memberId: 'm1', fields, first: false, now: createdAt }),
  defaultAt,
});

describe('address book rules', () => {
  it('joins the region, saying a repeated city once', () => {
    expect(regionText('上海市', '上海市', '静安区')).toBe('上海市 静安区');
    expect(regionText('广东省', '深圳市', '南山区')).toBe('广东省 深圳市 南山区');
  });

  it('makes the first address of a book its default', () => {
    const first = newAddress({ id: 'm1:a', memberId: 'm1', fields: { ...fields, name: ' 张三 ' }, first: true, now: 5 });
    expect(first).toMatchObject({ defaultAt: 5, name: '张三', region: '上海市 静安区' });
  });

  it('takes the address made default last, else the newest, so there is always exactly one', () => {
    expect(defaultAddressId([doc('a', 1, 10), doc('b', 2, 20), doc('c', 3, null)])).toBe('b');
    expect(defaultAddressId([doc('a', 1, null), doc('b', 2, null)])).toBe('b');
    expect(defaultAddressId([])).toBeNull();
  });

  it('hands the default to the newest remaining address', () => {
    expect(successorOf([doc('a', 1, 10), doc('b', 3, null), doc('c', 2, null)], 'a')?._id).toBe('b');
    expect(successorOf([doc('a', 1, 10)], 'a')).toBeNull();
  });

  it('lists the default first, then the newest', () => {
    const book = toAddressBook([doc('a', 1, null), doc('b', 2, 7), doc('c', 3, null)]);
    expect(book.items.map((item) => [item.id, item.isDefault])).toEqual([
      ['b', true],
      ['c', false],
      ['a', false],
    ]);
    expect(book.max).toBe(20);
  });
});
