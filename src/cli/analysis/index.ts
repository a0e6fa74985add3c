/**
 * Analysis subcommands over saved run folders: `lmc`, `landscape`, `correlation`, registered in
 * src/cli/main.ts COMMANDS.
 */
export { lmcCommand } from './lmc-command';
export { landscapeCommand } from './landscape-command';
export { correlationCommand } from './correlation-command';
