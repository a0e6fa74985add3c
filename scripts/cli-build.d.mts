/** Types of scripts/cli-build.mjs (the CLI's one-file build), for the TypeScript tests and benches. */
export interface BuildSpec {
  /** Output folder, relative to the checkout. */
  readonly outDir: string;
  /** Output name (without .js) → source file, relative to the checkout. */
  readonly entries: Readonly<Record<string, string>>;
}
export const REPO_ROOT: string;
export const CLI_BUILD: BuildSpec;
export function isStale(spec: BuildSpec): boolean;
export function buildCli(spec: BuildSpec): Promise<void>;
export function ensureBuilt(spec?: BuildSpec): Promise<string>;
