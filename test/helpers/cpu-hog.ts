/**
 * The CPU hog for networking tests (the project's rule: start peers under load on both cores
 * too): one busy child process per core, each spinning until stopped, and ending by itself if
 * the test process dies first. One implementation, shared with the soak (scripts/soak/cpu-hog.ts).
 */
export { startCpuHog, type CpuHog } from '../../scripts/soak/cpu-hog.ts'
