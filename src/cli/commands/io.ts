import { readFile } from 'node:fs/promises';

/** What a command needs of the world, so tests can call it with strings. */
export interface CliIo {
  /** Reads a file, or standard input for `-`. */
  readFile(path: string): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

export function processIo(): CliIo {
  return {
    readFile: (path) => (path === '-' ? readStdin() : readFile(path, 'utf8')),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
}

/** Exit code for input the command cannot use: a malformed scenario, settings or policy. */
export const EXIT_BAD_INPUT = 2;

export type JsonRead = { ok: true; value: unknown } | { ok: false; message: string };

/** Read and parse a JSON file; the message says which file and what went wrong. */
export async function readJson(io: CliIo, path: string, what: string): Promise<JsonRead> {
  const name = path === '-' ? 'standard input' : path;
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (error) {
    return { ok: false, message: `cannot read the ${what} ${name}: ${(error as Error).message}` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return {
      ok: false,
      message: `the ${what} ${name} is not valid JSON: ${(error as Error).message}`,
    };
  }
}
