/** The shells images ship, from the shell package (ash = busybox sh, bash for Debian-based images). */
export { ash, bash } from '../shell/index.js';
