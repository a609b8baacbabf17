/** What jsdom lacks and the pane's component tests need: ResizeObserver (Fluent UI) and File.arrayBuffer(). */

/** Installs a do-nothing ResizeObserver when the environment has none. */
export function installResizeObserver(): void {
  globalThis.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

/** A File holding `bytes`, with the arrayBuffer() a browser's File has. */
export function fileOf(name: string, bytes: Uint8Array): File {
  const file = new File([bytes as BlobPart], name);
  Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  return file;
}

/** jsdom under Jest has no TextEncoder/TextDecoder (every browser has): Node's, which are the same classes. */
export function installTextCoding(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const util = require("util") as typeof import("util");
  globalThis.TextEncoder ??= util.TextEncoder as unknown as typeof TextEncoder;
  globalThis.TextDecoder ??= util.TextDecoder as unknown as typeof TextDecoder;
}
