import { useState, type DragEvent } from 'react';
import { modelKey } from '../../common/avatar';
import { loadModelFiles } from '../actions/model-files';
import { savePrefs } from '../actions/prefs';
import { useStore } from '../store';
import {
  selectAudioAgentId,
  selectAvatarModels,
  selectModelAlias,
  selectModelKeyFor,
  selectReportedModelFile,
} from '../store/selectors';
import { AvatarActions } from './AvatarActions';
import { FacePresets } from './FacePresets';
import { FaceSliders } from './FaceSliders';
import { FilePickButton } from './FilePickButton';
import { TargetPicker } from './TargetPicker';
import { useT, useWording } from './use-t';

/**
 * The avatar of the chosen agent: its model's actions, a face that holds, and presets. MMDAgent-EX
 * never reports a model's morphs or actions, so they come from the model's own files, given here.
 */
export function AvatarRegion() {
  const t = useT();
  const word = useWording();
  const agentId = useStore(selectAudioAgentId);
  const alias = useStore(selectModelAlias);
  const key = useStore((s) => selectModelKeyFor(s, agentId, alias));
  const models = useStore(selectAvatarModels);
  const reported = useStore((s) => selectReportedModelFile(s, agentId, alias));
  const message = useStore((s) => s.avatarMessage);
  const [over, setOver] = useState(false);
  const profile = key ? models[key] : undefined;

  const onDrop = (e: DragEvent): void => {
    e.preventDefault();
    setOver(false);
    void loadModelFiles(Array.from(e.dataTransfer.files));
  };
  return (
    <section
      className={`card avatar${over ? ' drop-over' : ''}`}
      role="region"
      aria-label={t('avatar.name')}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <div className="avatar-head">
        <TargetPicker className="input compact" label={t('avatar.agent')} />
        <AliasPicker agentId={agentId} alias={alias} />
        <FilePickButton
          label={t('avatar.files')}
          inputLabel={t('avatar.filesInput')}
          accept=".pmd,.pmx,.shapemap"
          title={t('avatar.filesHint')}
          multiple
          onFile={(_, all) => void loadModelFiles(all)}
        />
      </div>
      <ModelLine agentId={agentId} alias={alias} chosen={key} reported={reported} />
      {agentId === null && <p className="hint">{t('avatar.chooseAgent')}</p>}
      {message && (
        <p className={message.error ? 'text-error' : 'hint'} role={message.error ? 'alert' : 'status'}>
          {word(message.words)}
        </p>
      )}
      {!profile && <p className="hint">{t('avatar.noFiles')}</p>}
      {profile && <AvatarActions agentId={agentId} alias={alias} profile={profile} />}
      {profile && <FaceSliders agentId={agentId} alias={alias} profile={profile} />}
      <FacePresets />
    </section>
  );
}

/** The model alias the region drives (the same one audio moves), from what the agent has loaded. */
function AliasPicker({ agentId, alias }: { agentId: number | null; alias: string }) {
  const t = useT();
  const loaded = useStore((s) => (agentId === null ? undefined : s.scene[agentId]?.models));
  const aliases = [...new Set([...(loaded ?? []), alias])];
  return (
    <select
      className="input compact"
      aria-label={t('avatar.model')}
      value={alias}
      onChange={(e) => void savePrefs({ modelAlias: e.target.value })}
    >
      {aliases.map((a) => (
        <option key={a} value={a}>
          {a}
        </option>
      ))}
    </select>
  );
}

/** Which files the region uses for this model, and what to do when they are not the ones the agent loaded. */
function ModelLine({
  agentId,
  alias,
  chosen,
  reported,
}: {
  agentId: number | null;
  alias: string;
  chosen: string | null;
  reported: string | null;
}) {
  const t = useT();
  const models = useStore(selectAvatarModels);
  const chooseModel = useStore((s) => s.chooseModel);
  const keys = Object.keys(models).sort();
  const profile = chosen ? models[chosen] : undefined;
  const matches = reported !== null && chosen === modelKey(reported);
  return (
    <div className="avatar-model">
      {profile && (
        <span className="muted">
          {t('avatar.using', {
            name: profile.file,
            morphs: profile.morphs.length,
            actions: profile.shapemap?.actions.length ?? 0,
            exmorphs: profile.shapemap?.exmorphs.length ?? 0,
          })}
        </span>
      )}
      {reported !== null && !matches && <span className="hint">{t('avatar.reported', { file: reported, alias })}</span>}
      {reported === null && agentId !== null && keys.length > 1 && (
        <select
          className="input compact"
          aria-label={t('avatar.whichModel')}
          value={chosen ?? ''}
          onChange={(e) => chooseModel(agentId, alias, e.target.value)}
        >
          {keys.map((k) => (
            <option key={k} value={k}>
              {models[k]!.file}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
