import { calibrateCommand } from './calibrate';
import type { Command } from './command';
import { planCommand } from './plan';
import { reportCommand } from './report';

/** Every command of the CLI, in the order `switchyard --help` lists them. */
export const commands: Command[] = [reportCommand, planCommand, calibrateCommand];
