export declare const electronMissingMessage: string;

export declare function findElectronBinary(
  projectDir: string,
  env?: NodeJS.ProcessEnv,
  platform?: NodeJS.Platform,
): string | null;
