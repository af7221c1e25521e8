/** Protocol and quick-command problems, worded in the UI's language (the core's checks are the same code). */
import type { QuickCommand } from '../../electron/contract';
import { parseSteps, type StepProblem } from '../../electron/shared/quick-commands';
import { lineProblem } from '../../electron/shared/wire-rules';
import { assertNever } from '../../electron/shared/assert-never';
import type { Translate } from './index';

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
    default:
      return assertNever(p);
  }
}

/** The first line of composed text that breaks a protocol rule, in words; null when all pass. */
export function composeProblem(text: string, t: Translate): string | null {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  if (lines.length === 0) return t('wire.empty');
  for (let i = 0; i < lines.length; i++) {
    const p = lineProblem(lines[i]!);
    if (p) return lines.length === 1 ? problemText(p, t) : t('wire.atLine', { line: i + 1, problem: problemText(p, t) });
  }
  return null;
}

/** Why a quick command cannot be saved, in words; null when it can. */
export function commandProblem(c: QuickCommand, t: Translate): string | null {
  if (c.label.trim() === '') return t('editor.needLabel');
  const steps = parseSteps(c.lines);
  if (!steps.ok) return steps.problem.code === 'no-message' ? problemText(steps.problem, t) : t('wire.atLine', { line: steps.line, problem: problemText(steps.problem, t) });
  return null;
}
