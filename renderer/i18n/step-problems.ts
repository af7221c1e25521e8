/** A command line's or a step's problem in words (the protocol rules and the step syntax). */
import { assertNever } from '../../common/assert-never';
import type { StepProblem } from '../../common/problems';
import type { Translate } from '.';

export function problemText(p: StepProblem, t: Translate): string {
  switch (p.code) {
    case 'empty':
      return t('wire.empty');
    case 'line-break':
      return t('wire.lineBreak');
    case 'snd':
      return t('wire.snd');
    case 'too-long':
      return t('wire.tooLong', { bytes: p.bytes, max: p.max });
    case 'wait-range':
      return t('steps.waitRange');
    case 'wait-syntax':
      return t('steps.waitSyntax');
    case 'no-message':
      return t('steps.noMessage');
    case 'say-empty':
      return t('steps.sayEmpty');
    case 'say-engine':
      return t('steps.sayEngine', { engine: p.engine });
    case 'say-long':
      return t('steps.sayLong', { max: p.max });
    case 'face-empty':
      return t('steps.faceEmpty');
    case 'action-empty':
      return t('steps.actionEmpty');
    case 'stream-empty':
      return t('steps.streamEmpty');
    default:
      return assertNever(p);
  }
}
