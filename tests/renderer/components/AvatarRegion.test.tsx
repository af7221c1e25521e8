// @vitest-environment jsdom
/** The Avatar region: files in, or refused whole; actions and sliders by their names; presets saved with the set. */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../../common/settings';
import { AvatarRegion } from '../../../renderer/components/AvatarRegion';
import { useStore } from '../../../renderer/store';
import { SNAPSHOT, useFakeApi } from '../../support/fake-api';
import { testModelFiles } from '../../support/avatar-files';

const fake = useFakeApi({ beforeAll, beforeEach });

beforeEach(() => {
  const snapshot = structuredClone(SNAPSHOT);
  snapshot.settings.language = 'en';
  snapshot.scene = {
    1: {
      models: ['0'],
      motions: [],
      speaking: [],
      lipsync: [],
      listening: false,
      files: [],
      voices: [],
      modelFiles: { '0': 'test/Test.pmd' },
    },
  };
  act(() => useStore.getState().hydrate(snapshot));
  /* The core answers a settings change by applying it, as it does. */
  fake.api.answer((channel, arg) => {
    if (channel === 'settings:update') {
      const patch = (arg as { patch: Partial<Settings> }).patch;
      act(() => useStore.getState().setSettings({ ...useStore.getState().settings!, ...patch }));
    }
    return { ok: true, lines: 1, agents: 1 };
  });
});
afterEach(cleanup);

const files = (extra = 0): File[] => testModelFiles(extra).map((f) => new File([new Uint8Array(f.buffer)], f.name));

async function load(list: File[]): Promise<void> {
  fireEvent.change(screen.getByLabelText('Model files'), { target: { files: list } });
}

describe('AvatarRegion', () => {
  it('reads the model and its .shapemap, then offers the actions and the morphs by name', async () => {
    render(<AvatarRegion />);
    expect(screen.getByRole('region', { name: 'Avatar' }).textContent).toContain('MMDAgent-EX never says');
    await load(files());
    await screen.findByText('Test.pmd: 3 morphs, 3 actions, 2 avatar morphs');
    expect(useStore.getState().settings!.avatarModels['test.pmd']).toMatchObject({
      file: 'Test.pmd',
      morphs: ['まばたき', '笑い', 'あ'],
    });
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(
      expect.arrayContaining(['0 normal', '2 laugh', '16 thinking']),
    );
    fireEvent.click(screen.getByRole('button', { name: '2 laugh' }));
    await waitFor(() =>
      expect(fake.api.calls).toContainEqual(['avatar:action', { agentId: 1, alias: '0', action: 2 }]),
    );
    fireEvent.change(screen.getByRole('searchbox', { name: 'Find morph' }), { target: { value: 'ば' } });
    expect(screen.getAllByRole('slider').map((s) => s.getAttribute('aria-label'))).toEqual(['まばたき']);
  });

  it('refuses a pick with one bad file whole, saying which file', async () => {
    render(<AvatarRegion />);
    const bad = new File([new Uint8Array([1, 2, 3, 4])], 'Broken.pmx');
    await load([...files(), bad]);
    expect((await screen.findByRole('alert')).textContent).toContain('Broken.pmx is not a PMX model');
    expect(fake.api.calls.some(([c]) => c === 'settings:update')).toBe(false);
    await load([new File(['hello'], 'notes.txt')]);
    expect((await screen.findByRole('alert')).textContent).toContain('notes.txt is not a model file');
  });

  it('sends a slider at once and keeps its value until the core holds it; a preset saves the face shown', async () => {
    render(<AvatarRegion />);
    await load(files());
    const wink = await screen.findByRole('slider', { name: 'wink' });
    fireEvent.change(wink, { target: { value: '0.7' } });
    expect(fake.api.calls.at(-1)).toEqual([
      'avatar:face',
      { agentId: 1, alias: '0', morphs: {}, exmorph: { wink: 0.7 } },
    ]);
    expect((wink as HTMLInputElement).value).toBe('0.7');
    act(() => fake.api.emit('avatar:faces', { 1: { '0': { morphs: {}, exmorph: { wink: 0.7 } } } }));
    await waitFor(() => expect(useStore.getState().faceLocal).toEqual({}));
    expect((wink as HTMLInputElement).value).toBe('0.7');
    expect(wink.getAttribute('aria-valuetext')).toBe('0.7, held');

    fireEvent.click(screen.getByRole('button', { name: 'Save preset…' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Preset name' }), { target: { value: 'Wink' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Action' }), { target: { value: 'laugh' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Hotkey' }), { target: { value: 'shift+w' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(useStore.getState().settings!.quickSets[0]!.presets.at(-1)).toMatchObject({
        name: 'Wink',
        morphs: {},
        exmorph: { wink: 0.7 },
        action: 'laugh',
        hotkey: 'Shift+W',
      }),
    );
    expect(screen.getByRole('button', { name: 'Wink' }).getAttribute('aria-keyshortcuts')).toBe('Shift+W');
  });

  it('will not save a preset that does nothing, or one on a key the set uses, and says why', async () => {
    render(<AvatarRegion />);
    fireEvent.click(screen.getByRole('button', { name: 'Save preset…' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Preset name' }), { target: { value: 'Nothing' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('this preset would do nothing');
    /* The example set's Greet has the key 1. */
    fireEvent.change(screen.getByRole('combobox', { name: 'Action' }), { target: { value: '' } });
    await load(files());
    await screen.findByText('Test.pmd: 3 morphs, 3 actions, 2 avatar morphs');
    fireEvent.change(screen.getByRole('combobox', { name: 'Action' }), { target: { value: 'laugh' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Hotkey' }), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        '1 already belongs to “Greet” in this set. Choose another key.',
      ),
    );
    expect(fake.api.calls.some(([c, a]) => c === 'settings:update' && JSON.stringify(a).includes('Nothing'))).toBe(
      false,
    );
  });
});
