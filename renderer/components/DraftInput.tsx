import { useState, type InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'onBlur' | 'defaultValue'> & {
  saved: string;
  /** Called on blur or Enter with the trimmed text, when it differs from `saved`. */
  onCommit(value: string): void;
};

/**
 * A text box over a saved setting: typing changes only the box, leaving it or pressing Enter
 * saves. Render it with `key={saved}` so a value saved elsewhere replaces the draft.
 */
export function DraftInput({ saved, onCommit, onKeyDown, ...rest }: Props) {
  const [draft, setDraft] = useState(saved);
  const commit = (): void => {
    if (draft.trim() !== saved) onCommit(draft.trim());
  };
  return (
    <input
      {...rest}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        onKeyDown?.(e);
      }}
    />
  );
}
