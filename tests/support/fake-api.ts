/**
 * `window.api` for renderer tests without a core: built by the real `createApi` over a transport
 * that records every request and answers from the test, then started through the real bridge.
 */
import { agentInfo } from './entries.js';
import { createApi } from '../../common/api.js';
import type { EventChannel, EventMap, Snapshot } from '../../common/contract.js';
import { DEFAULT_SETTINGS } from '../../electron/core/settings.js';
import { startBridge } from '../../renderer/bridge/connect.js';
import { resetStore, useStore } from '../../renderer/store/index.js';

export type Answer = (channel: string, arg: unknown) => unknown;

export const SNAPSHOT: Snapshot = {
  settings: structuredClone(DEFAULT_SETTINGS),
  status: { state: 'listening', url: 'ws://127.0.0.1:9001/chat', host: '127.0.0.1', port: 9001, path: '/chat' },
  agents: [agentInfo(1)],
  recent: [],
  logFile: '/tmp/session.jsonl',
  host: 'web',
  audio: [],
  scene: {},
  periodic: [],
  alerts: [],
  faces: {},
};

export function installFakeApi() {
  const calls: [string, unknown][] = [];
  const listeners = new Map<string, Set<(payload: never) => void>>();
  const state = { answer: (() => ({ ok: true })) as Answer };
  const api = createApi({
    invoke: async (channel, arg) => {
      calls.push([channel, arg]);
      return (channel === 'panel:ready' ? structuredClone(SNAPSHOT) : state.answer(channel, arg)) as never;
    },
    post: (channel, arg) => void calls.push([channel, arg]),
    subscribe: (channel, listener) => {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
  });
  /* A component test runs in jsdom, which has a window; a store test runs in Node, which has none. */
  if (typeof document === 'undefined') Object.assign(globalThis, { window: { api } });
  else Object.assign(window, { api });
  startBridge({ onMenuCommand: () => undefined });
  return {
    calls,
    /** What the next requests are answered with (panel:ready always gets SNAPSHOT). */
    answer(fn: Answer): void {
      state.answer = fn;
    },
    emit<C extends EventChannel>(channel: C, payload: EventMap[C]): void {
      for (const l of listeners.get(channel) ?? []) (l as (p: EventMap[C]) => void)(payload);
    },
  };
}

/**
 * For a file of action tests: the fake api installed once (the bridge is wired once per file), and
 * before each test a fresh store hydrated from SNAPSHOT and no calls recorded. Call at the top.
 */
export function useFakeApi(hooks: { beforeAll(fn: () => void): void; beforeEach(fn: () => void): void }) {
  const holder = {} as { api: ReturnType<typeof installFakeApi> };
  hooks.beforeAll(() => {
    holder.api = installFakeApi();
  });
  hooks.beforeEach(() => {
    resetStore();
    useStore.getState().hydrate(structuredClone(SNAPSHOT));
    holder.api.calls.length = 0;
  });
  return holder;
}
