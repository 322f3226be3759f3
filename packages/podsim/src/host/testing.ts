/**
 * What tests outside the package may reach, as `podsim/testing`: the reader's machine's program
 * table (a test adds a program before it creates a sandbox) and the Program type.
 */
export type { Program } from '../kernel/process.js';
export { HOST_PROGRAMS } from './programs/index.js';
