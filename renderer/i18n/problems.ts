/** Protocol and quick-command problems, worded in the UI's language (the core's checks are the same code). */
import type { QuickCommand } from '../../common/contract';
import { commandProblem as findCommandProblem, type CommandProblem, type QuickSetError, type StepProblem } from '../../common/quick-commands';
import { lineProblem } from '../../common/wire-rules';
import { assertNever } from '../../common/assert-never';
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

function commandProblemText(p: CommandProblem, t: Translate): string {
  switch (p.code) {
    case 'label-empty':
      return t('editor.needLabel');
    case 'label-long':
      return t('editor.labelLong');
    case 'color':
      return t('editor.badColour');
    case 'lines':
      return p.problem.code === 'no-message' ? problemText(p.problem, t) : t('wire.atLine', { line: p.line, problem: problemText(p.problem, t) });
    default:
      return assertNever(p);
  }
}

/** Why a quick command cannot be saved, in words; null when it can. */
export function commandProblem(c: QuickCommand, t: Translate): string | null {
  const found = findCommandProblem(c);
  return found ? commandProblemText(found.problem, t) : null;
}

/** Why an imported file is not a quick-command set, in words. */
export function setProblemText(e: QuickSetError, t: Translate): string {
  const p = e.problem;
  switch (p.code) {
    case 'not-set':
      return t('quick.notSet');
    case 'no-name':
      return t('quick.noName');
    case 'no-commands':
      return t('quick.noCommands');
    case 'command':
      return t('quick.badCommand', { n: p.index, label: p.label ? ` (“${p.label}”)` : '', problem: commandProblemText(p.problem, t) });
    default:
      return assertNever(p);
  }
}
