/** The shells images ship, from the shell package (ash = busybox sh; bash and dash for Debian-based images). */
export { ash, bash, dash } from '../shell/index.js';
