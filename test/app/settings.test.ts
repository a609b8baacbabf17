/** The stored settings read back: the add-in's own shape, or the field that is not. */
import { storedSettings } from "../../src/app/settings";

const ack = { "flag_blank|I.3.4|D22": { reason: "đã rõ", fingerprint: "[]" } };

test.each([
  ["{}", {}],
  [JSON.stringify({ unitName: "Sở Y tế", year: 2024, period: "quy1", lang: "en", acknowledged: ack }), { unitName: "Sở Y tế", year: 2024, period: "quy1", lang: "en", acknowledged: ack }],
  [{ lang: "vi" }, { lang: "vi" }],
])("reads %s", (raw, settings) => {
  expect(storedSettings(raw)).toEqual({ ok: true, settings });
});

test.each([
  ["{not json", "not JSON"],
  ["[1]", "not an object"],
  [null, "not an object"],
  [{ unitName: 3 }, "unitName"],
  [{ year: 2024.5 }, "year"],
  [{ period: "quy2" }, "period"],
  [{ lang: "fr" }, "lang"],
  [{ acknowledged: [] }, "acknowledged"],
  [{ acknowledged: { k: { reason: "x" } } }, "acknowledged"],
])("names what is wrong in %p", (raw, field) => {
  expect(storedSettings(raw)).toEqual({ ok: false, field });
});
