/**
 * What the panel does with what its agents do: each frame is forwarded first (proxy mode), then
 * logged line by line beside the forwarding, never in its path; comings and goings are noted and
 * what each agent left behind is settled.
 */
import type { SessionInfo } from '../../common/agents.js';
import type { AgentReports } from './agent-reports.js';
import type { AgentServerHandlers } from './agent-server.js';
import type { AudioStreamer } from './audio-stream.js';
import type { AvatarControl } from './avatar-control.js';
import type { MessageLog } from './message-log.js';
import type { AgentProxy } from './proxy.js';
import type { SceneTracker } from './scene.js';
import type { Speaker } from './speech/speaker.js';
import type { UiBudget } from './ui-budget.js';
import type { UiUpdates } from './ui-updates.js';

/** The services the feed hands what agents do to. */
export interface FeedParts {
  log: MessageLog;
  uiBudget: UiBudget;
  reports: AgentReports;
  scene: SceneTracker;
  ui: UiUpdates;
  proxy: AgentProxy;
  audio: AudioStreamer;
  avatar: AvatarControl;
  speech: Speaker;
}

export function agentFeed(parts: FeedParts): AgentServerHandlers {
  const { log, uiBudget, reports, scene, ui, proxy, audio, avatar, speech } = parts;
  /** Whether the agent frame being split into lines right now reached the dialogue server. */
  let frameForwarded = true;
  let loggingFailed = false;

  /** Per-line bookkeeping; an error in it is reported once and never reaches the connection. */
  const besideForwarding = (work: () => void): void => {
    try {
      work();
    } catch (error) {
      if (loggingFailed) return;
      loggingFailed = true;
      console.error('Remote Panel: logging a message failed; forwarding and the connection go on.', error);
    }
  };

  const remote = (s: SessionInfo): string => `${s.remoteAddress}:${s.remotePort}`;

  return {
    onOpen: (s) => {
      log.notice(
        'status',
        { key: s.isMMDAgent ? 'agentConnected' : 'clientConnected', params: { remote: remote(s), id: s.id } },
        s.id,
      );
      proxy.agentOpened(s.id);
      ui.sessionsNow();
    },
    /* Forwarding comes first; the per-line logging below runs beside it, never in its path. */
    onFrame: (s, data, binary) => {
      frameForwarded = proxy.fromAgent(s.id, data, binary);
    },
    onLine: (s, line) =>
      besideForwarding(() => {
        const message = reports.note(s.id, log.incoming(s.id, line, uiBudget.take(s.id), frameForwarded));
        if (message !== null && scene.observe(s.id, message)) ui.sceneChanged();
        if (message !== null) speech.observe(s.id, message);
        ui.sessionsChanged();
      }),
    onBinary: (s, length, preview) =>
      besideForwarding(() => {
        log.incomingBinary(s.id, length, preview);
        ui.sessionsChanged();
      }),
    onClose: (s, why) => {
      proxy.agentClosed(s.id);
      log.sessionClosed(s.id);
      audio.sessionClosed(s.id);
      avatar.forget(s.id);
      const hidden = uiBudget.forget(s.id);
      if (hidden > 0) log.notice('error', { key: 'hiddenOnLeave', params: { n: hidden, id: s.id } }, s.id);
      if (scene.drop(s.id)) ui.sceneChanged();
      reports.forget(s.id);
      log.notice('status', { key: 'agentLeft', params: { id: s.id, remote: remote(s), ...why } }, s.id);
      ui.sessionsNow();
    },
    onResponsive: (s, ok) => {
      log.notice(ok ? 'status' : 'error', { key: ok ? 'pingsBack' : 'pingsMissed', params: { id: s.id } }, s.id);
      ui.sessionsChanged();
    },
    onRejected: (why, remoteAddress) =>
      log.notice('error', { key: 'rejected', params: { remote: remoteAddress, ...why } }),
  };
}
