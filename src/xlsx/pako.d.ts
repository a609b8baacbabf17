/** The part of pako 1.0 (installed with JSZip, which ExcelJS uses) that src/xlsx streams through. */
declare module "pako" {
  /** A streaming inflater; `onData` receives each output chunk (overriding it keeps nothing in memory). */
  export class Inflate {
    constructor(options?: { raw?: boolean; chunkSize?: number });
    onData: (chunk: Uint8Array) => void;
    onEnd: (status: number) => void;
    push(data: Uint8Array, mode?: boolean | number): boolean;
    readonly ended: boolean;
    readonly err: number;
    readonly msg: string;
  }
  /** Raw deflate (no zlib header), as zip entries store it. */
  export function deflateRaw(data: Uint8Array, options?: { level?: number }): Uint8Array;
}
