import { useState, type FormEvent, type ReactNode } from 'react';
import type { TypeChip } from '../../common/log';
import { useT } from './use-t';
import { useStore } from '../store';

/** The core keeps at most this many chips, each a message type of at most this many characters. */
export const MAX_CHIPS = 200;
export const MAX_TYPE = 200;

/** Message-type chips: each hides a type or shows only such types; click flips, × removes. */
export function TypeChips({ children }: { children?: ReactNode }) {
  const t = useT();
  const types = useStore((s) => s.filters.types);
  const setFilters = useStore((s) => s.setFilters);
  const [draft, setDraft] = useState('');
  const [seen, setSeen] = useState<string[]>([]);

  const add = (e: FormEvent): void => {
    e.preventDefault();
    const type = draft.trim();
    if (!type || type.length > MAX_TYPE || types.length >= MAX_CHIPS || types.some((c) => c.type === type))
      return setDraft('');
    setFilters({ types: [...types, { type, mode: 'exclude' }] });
    setDraft('');
  };
  const flip = (chip: TypeChip): void =>
    setFilters({
      types: types.map((c) => (c === chip ? { ...c, mode: c.mode === 'exclude' ? 'include' : 'exclude' } : c)),
    });
  const remove = (chip: TypeChip): void => setFilters({ types: types.filter((c) => c !== chip) });

  return (
    <div className="type-chips" role="group" aria-label={t('chips.group')}>
      <span className="muted">{t('chips.label')}</span>
      {types.map((chip) => (
        <span key={chip.type} className={`type-chip ${chip.mode}`}>
          <button
            type="button"
            className="chip-body"
            onClick={() => flip(chip)}
            aria-label={t(chip.mode === 'exclude' ? 'chips.hidden' : 'chips.only', { type: chip.type })}
            title={t('chips.flipTitle')}
          >
            {chip.mode === 'exclude' ? '−' : '+'} {chip.type}
          </button>
          <button
            type="button"
            className="chip-x"
            onClick={() => remove(chip)}
            aria-label={t('chips.remove', { type: chip.type })}
          >
            ×
          </button>
        </span>
      ))}
      <form onSubmit={add} className="chip-add">
        <input
          className="input small"
          list="seen-types"
          value={draft}
          placeholder={t('chips.placeholder')}
          aria-label={t('chips.add')}
          spellCheck={false}
          onFocus={() => setSeen([...useStore.getState().log.types].sort())}
          onChange={(e) => setDraft(e.target.value)}
        />
        <datalist id="seen-types">
          {seen.map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
        <button type="submit" className="btn small">
          {t('chips.hide')}
        </button>
      </form>
      <div className="spacer" />
      {children}
    </div>
  );
}
