/** Acknowledged warnings: keyed, fingerprinted by the values behind them, never for an error. */
import type { Finding } from "../../src/core/finding";
import { ackKey, fingerprint, pruneAcknowledged, splitAcknowledged } from "../../src/app/acknowledgements";

function finding(over: Partial<Finding>): Finding {
  return { code: "flag_blank", severity: "warning", indicator: "I.3.4", cell: "D22", cells: ["D22"], actual: null, expected: null, fix: null, ...over };
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
    const a = finding({ detail: { x: 1, y: "2" } });
    const b = finding({ detail: { y: "2", x: 1 } });
    expect(fingerprint(a)).toBe(fingerprint(b));
    expect(fingerprint(a)).not.toBe(fingerprint(finding({ detail: { x: 2, y: "2" } })));
  });

  it("never acknowledges an error, even with a matching entry", () => {
    const acknowledged = { [ackKey(err)]: { reason: "no", fingerprint: fingerprint(err) } };
    expect(splitAcknowledged([err], acknowledged).active).toEqual([err]);
  });
});
