/** Acknowledged warnings: keyed, fingerprinted by the values behind them, never for an error. */
import type { Address, Finding, FindingOf } from "../../src/core";
import { at } from "../fixtures/a1";
import { ackKey, activeConflicts, fingerprint, pruneAcknowledged, splitAcknowledged } from "../../src/app/acknowledgements";

/** A finding of a code without detail (code_as_word unless `over` picks another). */
function finding(over: Partial<FindingOf<"code_as_word" | "number_stored_as_text" | "text_not_number">>): Finding {
  return { code: "code_as_word", severity: "warning", indicator: "I.3.4", cell: at("D22"), cells: [at("D22")], actual: null, expected: null, fix: null, ...over } as Finding;
}

/** A flag left blank while its note says something, with its detail keys in the order given. */
function withNote(detail: FindingOf<"flag_blank_with_note">["detail"]): Finding {
  return { code: "flag_blank_with_note", severity: "warning", indicator: "I.3.4", cell: at("D22"), cells: [at("D22")], actual: null, expected: null, fix: null, detail };
}

describe("acknowledgements", () => {
  const warn = finding({ code: "number_stored_as_text", indicator: "II.2.3", cell: at("D43"), actual: "02", expected: 2 });
  const err = finding({ code: "text_not_number", severity: "error", indicator: "II.2.1", cell: at("D41"), actual: "abc" });

  it("keys by code|indicator|cell", () => {
    expect(ackKey(warn)).toBe("number_stored_as_text|II.2.3|D43");
  });

  it("holds while the values behind the warning are the same, and not once they change", () => {
    const acknowledged = { [ackKey(warn)]: { reason: "ok", fingerprint: fingerprint(warn) } };
    expect(splitAcknowledged([warn, err], acknowledged)).toEqual({ active: [err], acknowledged: [{ finding: warn, reason: "ok" }] });
    const changed = { ...warn, actual: "03", expected: 3 };
    expect(splitAcknowledged([changed], acknowledged).active).toEqual([changed]);
    expect(pruneAcknowledged(acknowledged, [changed])).toEqual({});
    expect(pruneAcknowledged(acknowledged, [])).toEqual({});
  });

  it("returns the same object when nothing is dropped (so nothing is saved)", () => {
    const acknowledged = { [ackKey(warn)]: { reason: "ok", fingerprint: fingerprint(warn) } };
    expect(pruneAcknowledged(acknowledged, [warn, err])).toBe(acknowledged);
  });

  it("fingerprints details whatever their key order", () => {
    const a = withNote({ codes: [0, 1], note: "Kế hoạch số 03", noteCell: at("E22") });
    const b = withNote({ noteCell: at("E22"), note: "Kế hoạch số 03", codes: [0, 1] });
    expect(fingerprint(a)).toBe(fingerprint(b));
    expect(fingerprint(a)).not.toBe(fingerprint(withNote({ codes: [0, 1], note: "Kế hoạch số 04", noteCell: at("E22") })));
  });

  it("never acknowledges an error, even with a matching entry", () => {
    const acknowledged = { [ackKey(err)]: { reason: "no", fingerprint: fingerprint(err) } };
    expect(splitAcknowledged([err], acknowledged).active).toEqual([err]);
  });
});

describe("activeConflicts", () => {
  const inputs = { kind: "sum", parts: [{ indicator: "III.4.4", cell: at("D59"), value: 20 }, { indicator: "III.4.5", cell: at("D60"), value: 21 }] } as const;
  const base = { severity: "warning", indicator: "III.4.3", cells: [at("D58"), at("D59"), at("D60")], actual: 40, expected: 41 } as const;
  function conflict(cell: Address, relation: string): FindingOf<"computed_value_conflict"> {
    return { ...base, code: "computed_value_conflict", cell, relation, fix: { cell, value: 41, cellValue: 41, formula: "=SUM(D59,D60)" }, detail: { inputs, formula: "=SUM(D59,D60)" } };
  }
  function mismatch(severity: "warning" | "error", relation: string): FindingOf<"sum_mismatch"> {
    return { ...base, severity, code: "sum_mismatch", cell: at("D58"), relation, fix: null, detail: { parts: inputs.parts, caveat: null } };
  }
  const ack = (...fs: Finding[]) => Object.fromEntries(fs.map((f) => [ackKey(f), { reason: "ok", fingerprint: fingerprint(f) }]));

  it("drops a conflict whose own warning is acknowledged, and keeps the others", () => {
    const a = conflict(at("D58"), "sum_a");
    const b = conflict(at("D61"), "sum_b");
    expect(activeConflicts([a, b], [a, b], ack(a))).toEqual([b]);
    expect(activeConflicts([a, b], [a, b], undefined)).toEqual([a, b]);
  });

  it("drops a conflict folded into an acknowledged mismatch warning of the same cell and relation", () => {
    const m = mismatch("warning", "sum_a");
    expect(activeConflicts([conflict(at("D58"), "sum_a")], [m], ack(m))).toEqual([]);
    // the same cell under another relation is another conflict
    expect(activeConflicts([conflict(at("D58"), "sum_b")], [m], ack(m))).toHaveLength(1);
  });

  it("keeps a conflict folded into an error, which cannot be acknowledged", () => {
    const c = conflict(at("D58"), "sum_a");
    const m = mismatch("error", "sum_a");
    expect(activeConflicts([c], [m], ack(m))).toEqual([c]);
  });
});
