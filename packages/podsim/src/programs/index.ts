/**
 * The coreutils/busybox programs shared by container images and the reader's machine.
 * Adding a program = one file (or an entry in its family's file) + one line here.
 */
import { base64 } from './base64.js';
import type { Program } from '../kernel/process.js';
import { echo, falseProgram, hostname, id, pwd, seq, trueProgram, uname, whoami, yes } from './basic.js';
import { cat, less, more, tee } from './cat.js';
import { CHECKSUM_PROGRAMS } from './checksums.js';
import { curl } from './curl.js';
import { date } from './date.js';
import { df } from './df.js';
import { env, printenv } from './env.js';
import { cp, mkdir, mv, rm, rmdir, touch } from './files.js';
import { free } from './free.js';
import { getent } from './getent.js';
import { grep } from './grep.js';
import { cut } from './cut.js';
import { kill, killall } from './kill.js';
import { ls } from './ls.js';
import { nc } from './nc.js';
import { nslookup } from './nslookup.js';
import { basenameProgram, chmod, dirnameProgram, ln, which } from './paths.js';
import { printf } from './printf.js';
import { readlink } from './readlink.js';
import { ARCHIVE_TOOLS } from './archive-tools.js';
import { PROCESS_TOOLS } from './process-tools.js';
import { sed } from './sed.js';
import { sleep } from './sleep.js';
import { head, rev, sort, tail, uniq, wc } from './text.js';
import { tcpdump } from './tcpdump.js';
import { tr } from './tr.js';
import { wget } from './wget.js';
import { xargs } from './xargs.js';

export const PROGRAMS: Record<string, Program> = {
  base64,
  basename: basenameProgram,
  cat,
  chmod,
  cp,
  curl,
  cut,
  getent,
  date,
  df,
  dirname: dirnameProgram,
  echo,
  env,
  false: falseProgram,
  free,
  grep,
  head,
  hostname,
  id,
  kill,
  killall,
  less,
  ln,
  ls,
  lsof: PROCESS_TOOLS.lsof,
  ...CHECKSUM_PROGRAMS,
  mkdir,
  more,
  mv,
  nc,
  nslookup,
  printenv,
  printf,
  ps: PROCESS_TOOLS.ps,
  pwd,
  readlink,
  rm,
  rmdir,
  sed,
  seq,
  rev,
  sleep,
  sort,
  tail,
  tar: ARCHIVE_TOOLS.tar,
  tcpdump,
  tee,
  touch,
  tr,
  true: trueProgram,
  uname,
  uniq,
  wc,
  wget,
  which,
  whoami,
  xargs,
  yes,
};
