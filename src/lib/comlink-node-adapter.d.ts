// comlink ships its Node adapter as dist/esm/node-adapter.mjs with the types beside it as node-adapter.d.ts,
// which TypeScript does not pair with an .mjs import: this names them for it.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  export { default } from 'comlink/dist/esm/node-adapter';
}
