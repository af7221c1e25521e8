/** Agent names: from the path an agent connects to, and the label shown for it. */
import { describe, expect, it } from 'vitest';
import { AGENT_NAME_MAX, agentLabel, agentNameOk, nameFromPath, readablePath } from '../../common/agent-names.js';

describe('nameFromPath', () => {
  it('gives no name for the listening path itself, with or without a trailing slash', () => {
    expect(nameFromPath('/chat', '/chat')).toEqual({});
    expect(nameFromPath('/chat', '/chat/')).toEqual({});
  });

  it('names an agent by the one segment below, decoded', () => {
    expect(nameFromPath('/chat', '/chat/left')).toEqual({ name: 'left' });
    expect(nameFromPath('/chat', '/chat/%E5%B7%A6')).toEqual({ name: '左' });
    expect(nameFromPath('/', '/kiosk-2')).toEqual({ name: 'kiosk-2' });
    expect(nameFromPath('/a/SECRETsecret123456', '/a/SECRETsecret123456/right')).toEqual({ name: 'right' });
  });

  it('refuses other paths, deeper paths, look-alike prefixes and names it cannot show', () => {
    expect(nameFromPath('/chat', '/other')).toBeNull();
    expect(nameFromPath('/chat', '/chatty')).toBeNull();
    expect(nameFromPath('/chat', '/chat/a/b')).toBeNull();
    expect(nameFromPath('/chat', '/chat/%E5')).toBeNull();
    expect(nameFromPath('/chat', '/chat/a%7Cb')).toBeNull();
    expect(nameFromPath('/chat', '/chat/%20left')).toBeNull();
    expect(nameFromPath('/chat', `/chat/${'x'.repeat(AGENT_NAME_MAX + 1)}`)).toBeNull();
  });
});

describe('agentNameOk and agentLabel', () => {
  it('takes letters of any script and refuses control characters, braces and separators', () => {
    expect(agentNameOk('受付 1')).toBe(true);
    expect(agentNameOk('x'.repeat(AGENT_NAME_MAX))).toBe(true);
    expect(['', ' a', 'a ', 'a|b', 'a{b}', 'a/b', 'a\nb', '<b>'].filter(agentNameOk)).toEqual([]);
  });

  it('shows the name, the number when there is none, and both when two agents share it', () => {
    expect(agentLabel(3, 'left')).toBe('left');
    expect(agentLabel(3, undefined)).toBe('#3');
    expect(agentLabel(4, 'left', true)).toBe('left #4');
  });

  it('shows a percent-encoded path decoded, and a broken one as it came', () => {
    expect(readablePath('/chat/%E5%8F%97%E4%BB%98')).toBe('/chat/受付');
    expect(readablePath('/chat/%E5')).toBe('/chat/%E5');
  });
});
