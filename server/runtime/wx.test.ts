import { requestOf } from './wx';

describe('requestOf', () => {
  it('passes a direct call through', () => {
    expect(requestOf({ action: 'login' })).toEqual({ action: 'login' });
  });

  it('unwraps an HTTP access service event, plain or base64', () => {
    const body = JSON.stringify({ action: 'listMembers', token: 't' });
    expect(requestOf({ httpMethod: 'POST', body, isBase64Encoded: false })).toEqual({ action: 'listMembers', token: 't' });
    expect(requestOf({ httpMethod: 'POST', body: Buffer.from(body).toString('base64'), isBase64Encoded: true })).toEqual({
      action: 'listMembers',
      token: 't',
    });
  });

  it('refuses an HTTP body that is not JSON', () => {
    expect(() => requestOf({ httpMethod: 'POST', body: '<xml/>' })).toThrow('body must be JSON');
  });
});
