import { columnTextWidth, rowHeightFor, textWidth, wrappedLines } from "../../src/core/textMetrics";
import { indicatorById, soNganh } from "../../src/core/catalog";

describe("columnTextWidth: the column as Excel draws it", () => {
  test.each([
    // Excel's default column (8.43 characters, stored as 9.140625) is 64 px wide; 5 px are padding; 0.75 pt a pixel.
    [9.140625, 0, 44.25],
    [56, 0, 290.25],
    [56, 1, 282.75],
    [15, 0, 75],
  ])("a column %p units wide with indent %p holds %p pt of text", (width, indent, points) => {
    expect(columnTextWidth(width, indent)).toBe(points);
  });
});

describe("textWidth: Times New Roman's advance widths plus a tenth", () => {
  test.each([
    ["0", {}, 0.5 * 11 * 1.1],
    ["m", { fontSize: 10 }, 0.778 * 10 * 1.1],
    ["B", { bold: true }, 0.667 * 11 * 1.1],
    // Marks take no room; the horn of ơ and ư does; đ is as wide as d.
    ["ệ", {}, 0.444 * 11 * 1.1],
    ["ơ", {}, 0.56 * 11 * 1.1],
    ["đ", {}, 0.556 * 11 * 1.1],
    // A character outside the table counts as a full em.
    ["😀", {}, 11 * 1.1],
  ] as const)("%p %p is %p pt", (text, style, points) => {
    expect(textWidth(text, style)).toBeCloseTo(points, 6);
  });

  test("Vietnamese text in NFC and NFD measures the same", () => {
    const label = "Tỷ lệ hoàn thành Kế hoạch CCHC năm";
    expect(textWidth(label.normalize("NFD"))).toBe(textWidth(label.normalize("NFC")));
  });
});

describe("wrappedLines", () => {
  const label = (id: string) => indicatorById(soNganh, id)!.label;

  test.each([
    // One line in Excel's column B with Times New Roman; the others wrap there (I.1 printed cut with a one-line row).
    ["I.1.1", {}, 1],
    ["I.1", {}, 2],
    ["II.1.2", { indent: 1 }, 2],
    ["I.8", {}, 3],
  ] as const)("%s in style %p takes %p lines in column B", (id, style, lines) => {
    expect(wrappedLines(label(id), 56, style)).toBe(lines);
  });

  test("bold and a larger size take more room", () => {
    const text = "Số lượng tin, bài viết, phóng sự gửi và duyệt đăng tại Chuyên trang";
    expect(wrappedLines(text, 40)).toBe(2);
    expect(wrappedLines(text, 40, { bold: true, fontSize: 13 })).toBe(3);
  });

  test("each paragraph starts a line; an empty text takes one; a word wider than the column breaks", () => {
    expect(wrappedLines("a\nb\nc", 56)).toBe(3);
    expect(wrappedLines("", 56)).toBe(1);
    expect(wrappedLines("x".repeat(200), 10)).toBe(Math.ceil((200 * textWidth("x")) / columnTextWidth(10)));
    expect(wrappedLines(`ab ${"x".repeat(200)}`, 10)).toBe(1 + Math.ceil((200 * textWidth("x")) / columnTextWidth(10)));
  });
});

describe("rowHeightFor", () => {
  test.each([
    [1, 11, 17.5],
    [2, 11, 32],
    [3, 11, 46.5],
    [1, 13, 20],
    [2, 10, 29.5],
  ])("%p lines of %p pt need %p pt", (lines, size, points) => {
    expect(rowHeightFor(lines, size)).toBe(points);
  });
});
