/** What the built-in form file is made from besides the catalog: each relation's reason, from docs/RULES.md. */

/** Reasons by relation id from the tables of docs/RULES.md ("| `id` | formula | severity | Lý do | Reason |"). */
export function rulesReasons(markdown: string): Record<string, { vi: string; en: string }> {
  const reasons: Record<string, { vi: string; en: string }> = {};
  for (const line of markdown.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    // ["", "`id`", formula, severity, vi, en, ""]
    if (cells.length !== 7) continue;
    const id = /^`([a-z0-9_]+)`$/.exec(cells[1]);
    if (!id) continue;
    reasons[id[1]] = { vi: cells[4].normalize("NFC"), en: cells[5].normalize("NFC") };
  }
  return reasons;
}
