/**
 * The languages a browser asks for, most preferred first: "de-AT,de;q=0.9,en;q=0.8"
 * -> ["de-AT", "de", "en"]. For the web host, the browser is the person's system.
 * Malformed entries and `*` are dropped; q=0 means "not this one".
 */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params
        .map((param) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(param)?.[1])
        .find((value) => value !== undefined);
      return { tag: tag.trim(), quality: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ tag, quality }) => tag !== '' && tag !== '*' && quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map(({ tag }) => tag);
}

/** The system's languages as POSIX hosts name them (LC_ALL, LC_MESSAGES, LANG, LANGUAGE). */
export function environmentLanguages(env: NodeJS.ProcessEnv): string[] {
  const first = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return [...(first ? [first] : []), ...(env.LANGUAGE?.split(':') ?? [])].filter(Boolean);
}
