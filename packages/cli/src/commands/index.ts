import type { Command } from './command';

/** Every command of the CLI, in the order `switchyard --help` lists them. */
export const commands: Command[] = [];
