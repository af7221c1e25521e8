/**
 * What the panel does with what its agents do: each frame is forwarded first (proxy mode), then
 * logged line by line beside the forwarding, never in its path; comings and goings are noted and
 * what each agent left behind is settled.
 */
import { readablePath } from '../../common/agent-names.js';
import type { AgentInfo } from '../../common/agents.js';
import type { Reason } from '../../common/problems.js';
import type { AgentReports } from './agent-reports.js';
import type { AgentServerHandlers } from './agent-events.js';
import type { AudioStreamer } from './audio-stream.js';
import type { AvatarControl } from './avatar-control.js';
import type { AvatarDriver } from './avatar-driver.js';
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
  /** The faces the panel holds: an agent that left takes its holds with it. */
  faces: Pick<AvatarDriver, 'forget'>;
  speech: Speaker;
  /** An agent left or stopped answering (or answers again): the operator's alert. */
  alert(agent: AgentInfo, kind: 'left' | 'silent' | 'back', reason?: Reason): void;
}

export function agentFeed(parts: FeedParts): AgentServerHandlers {
  const { log, uiBudget, reports, scene, ui, proxy, audio, avatar, faces, speech, alert } = parts;
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

  const remote = (s: AgentInfo): string => `${s.remoteAddress}:${s.remotePort}`;

  return {
    onOpen: (s) => {
      log.notice(
        'status',
        {
          key: s.isMMDAgent ? 'agentConnected' : 'clientConnected',
          params: { remote: remote(s), path: readablePath(s.path), agentId: s.agentId },
        },
        s.agentId,
      );
      proxy.agentOpened(s.agentId);
      ui.agentsNow();
    },
    /* Forwarding comes first; the per-line logging below runs beside it, never in its path. */
    onFrame: (s, data, binary) => {
      frameForwarded = proxy.fromAgent(s.agentId, data, binary);
    },
    onLine: (s, line) =>
      besideForwarding(() => {
        const message = reports.note(
          s.agentId,
          log.incoming(s.agentId, line, uiBudget.take(s.agentId), frameForwarded),
        );
        if (message !== null && scene.observe(s.agentId, message)) ui.sceneChanged();
        if (message !== null) speech.observe(s.agentId, message);
        ui.agentsChanged();
      }),
    onBinary: (s, length, preview) =>
      besideForwarding(() => {
        log.incomingBinary(s.agentId, length, preview);
        ui.agentsChanged();
      }),
    onClose: (s, why) => {
      proxy.agentClosed(s.agentId);
      log.agentLeft(s.agentId);
      audio.agentLeft(s.agentId);
      avatar.forget(s.agentId);
      faces.forget(s.agentId);
      const hidden = uiBudget.forget(s.agentId);
      if (hidden > 0)
        log.notice('error', { key: 'hiddenOnLeave', params: { n: hidden, agentId: s.agentId } }, s.agentId);
      if (scene.drop(s.agentId)) ui.sceneChanged();
      reports.forget(s.agentId);
      log.notice('status', { key: 'agentLeft', params: { agentId: s.agentId, remote: remote(s), ...why } }, s.agentId);
      /* The operator closed it: they know. */
      if (why.reason !== 'operator' && why.reason !== 'listenerStopped') alert(s, 'left', why);
      ui.agentsNow();
    },
    onResponsive: (s, ok) => {
      log.notice(
        ok ? 'status' : 'error',
        { key: ok ? 'pingsBack' : 'pingsMissed', params: { agentId: s.agentId } },
        s.agentId,
      );
      alert(s, ok ? 'back' : 'silent');
      ui.agentsChanged();
    },
    onRejected: (why, remoteAddress) =>
      log.notice('error', { key: 'rejected', params: { remote: remoteAddress, ...why } }),
  };
}
