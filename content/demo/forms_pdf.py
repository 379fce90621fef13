"""Small one-page PDF application forms for the demo guides, built by hand.

The text uses the PDF standard's predefined Chinese font (STSong-Light with the
UniGB-UCS2-H encoding), which every PDF reader supplies itself: nothing is embedded,
no PDF library is needed and each file stays a few kilobytes.
"""

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 60
ROW_HEIGHT = 34
LABEL_WIDTH = 140


def _hex(text):
    return "<" + text.encode("utf-16-be").hex().upper() + ">"


def _text(x, y, size, text):
    return f"BT /F1 {size} Tf {x} {y} Td {_hex(text)} Tj ET"


def form_pdf(title, fields, values=None, note=""):
    """A form titled `title` with one boxed row per field; `values` fills it in (a 样表)."""
    values = values or {}
    ops = ["0.6 w"]
    ops.append(_text(MARGIN, PAGE_HEIGHT - 80, 18, title))
    if values:
        ops.append(_text(PAGE_WIDTH - MARGIN - 60, PAGE_HEIGHT - 80, 14, "（样表）"))
    top = PAGE_HEIGHT - 110
    width = PAGE_WIDTH - 2 * MARGIN
    for number, label in enumerate(fields):
        y = top - (number + 1) * ROW_HEIGHT
        ops.append(f"{MARGIN} {y} {width} {ROW_HEIGHT} re S")
        ops.append(f"{MARGIN + LABEL_WIDTH} {y} m {MARGIN + LABEL_WIDTH} {y + ROW_HEIGHT} l S")
        ops.append(_text(MARGIN + 8, y + 12, 11, label))
        if label in values:
            ops.append(_text(MARGIN + LABEL_WIDTH + 8, y + 12, 11, values[label]))
    bottom = top - (len(fields) + 1) * ROW_HEIGHT
    ops.append(_text(MARGIN, bottom - 10, 11, "申请人（签名）：" + values.get("申请人签名", "")))
    ops.append(_text(PAGE_WIDTH / 2, bottom - 10, 11, "日期：" + values.get("日期", "")))
    if note:
        ops.append(_text(MARGIN, bottom - 40, 9, note))
    return _document("\n".join(ops).encode("ascii"))


def _document(content):
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            "/Resources << /Font << /F1 4 0 R >> >> /Contents 7 0 R >>"
        ).encode(),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
        b"/DescendantFonts [5 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
        b"/FontDescriptor 6 0 R /DW 1000 >>",
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
        b"/FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
        b"/CapHeight 880 /StemV 93 >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)
