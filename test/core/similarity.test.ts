import { foldLabel, prepare, similarity } from "../../src/core/similarity";

describe("foldLabel", () => {
  it.each([
    ["- Số TTHC áp dụng tại cơ quan, đơn vị:", "so tthc ap dung tai co quan don vi"],
    ["Số\u00a0nhiệm vụ".normalize("NFD"), "so nhiem vu"],
    ["ĐƠN VỊ (nếu có)", "don vi neu co"],
    // The report's abbreviations written out fold to the abbreviation, so either spelling matches.
    ["Số thủ tục hành chính áp dụng tại cơ quan, đơn vị:", "so tthc ap dung tai co quan don vi"],
    ["Số văn bản quy phạm pháp luật đã rà soát", "so vbqppl da ra soat"],
    ["Số công chức, viên chức có tài khoản", "so ccvc co tai khoan"],
    ["Ủy ban nhân dân tỉnh", "ubnd tinh"],
    ["Cải cách thủ tục hành chính", "cai cach tthc"],
  ])("%j -> %j", (text, folded) => {
    expect(foldLabel(text)).toBe(folded);
  });
});

describe("similarity", () => {
  const sim = (a: string, b: string, floor?: number) => similarity(prepare(a), prepare(b), floor);

  it.each<[string, string, number, number]>([
    // [a, b, at least, at most]
    ["Số nhiệm vụ đề ra trong kế hoạch", "So nhiem vu de ra trong ke hoach", 1, 1],
    ["Số nhiệm vụ đã hoàn thành", "Số nhiệm vu đã hoàn thàn", 0.8, 0.99],
    ["Kiểm tra CCHC", "Kiểm ta CCHC", 0.75, 0.99],
    ["Số văn bản chỉ đạo CCHC đã ban hành", "Số văn bản chỉ đạo về CCHC đã ban hành", 0.85, 0.99],
    ["Số nhiệm vụ đề ra trong kế hoạch", "Số nhiệm vụ khác", 0, 0.6],
    ["Tổng số nhiệm vụ được giao", "Tổng số", 0, 0.5],
    ["Người lập biểu", "Tổng số người làm việc được giao", 0, 0.5],
    ["Tổng số TTHC đủ điều kiện cung cấp trực tuyến mức độ 3", "Tổng số TTHC đủ điều kiện cung cấp trực tuyến mức độ 4", 0.85, 0.95],
    ["", "", 0, 0],
  ])("%j ~ %j in [%d, %d]", (a, b, lo, hi) => {
    const s = sim(a, b);
    expect(s).toBeGreaterThanOrEqual(lo);
    expect(s).toBeLessThanOrEqual(hi);
    expect(sim(b, a)).toBeCloseTo(s, 10);
  });

  it("a number word never counts as a typo of another ('2023' / '2024')", () => {
    expect(sim("Số liệu năm 2023", "Số liệu năm 2024")).toBeLessThan(sim("Số liệu năm 2023", "Số liệu nam 2023 x"));
  });

  it("returns 0 when the sizes alone rule out the floor", () => {
    expect(sim("Khác", "Số lượng tin, bài viết, phóng sự đã đăng tại Chuyên mục CCHC", 0.75)).toBe(0);
    expect(sim("Số nhiệm vụ đã hoàn thành", "Số nhiệm vu đã hoàn thàn", 0.75)).toBe(sim("Số nhiệm vụ đã hoàn thành", "Số nhiệm vu đã hoàn thàn"));
  });
});
