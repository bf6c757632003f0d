import { Command, CommanderError } from 'commander';
import pkg from '../../package.json';
import { registerContent } from './commands/content';
import { registerPolicy } from './commands/policy';
import { registerPreview } from './commands/preview';
import { registerSimulate } from './commands/simulate';
import { registerStats } from './commands/stats';

/** The `unhunch` command line: one program, a file per command under ./commands. */
export function buildProgram(): Command {
  const program = new Command('unhunch')
    .description('Unhunch: breaks, stretches and safe heat/ice timers for a healthier upper back')
    .version(pkg.version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError();
  registerSimulate(program);
  registerPreview(program);
  registerContent(program);
  registerPolicy(program);
  registerStats(program);
  return program;
}

export async function main(
  argv: string[],
  stderr: (text: string) => void = (text) => process.stderr.write(text),
): Promise<number> {
  const program = buildProgram().exitOverride();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    const code = (error as { exitCode?: number }).exitCode;
    // Commander has printed its own message (unknown option, --help, --version).
    if (error instanceof CommanderError && typeof code === 'number') return code === 1 ? 2 : code;
    // Anything else is a fault of ours: never an exit without saying why.
    const message = error instanceof Error ? error.message : String(error);
    stderr(
      `unhunch: ${message}\nThis is a fault in Unhunch; please report it with the command you ran.\n`,
    );
    return 2;
  }
}
