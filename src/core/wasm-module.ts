/**
 * Compiling the lab's hand-written WebAssembly kernels (es/wasm/, nets/wasm/; docs/ARCHITECTURE.md "Hand-
 * written wasm kernels"): each generated module carries its binary as base64, compiled here once, on first
 * use, synchronously (the modules are a few KB, which browsers allow on any thread).
 */

/** A getter of the compiled module, or of null where this engine cannot run it (no WebAssembly or SIMD). */
export function lazyWasmModule(base64: string): () => WebAssembly.Module | null {
  let compiled: WebAssembly.Module | null | undefined;
  return () => {
    if (compiled === undefined) {
      try {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        compiled = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
      } catch {
        compiled = null; // the callers keep their previous routes
      }
    }
    return compiled;
  };
}
