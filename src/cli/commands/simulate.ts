import type { Command } from 'commander';
import { simulate } from '../../app/simulate';
import { type CliIo, EXIT_BAD_INPUT, processIo, readJson } from './io';

/**
 * `unhunch simulate FILE|-`: the JSON timeline of a scenario (docs/simulate.md). A
 * malformed scenario exits 2 naming each JSON path, and prints nothing on stdout.
 */
export async function runSimulate(args: { file: string }, io: CliIo): Promise<number> {
  const read = await readJson(io, args.file, 'scenario');
  if (!read.ok) {
    io.stderr(`unhunch simulate: ${read.message}\n`);
    return EXIT_BAD_INPUT;
  }
  const outcome = simulate(read.value);
  if (!outcome.ok) {
    io.stderr(
      `unhunch simulate: the scenario is malformed:\n${outcome.errors.map((e) => `  ${e}\n`).join('')}` +
        'See docs/simulate.md for the format.\n',
    );
    return EXIT_BAD_INPUT;
  }
  io.stdout(`${JSON.stringify(outcome.result, null, 2)}\n`);
  return 0;
}

export function registerSimulate(program: Command, io: CliIo = processIo()): Command {
  return program
    .command('simulate')
    .description('run a scenario on a virtual clock and print the JSON timeline of breaks')
    .argument('<file>', 'scenario JSON file, or - for standard input')
    .action(async (file: string) => {
      process.exitCode = await runSimulate({ file }, io);
    });
}
