/** A show file's problems in words: which cue, which step, what is wrong. */
import { assertNever } from '../../common/assert-never';
import type { CueProblem, CueStepProblem, ShowProblem } from '../../common/show';
import type { StepProblem } from '../../common/problems';
import type { Translate } from '.';
import { problemText } from './step-problems';

export function cueStepProblemText(p: CueStepProblem | StepProblem, t: Translate): string {
  switch (p.code) {
    case 'unknown-step':
      return t('show.unknownStep', { keys: p.keys || '—' });
    case 'line':
      return problemText(p.problem, t);
    case 'empty-list':
      return t('show.emptyList');
    case 'wait-ms':
      return t('show.waitMs');
    case 'wait-for':
      return t('show.waitFor');
    case 'regex':
      return t('show.regex', { detail: p.detail });
    case 'timeout':
      return t('show.timeout');
    case 'say':
      return t('show.say');
    case 'slot':
      return t('show.slot', { slot: p.slot });
    default:
      return problemText(p, t);
  }
}

function cueProblemText(p: CueProblem, t: Translate): string {
  switch (p.code) {
    case 'cue-name':
      return t('show.cueName');
    case 'continue':
      return t('show.continue');
    case 'no-steps':
      return t('show.noSteps');
    case 'step':
      return t('show.atStep', { step: p.step, problem: cueStepProblemText(p.problem, t) });
    default:
      return assertNever(p);
  }
}

export function showProblemText(p: ShowProblem, t: Translate): string {
  switch (p.code) {
    case 'not-json':
      return t('show.notJson', { detail: p.detail });
    case 'not-show':
      return t('show.notShow');
    case 'version':
      return t('show.version', { version: String(p.version) });
    case 'no-name':
      return t('show.noName');
    case 'no-cues':
      return t('show.noCues');
    case 'too-many':
      return t('show.tooMany', { max: p.max });
    case 'slots':
      return t('show.slots');
    case 'cue':
      return t('show.atCue', {
        cue: p.cue,
        name: p.name ? ` (“${p.name}”)` : '',
        problem: cueProblemText(p.problem, t),
      });
    default:
      return assertNever(p);
  }
}
