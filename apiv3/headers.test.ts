import { headerValue } from '.';

describe('headerValue: HTTP header names are case-insensitive', () => {
  it('finds a header whatever the case of its name or of the name asked for', () => {
    expect(headerValue({ 'wechatpay-serial': 'S1' }, 'Wechatpay-Serial')).toBe('S1');
    expect(headerValue({ 'WECHATPAY-SERIAL': 'S2' }, 'wechatpay-serial')).toBe('S2');
  });
  it('answers the first value of a list, and undefined for an absent header', () => {
    expect(headerValue({ 'set-cookie': ['a', 'b'] }, 'Set-Cookie')).toBe('a');
    expect(headerValue({ other: 'x' }, 'Wechatpay-Nonce')).toBeUndefined();
  });
});
