/**
 * Client tools that are packages of their own, not coreutils or busybox applets: the reader's
 * machine has them, and package managers install them into containers.
 */
import type { Program } from '../../kernel/process.js';
import { jq } from './jq.js';
import { mongosh } from './mongosh.js';
import { openssl } from './openssl.js';
import { redisCli } from './redis-cli.js';

export const CLIENT_PROGRAMS: Record<string, Program> = {
  jq,
  mongosh,
  openssl,
  'redis-cli': redisCli,
};
