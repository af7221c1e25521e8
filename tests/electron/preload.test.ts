/** The preload against a mocked `electron`: what it exposes, and which offered ports it hands to main. */
import { afterAll, describe, expect, it, vi } from 'vitest';

const exposed = new Map<string, unknown>();
const ipcRenderer = { invoke: vi.fn(), send: vi.fn(), on: vi.fn(), removeListener: vi.fn(), postMessage: vi.fn() };
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer,
}));

type Listener = (event: { source: unknown; data: unknown; ports: readonly unknown[] }) => void;
const listeners: Listener[] = [];
const fakeWindow = { addEventListener: (type: string, l: Listener) => type === 'message' && listeners.push(l) };
vi.stubGlobal('window', fakeWindow);
afterAll(() => void vi.unstubAllGlobals());

await import('../../electron/preload.js');
const offer = (event: { source: unknown; data: unknown; ports: readonly unknown[] }): void =>
  listeners.forEach((l) => l(event));

describe('preload', () => {
  it('exposes only window.api, built from the contract', () => {
    expect([...exposed.keys()]).toEqual(['api']);
    const api = exposed.get('api') as {
      micChunk(agentId: number, pcm: Uint8Array, at: number): void;
      ready(): unknown;
    };
    api.micChunk(1, new Uint8Array(2), 5);
    expect(ipcRenderer.send).toHaveBeenCalledWith('audio:mic-chunk', {
      agentId: 1,
      pcm: new Uint8Array(2),
      capturedAt: 5,
    });
    void api.ready();
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('panel:ready', undefined);
  });

  it('hands main a port the page offers for the microphone, and nothing else', () => {
    const port = { name: 'port' };
    offer({ source: {}, data: { portFor: 'audio:mic-chunk' }, ports: [port] });
    offer({ source: fakeWindow, data: { portFor: 'message:send' }, ports: [port] });
    offer({ source: fakeWindow, data: { portFor: 'audio:mic-chunk' }, ports: [] });
    offer({ source: fakeWindow, data: { portFor: 'audio:mic-chunk' }, ports: [port, port] });
    offer({ source: fakeWindow, data: 'audio:mic-chunk', ports: [port] });
    offer({ source: fakeWindow, data: null, ports: [port] });
    expect(ipcRenderer.postMessage).not.toHaveBeenCalled();
    offer({ source: fakeWindow, data: { portFor: 'audio:mic-chunk' }, ports: [port] });
    expect(ipcRenderer.postMessage.mock.calls).toEqual([['port:open', { channel: 'audio:mic-chunk' }, [port]]]);
  });
});
