/** Acknowledged warnings: keyed, fingerprinted by the values behind them, never for an error. */
import type { Finding, FindingOf } from "../../src/core/finding";
import { ackKey, fingerprint, pruneAcknowledged, splitAcknowledged } from "../../src/app/acknowledgements";

/** A finding of a code without detail (code_as_word unless `over` picks another). */
function finding(over: Partial<FindingOf<"code_as_word" | "number_stored_as_text" | "text_not_number">>): Finding {
  return { code: "code_as_word", severity: "warning", indicator: "I.3.4", cell: "D22", cells: ["D22"], actual: null, expected: null, fix: null, ...over } as Finding;
}

/** A flag left blank while its note says something, with its detail keys in the order given. */
function withNote(detail: FindingOf<"flag_blank_with_note">["detail"]): Finding {
  return { code: "flag_blank_with_note", severity: "warning", indicator: "I.3.4", cell: "D22", cells: ["D22"], actual: null, expected: null, fix: null, detail };
}

describe("acknowledgements", () => {
  const warn = finding({ code: "number_stored_as_text", indicator: "II.2.3", cell: "D43", actual: "02", expected: 2 });
  const err = finding({ code: "text_not_number", severity: "error", indicator: "II.2.1", cell: "D41", actual: "abc" });

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
    const a = withNote({ codes: [0, 1], note: "Kế hoạch số 03", noteCell: "E22" });
    const b = withNote({ noteCell: "E22", note: "Kế hoạch số 03", codes: [0, 1] });
    expect(fingerprint(a)).toBe(fingerprint(b));
    expect(fingerprint(a)).not.toBe(fingerprint(withNote({ codes: [0, 1], note: "Kế hoạch số 04", noteCell: "E22" })));
  });

  it("never acknowledges an error, even with a matching entry", () => {
    const acknowledged = { [ackKey(err)]: { reason: "no", fingerprint: fingerprint(err) } };
    expect(splitAcknowledged([err], acknowledged).active).toEqual([err]);
  });
});
