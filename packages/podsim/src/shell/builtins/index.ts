/** The builtin table; adding a builtin is one line here. */
import { cd, echo, exit, falseBuiltin, loopControl, pwd, returnBuiltin, shift, trueBuiltin } from './basic.js';
import { bg, fg, jobs, kill, waitBuiltin } from './jobs.js';
import { commandBuiltin, evalBuiltin, exec, history, letBuiltin, source, trap, typeBuiltin } from './misc.js';
import { printf } from './printf.js';
import { test } from './test.js';
import type { Builtin } from './types.js';
import { alias, exportBuiltin, local, read, set, unalias, unset } from './vars.js';

export type { Builtin } from './types.js';

export const BUILTINS: Record<string, Builtin> = {
  ':': trueBuiltin,
  true: trueBuiltin,
  false: falseBuiltin,
  echo,
  printf,
  pwd,
  cd,
  exit,
  return: returnBuiltin,
  break: loopControl('break'),
  continue: loopControl('continue'),
  shift,
  export: exportBuiltin,
  unset,
  local,
  set,
  read,
  alias,
  unalias,
  test,
  '[': test,
  jobs,
  fg,
  bg,
  wait: waitBuiltin,
  kill,
  eval: evalBuiltin,
  source,
  '.': source,
  exec,
  trap,
  history,
  let: letBuiltin,
};
BUILTINS.type = typeBuiltin(BUILTINS);
BUILTINS.command = commandBuiltin(BUILTINS);
