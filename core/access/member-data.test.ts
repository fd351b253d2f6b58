import { ADMIN_ROLES } from '~/types/documents';
import { maskPhone, mayViewPhone, phoneFor } from './member-data';

describe('who sees a member phone', () => {
  it('shows it in full to the owner and support only', () => {
    expect(ADMIN_ROLES.filter(mayViewPhone)).toEqual(['owner', 'support']);
    expect(phoneFor('support', '13800138000')).toBe('13800138000');
    expect(phoneFor('operator', '13800138000')).toBe('138****8000');
    expect(phoneFor('analyst', null)).toBeNull();
    expect(maskPhone('13912345678')).toBe('139****5678');
  });
});
