import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { formatCount } from '../lib/format';
import { rowWindow } from '../log/row-window';
import { useStore } from '../store';
import { selectProxyOn } from '../store/selectors';
import { useLang, useT } from './use-t';
import { LogRow } from './LogRow';

const NO_LABELS: Readonly<Record<number, string>> = {};

const ROW_HEIGHT = 26;
/** How long after a wheel turn or a key its scroll events count as the user's (smooth scrolling spreads them out). */
const USER_SCROLL_MS = 300;
/** Rows rendered beyond the view: enough for a wheel turn or a page key before the next render. */
const OVERSCAN = 16;
/**
 * While following, only a wheel turn's worth above the view: every batch moves the window, and
 * each row it renders is one more to lay out and paint in every frame of a flood.
 */
const FOLLOW_OVERSCAN = 4;

/**
 * The rows from `first` to `end` in the order of their slots (index modulo the window's size). A
 * row keeps its slot while it is in view and a new row takes the slot the row leaving it had, in
 * place: its elements are updated instead of removed and created, and none move.
 */
function slotOrder(first: number, end: number): number[] {
  const size = end - first;
  const out = new Array<number>(size);
  const zero = first + ((size - (first % size)) % size);
  for (let k = 0; k < size; k++) out[k] = zero + k < end ? zero + k : zero + k - size;
  return out;
}

/**
 * The live log, virtualized so only the rows in view exist in the DOM. It follows
 * the bottom only while the user is there; otherwise it offers a jump button.
 */
export function LiveLog() {
  const revision = useStore((s) => s.logRevision);
  const frozen = useStore((s) => s.frozen);
  const everMulti = useStore((s) => s.everMulti);
  const proxy = useStore(selectProxyOn);
  const lang = useLang();
  const liveLabels = useStore((s) => s.agentLabels);
  const highlight = useStore((s) => s.highlight);
  const selectedId = useStore((s) => s.selectedId);
  const select = useStore((s) => s.select);
  const t = useT();
  const log = useStore((s) => s.log);
  const viewing = useStore((s) => s.viewing);
  const rows = viewing ? viewing.log.view : (frozen ?? log.view);
  /* An opened log is another run's: its agent numbers are not today's, so today's names do not apply. */
  const labels = viewing ? NO_LABELS : liveLabels;
  const scroller = useRef<HTMLDivElement>(null);
  /* Following the bottom is state, so the rows in view are known while rendering, without reading layout. */
  const [following, setFollowing] = useState(true);
  const followingNow = useRef(true);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(800);
  const [seenId, setSeenId] = useState<number | null>(null);
  /* The user is about to scroll up: the rows above the view are rendered before the scroll shows them. */
  const [reaching, setReaching] = useState(false);
  const win = rowWindow(
    rows.length,
    scrollTop,
    height,
    ROW_HEIGHT,
    following && !reaching ? FOLLOW_OVERSCAN : OVERSCAN,
    following,
  );

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  /*
   * The log is laid out from the bottom (column-reverse): its scroll position counts from the bottom,
   * so following the newest row needs no scrolling at all. Scrolling it after every batch cost a
   * layout and then a frame of its own for the scroll event, on the thread that takes the batches.
   * Scrolled up, the view is held where it is: rows added at the bottom are scrolled back over.
   */
  const offBottom = useRef(false);
  const shown = useRef<{ source: unknown; lastId: number | undefined }>({ source: null, lastId: undefined });
  useLayoutEffect(() => {
    const el = scroller.current;
    const source = viewing ?? frozen ?? log;
    const before = shown.current.source === source ? shown.current.lastId : undefined;
    shown.current = { source, lastId: rows.at(-1)?.id };
    if (!el) return;
    if (following) {
      if (offBottom.current) {
        el.scrollTop = 0;
        offBottom.current = false;
      }
      return;
    }
    const added = before === undefined ? 0 : rows.length - rows.indexAfter(before);
    if (added > 0) el.scrollTop -= added * ROW_HEIGHT;
  });

  /*
   * Only the user leaves the bottom: a wheel or key scroll up, or a drag of the scrollbar. A scroll
   * event alone may be the panel's own, or the browser clamping after old rows were trimmed,
   * reported after more rows arrived; read as "the user left", it turned following off in a flood.
   */
  const userUntil = useRef(0);
  const dragging = useRef(false);
  const userScrolls = (): void => {
    userUntil.current = performance.now() + USER_SCROLL_MS;
    setReaching(true);
  };
  const onWheel = (e: React.WheelEvent): void => {
    if (e.deltaY < 0) userScrolls();
  };
  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.key === 'ArrowUp' || e.key === 'PageUp' || e.key === 'Home' || (e.key === ' ' && e.shiftKey)) userScrolls();
  };
  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>): void => {
    /* On the scrollbar, which lies past the content box. */
    if (e.target !== e.currentTarget || e.nativeEvent.offsetX < e.currentTarget.clientWidth) return;
    dragging.current = true;
    setReaching(true);
    window.addEventListener('pointerup', () => (dragging.current = false), { once: true });
  };

  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    /* 0 at the bottom, negative above it. */
    offBottom.current = el.scrollTop !== 0;
    if (!offBottom.current) setReaching(false);
    if (followingNow.current && !dragging.current && performance.now() > userUntil.current) return;
    const st = useStore.getState();
    const view = st.viewing ? st.viewing.log.view : (st.frozen ?? st.log.view);
    const atBottom = el.scrollTop >= -ROW_HEIGHT / 2;
    if (!atBottom) setScrollTop(el.scrollHeight - el.clientHeight + el.scrollTop);
    if (atBottom === followingNow.current) return;
    followingNow.current = atBottom;
    setFollowing(atBottom);
    setSeenId(atBottom ? null : (view.at(-1)?.id ?? 0));
  }, []);

  const jump = (): void => {
    offBottom.current = true;
    followingNow.current = true;
    setFollowing(true);
    setSeenId(null);
    setReaching(false);
  };

  const unseen = seenId === null ? 0 : rows.length - rows.indexAfter(seenId);

  return (
    <div className="log-wrap">
      <div
        ref={scroller}
        className={`log${proxy ? ' proxied' : ''}`}
        role="log"
        aria-label={t('log.name')}
        tabIndex={0}
        onScroll={onScroll}
        onWheel={onWheel}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
      >
        {rows.length === 0 && <div className="log-empty">{t('log.empty')}</div>}
        <div className="log-rows" style={{ height: win.total }}>
          {slotOrder(win.first, win.end).map((index) => {
            const entry = rows.at(index)!;
            return (
              <LogRow
                key={index % (win.end - win.first)}
                top={index * ROW_HEIGHT}
                entry={entry}
                showAgent={everMulti || Object.keys(labels).length > 0}
                proxy={proxy}
                revision={entry.delivery ? revision : 0}
                lang={lang}
                labels={labels}
                highlight={highlight}
                selected={entry.id === selectedId}
                onSelect={select}
              />
            );
          })}
        </div>
      </div>
      {unseen > 0 && (
        <button type="button" className="jump" onClick={jump}>
          {t('log.unseen', { n: formatCount(unseen) })}
        </button>
      )}
    </div>
  );
}
