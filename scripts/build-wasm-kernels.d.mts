/** Types of scripts/build-wasm-kernels.mjs, for the TypeScript tests. */
export const KERNEL_DIRS: string[];
export function watSources(): [string, string][];
export function compileWat(file: string): Promise<string>;
export function generatedModule(name: string, base64: string): string;
