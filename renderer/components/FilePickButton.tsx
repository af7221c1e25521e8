import { useRef } from 'react';

/**
 * A button of ours that opens the file picker: the native input's own words follow the
 * browser's language, not the panel's. The hidden input keeps its accessible name for tests
 * and assistive tools, and is cleared after each pick so the same file can be picked again.
 */
export function FilePickButton({
  label,
  inputLabel,
  accept,
  title,
  multiple = false,
  onFile,
}: {
  label: string;
  inputLabel: string;
  accept: string;
  title?: string;
  /** Several files at once: `onFile` gets them together. */
  multiple?: boolean;
  onFile(file: File, all: File[]): void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="btn small" onClick={() => input.current?.click()} title={title}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept={accept}
        multiple={multiple}
        aria-label={inputLabel}
        onChange={(e) => {
          const all = Array.from(e.target.files ?? []);
          if (all[0]) onFile(all[0], all);
          e.target.value = '';
        }}
      />
    </>
  );
}
