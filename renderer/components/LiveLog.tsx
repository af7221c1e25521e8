import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { LogEntry } from '../../common/contract';
import { usePanel } from '../store';
import { useLang, useT } from './use-t';
import { LogRow } from './LogRow';

const ROW_HEIGHT = 26;

/** Index of the first entry with id > `id` (entries are in id order). */
function firstAfter(rows: readonly LogEntry[], id: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.id <= id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The live log, virtualized so only the rows in view exist in the DOM. It follows
 * the bottom only while the user is there; otherwise it offers a jump button.
 */
export function LiveLog() {
  const revision = usePanel((s) => s.logRevision);
  const frozen = usePanel((s) => s.frozen);
  const everMulti = usePanel((s) => s.everMulti);
  const proxy = usePanel((s) => s.settings?.upstreamEnabled === true);
  const lang = useLang();
  const highlight = usePanel((s) => s.highlight);
  const selectedId = usePanel((s) => s.selectedId);
  const select = usePanel((s) => s.select);
  const t = useT();
  const log = usePanel((s) => s.log);
  const viewing = usePanel((s) => s.viewing);
  const rows = viewing ? viewing.log.view : (frozen ?? log.view);
  const scroller = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const [seenId, setSeenId] = useState<number | null>(null);

  /* The virtualizer re-renders through its own state; nothing here is memoized by the compiler. */
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 16,
  });

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && following.current) el.scrollTop = el.scrollHeight;
  }, [revision, rows.length]);

  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const atBottom = el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_HEIGHT / 2;
    if (atBottom !== following.current) {
      following.current = atBottom;
      const st = usePanel.getState();
      const view = st.viewing ? st.viewing.log.view : (st.frozen ?? st.log.view);
      setSeenId(atBottom ? null : (view[view.length - 1]?.id ?? 0));
    }
  }, []);

  const jump = (): void => {
    following.current = true;
    setSeenId(null);
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
  };

  const unseen = seenId === null ? 0 : rows.length - firstAfter(rows, seenId);

  return (
    <div className="log-wrap">
      <div ref={scroller} className={`log${proxy ? ' proxied' : ''}`} role="log" aria-label={t('log.name')} tabIndex={0} onScroll={onScroll}>
        {rows.length === 0 && <div className="log-empty">{t('log.empty')}</div>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => (
            <div key={rows[item.index]!.id} className="row-slot" style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
              <LogRow
                entry={rows[item.index]!}
                showSession={everMulti}
                proxy={proxy}
                revision={rows[item.index]!.delivery ? revision : 0}
                lang={lang}
                highlight={highlight}
                selected={rows[item.index]!.id === selectedId}
                onSelect={select}
              />
            </div>
          ))}
        </div>
      </div>
      {unseen > 0 && (
        <button type="button" className="jump" onClick={jump}>
          {t('log.unseen', { n: unseen.toLocaleString() })}
        </button>
      )}
    </div>
  );
}
