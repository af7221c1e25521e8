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
  onFile,
}: {
  label: string;
  inputLabel: string;
  accept: string;
  title?: string;
  onFile(file: File): void;
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
        aria-label={inputLabel}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onFile(f);
          e.target.value = '';
        }}
      />
    </>
  );
}
