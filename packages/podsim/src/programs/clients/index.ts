/**
 * Client tools that are packages of their own, not coreutils or busybox applets: the reader's
 * machine has them, and package managers install them into containers. Their code is a lazy part
 * (clients.lazy.ts); the names are here at once for $PATH and Tab completion.
 */
import type { Program } from '../../kernel/process.js';
import { lazyPrograms } from '../../kernel/lazy-program.js';
import { LazyPart } from '../../lazy/part.js';
import clients from './clients.lazy.js';

export const LAZY_CLIENTS = new LazyPart('client-tools', clients);

export const CLIENT_PROGRAMS: Record<string, Program> = lazyPrograms(LAZY_CLIENTS, ['jq', 'mongosh', 'mysql', 'psql', 'openssl', 'redis-cli', 'dig', 'host', 'nslookup']);

/** busybox's ping applet, whose code lives with the client tools: most sessions never ping. */
export const PING: Program = lazyPrograms(LAZY_CLIENTS, ['ping']).ping;

/** busybox's ip applet, also with the client tools: most sessions never look at their interfaces. */
export const BUSYBOX_IP: Program = lazyPrograms(LAZY_CLIENTS, ['busybox-ip'])['busybox-ip'];

/** What the iputils and iproute2 packages install under those names, in place of busybox's applets. */
const PACKAGED = lazyPrograms(LAZY_CLIENTS, ['iputils-ping', 'iproute2-ip']);
export const PACKAGE_PROGRAMS: Record<string, Program> = { ping: PACKAGED['iputils-ping'], ip: PACKAGED['iproute2-ip'] };
