export { main } from './main';
export type { Command, CommandIo } from './commands/command';
