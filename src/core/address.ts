/** A cell position on a sheet, 0-based. The only place A1 text is made or parsed. */
export interface Address {
  readonly row: number;
  readonly col: number;
}

/** Builds an address. */
export function address(row: number, col: number): Address {
  return { row, col };
}

/** Column letters for a 0-based column index: 0 -> "A", 26 -> "AA". */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 0-based column index for column letters: "A" -> 0. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "D12" for {row: 11, col: 3}. */
export function toA1(a: Address): string {
  return `${columnLetters(a.col)}${a.row + 1}`;
}

/** "A1:E3" for two corners. */
export function rangeA1(from: Address, to: Address): string {
  return `${toA1(from)}:${toA1(to)}`;
}

const A1 = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** Parses "D12" or "$D$12"; returns null for anything else. */
export function fromA1(text: string): Address | null {
  const m = A1.exec(text.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** A stable key for maps. */
export function addressKey(a: Address): string {
  return `${a.row}:${a.col}`;
}
