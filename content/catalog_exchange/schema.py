"""Reading side of the catalog exchange format (shared/catalog/SCHEMA.md).

Every record is checked on its own and turned into a normalised dict with exactly the
keys of the format, in the format's order. The writer and the exporter both speak that
dict, so "nothing changed" is a plain equality test between the two.

The format: a JSON list of objects with the keys in FIELDS. ``code`` and ``name`` are
required; any other key may be missing and then takes an empty value. ``audience`` is a
list of 个人/法人, ``topics`` a list of tags, ``materials`` a list of
``{"name", "form" (原件|复印件|原件及复印件|电子件), "copies", "required", "note"}``,
``procedure`` a list of steps, ``statutory_days`` working days or null (no legal limit),
``promised_days`` working days (0 = 即办, never more than statutory_days), ``fee`` is
``{"charged", "standard", "basis"}`` (a charged fee must name its basis), ``faq`` a list
of ``{"q", "a"}``.
"""

import json
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from content.models.catalog import CHANNELS, MATTER_TYPES, MAX_DAYS, MAX_VISITS
from content.text_limits import SHORT_TEXT, TEXT

# Version 2 added the elements of the national 办事指南 standard (FIELDS_V2), version 3 the
# county's standard code (FIELDS_V3). An older file (a bare list without them) still
# imports: the missing keys take their empty values.
FORMAT_VERSION = 3
SUPPORTED_VERSIONS = (1, 2, 3)

FIELDS = (
    "code",
    "name",
    "department",
    "window",
    "audience",
    "topics",
    "basis",
    "conditions",
    "materials",
    "procedure",
    "statutory_days",
    "promised_days",
    "fee",
    "location",
    "hours",
    "phone",
    "complaint_phone",
    "faq",
    # Added in format version 2.
    "matter_type",
    "implementing_body",
    "channels",
    "visits",
    "result_name",
    "delivery",
    "intermediary",
    "special_procedures",
    "online_url",
    # Added in format version 3.
    "standard_code",
)
FIELDS_V2 = FIELDS[FIELDS.index("matter_type") : FIELDS.index("standard_code")]
FIELDS_V3 = FIELDS[FIELDS.index("standard_code") :]
CHANNEL_LABELS = tuple(label for _name, label in CHANNELS)
# A guide whose record does not say how it is handled is handled at the window.
DEFAULT_CHANNELS = ["窗口办理"]
AUDIENCES = ("个人", "法人")
MATERIAL_FORMS = ("原件", "复印件", "原件及复印件", "电子件")

# Longest text each field may hold, from the model's column sizes.
MAX_LENGTHS = {
    "code": 50,
    "name": 255,
    "department": 100,
    "window": 100,
    "location": 200,
    "hours": 200,
    "phone": 50,
    "complaint_phone": 50,
    "basis": TEXT,
    "conditions": TEXT,
    "implementing_body": 200,
    "result_name": 200,
    "delivery": 200,
    "online_url": 500,
    "standard_code": 50,
}
FEE_TEXT_MAX_LENGTH = SHORT_TEXT
ANSWER_MAX_LENGTH = TEXT
# The format nests four levels at most (file > record > materials > material); anything
# much deeper is not a catalog, and would exhaust Python's recursion further on.
MAX_DEPTH = 8
TOPIC_MAX_LENGTH = 100
MATERIAL_NAME_MAX_LENGTH = 255
MATERIAL_NOTE_MAX_LENGTH = 500
STEP_MAX_LENGTH = 500
QUESTION_MAX_LENGTH = 500


class CatalogFormatError(Exception):
    """The file as a whole is unreadable: not JSON, or not a list."""


@dataclass
class UnreadableRecord:
    """An element of the file's list that json could not turn into values; reason is for people."""

    reason: str


@dataclass
class ParsedRecord:
    position: int  # 1-based, as a person counts records in the file
    code: str
    data: dict | None  # normalised record, None when the record has errors
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors

    @property
    def label(self):
        return f"第 {self.position} 条（{self.code or '无编码'}）"


class _Checker:
    """Collects every problem of one record instead of stopping at the first."""

    def __init__(self, raw):
        self.raw = raw
        self.errors = []
        self.warnings = []

    def text(self, key, required=False, max_length=None):
        value = self.raw.get(key)
        if value is None:
            if required:
                self.errors.append(f"缺少必填字段 {key}")
            return ""
        if not isinstance(value, str):
            self.errors.append(f"字段 {key} 应为文本")
            return ""
        value = value.strip()
        if required and not value:
            self.errors.append(f"必填字段 {key} 不能为空")
        if max_length and len(value) > max_length:
            self.errors.append(f"字段 {key} 超过 {max_length} 字")
        return value

    def text_list(self, key, max_length, allowed=None):
        value = self.raw.get(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.errors.append(f"字段 {key} 应为文本列表")
            return []
        items = [item.strip() for item in value if item.strip()]
        for item in items:
            if len(item) > max_length:
                self.errors.append(f"字段 {key} 中“{item[:20]}…”超过 {max_length} 字")
            if allowed and item not in allowed:
                self.errors.append(f"字段 {key} 的值“{item}”无效，只能是：{'、'.join(allowed)}")
        return items

    def days(self, key, nullable):
        value = self.raw.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.errors.append(f"字段 {key} 应为整数（工作日数）" + ("或 null" if nullable else ""))
            return None
        if value < 0:
            self.errors.append(f"字段 {key} 不能为负数")
            return None
        if value > MAX_DAYS:
            self.errors.append(f"字段 {key} 不能超过 {MAX_DAYS} 个工作日")
            return None
        return value

    def materials(self):
        value = self.raw.get("materials")
        if value is None:
            return []
        if not isinstance(value, list):
            self.errors.append("字段 materials 应为列表")
            return []
        materials = []
        for number, item in enumerate(value, start=1):
            where = f"申报材料第 {number} 项"
            if not isinstance(item, dict):
                self.errors.append(f"{where}应为对象")
                continue
            name = item.get("name")
            if not isinstance(name, str) or not name.strip():
                self.errors.append(f"{where}缺少材料名称 name")
                continue
            name = name.strip()
            if len(name) > MATERIAL_NAME_MAX_LENGTH:
                self.errors.append(f"{where}名称超过 {MATERIAL_NAME_MAX_LENGTH} 字")
            form = item.get("form", "原件")
            if form not in MATERIAL_FORMS:
                self.errors.append(
                    f"{where}（{name}）的材料形式“{form}”无效，只能是：{'、'.join(MATERIAL_FORMS)}"
                )
            copies = item.get("copies", 1)
            if isinstance(copies, bool) or not isinstance(copies, int) or copies < 0:
                self.errors.append(f"{where}（{name}）的份数 copies 应为非负整数")
                copies = 1
            required = item.get("required", True)
            if not isinstance(required, bool):
                self.errors.append(f"{where}（{name}）的 required 应为 true 或 false")
                required = True
            note = item.get("note") or ""
            if not isinstance(note, str):
                self.errors.append(f"{where}（{name}）的备注 note 应为文本")
                note = ""
            note = note.strip()
            if len(note) > MATERIAL_NOTE_MAX_LENGTH:
                self.errors.append(f"{where}（{name}）的备注超过 {MATERIAL_NOTE_MAX_LENGTH} 字")
            materials.append(
                {"name": name, "form": form, "copies": copies, "required": required, "note": note}
            )
        return materials

    def choice(self, key, allowed):
        value = self.text(key)
        if value and value not in allowed:
            self.errors.append(f"字段 {key} 的值“{value}”无效，只能是：{'、'.join(allowed)}")
        return value

    def visits(self):
        value = self.raw.get("visits")
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_VISITS:
            self.errors.append(f"字段 visits（到现场次数）应为 0 到 {MAX_VISITS} 的整数或 null")
            return None
        return value

    def url(self, key):
        value = self.text(key, max_length=MAX_LENGTHS[key])
        if value:
            try:
                URLValidator(schemes=["http", "https"])(value)
            except ValidationError:
                self.errors.append(f"字段 {key} 不是有效的网址（应以 http:// 或 https:// 开头）")
        return value

    def fee(self):
        value = self.raw.get("fee")
        if value is None:
            return {"charged": False, "standard": "", "basis": ""}
        if not isinstance(value, dict):
            self.errors.append("字段 fee 应为对象")
            return {"charged": False, "standard": "", "basis": ""}
        charged = value.get("charged", False)
        if not isinstance(charged, bool):
            self.errors.append("收费 fee.charged 应为 true 或 false")
            charged = False
        texts = {}
        for key in ("standard", "basis"):
            text = value.get(key) or ""
            if not isinstance(text, str):
                self.errors.append(f"收费 fee.{key} 应为文本")
                text = ""
            texts[key] = text.strip()
            if len(texts[key]) > FEE_TEXT_MAX_LENGTH:
                self.errors.append(f"收费 fee.{key} 超过 {FEE_TEXT_MAX_LENGTH} 字")
        if charged and not texts["basis"]:
            # Charging without a published legal basis is what the disclosure rules forbid.
            self.errors.append("收费事项必须公开收费依据（fee.basis 不能为空）")
        return {"charged": charged, "standard": texts["standard"], "basis": texts["basis"]}

    def faq(self):
        value = self.raw.get("faq")
        if value is None:
            return []
        if not isinstance(value, list):
            self.errors.append("字段 faq 应为列表")
            return []
        entries = []
        for number, item in enumerate(value, start=1):
            if not isinstance(item, dict):
                self.errors.append(f"常见问题第 {number} 项应为对象")
                continue
            question, answer = item.get("q"), item.get("a")
            if not isinstance(question, str) or not isinstance(answer, str):
                self.errors.append(f"常见问题第 {number} 项的 q 和 a 应为文本")
                continue
            question, answer = question.strip(), answer.strip()
            if not question or not answer:
                self.errors.append(f"常见问题第 {number} 项的问题和解答都不能为空")
                continue
            if len(question) > QUESTION_MAX_LENGTH:
                self.errors.append(f"常见问题第 {number} 项的问题超过 {QUESTION_MAX_LENGTH} 字")
            if len(answer) > ANSWER_MAX_LENGTH:
                self.errors.append(f"常见问题第 {number} 项的解答超过 {ANSWER_MAX_LENGTH} 字")
            entries.append({"q": question, "a": answer})
        return entries


def _without_nul(value):
    """The value with NUL characters removed from every string: PostgreSQL text cannot hold them."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [_without_nul(item) for item in value]
    if isinstance(value, dict):
        return {_without_nul(key): _without_nul(item) for key, item in value.items()}
    return value


def _structure_errors(record):
    """Problems no field check can survive: nesting too deep, text that is not valid Unicode.

    Walks the record without recursion, so a record nested ten thousand levels deep is
    reported like any other bad record instead of crashing the import.
    """
    errors = []
    if any(_SURROGATE.search(key) for key in record):
        errors.append("字段名含有无效字符（单独的 UTF-16 代理码位），请检查导出程序的编码")
        record = {_printable(key): value for key, value in record.items()}
    stack = [(key, value, 2) for key, value in record.items()]
    while stack:
        key, value, depth = stack.pop()
        if depth > MAX_DEPTH:
            errors.append(f"字段 {key} 嵌套层数过深（超过 {MAX_DEPTH} 层）")
            stack = [item for item in stack if item[0] != key]
            continue
        if isinstance(value, str):
            texts = [value]
        elif isinstance(value, dict):
            texts = list(value)
            stack.extend((key, item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            texts = []
            stack.extend((key, item, depth + 1) for item in value)
        else:
            texts = []
        for text in texts:
            if _SURROGATE.search(text):
                errors.append(
                    f"字段 {key} 含有无效字符（单独的 UTF-16 代理码位，如 \\ud800），"
                    "请检查导出程序的编码"
                )
                stack = [item for item in stack if item[0] != key]
                break
    return sorted(set(errors))


_SURROGATE = re.compile("[\ud800-\udfff]")


def _printable(text):
    """Text safe to print and store: lone surrogates shown as \\udXXX escapes."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def validate_record(raw, position):
    """Check one record of the file and return a ParsedRecord (data is None if it is bad)."""
    if isinstance(raw, UnreadableRecord):
        return ParsedRecord(position, "", None, errors=[raw.reason])
    if not isinstance(raw, dict):
        return ParsedRecord(position, "", None, errors=["记录应为 JSON 对象"])
    broken = _structure_errors(raw)
    if broken:
        code = raw.get("code")
        code = code.strip() if isinstance(code, str) and not _SURROGATE.search(code) else ""
        return ParsedRecord(position, code[: MAX_LENGTHS["code"]], None, errors=broken)
    cleaned = _without_nul(raw)
    had_nul = cleaned != raw
    raw = cleaned
    check = _Checker(raw)
    if had_nul:
        check.warnings.append("文本中的空字符（NUL）已删除")
    code = check.text("code", required=True, max_length=MAX_LENGTHS["code"])
    data = {
        "code": code,
        "name": check.text("name", required=True, max_length=MAX_LENGTHS["name"]),
        "department": check.text("department", max_length=MAX_LENGTHS["department"]),
        "window": check.text("window", max_length=MAX_LENGTHS["window"]),
        "audience": check.text_list("audience", 10, allowed=AUDIENCES),
        # Topics are tags: unordered and unique, so they are compared sorted.
        "topics": sorted(set(check.text_list("topics", TOPIC_MAX_LENGTH))),
        "basis": check.text("basis", max_length=MAX_LENGTHS["basis"]),
        "conditions": check.text("conditions", max_length=MAX_LENGTHS["conditions"]),
        "materials": check.materials(),
        "procedure": check.text_list("procedure", STEP_MAX_LENGTH),
        "statutory_days": check.days("statutory_days", nullable=True),
        "promised_days": check.days("promised_days", nullable=False),
        "fee": check.fee(),
        "location": check.text("location", max_length=MAX_LENGTHS["location"]),
        "hours": check.text("hours", max_length=MAX_LENGTHS["hours"]),
        "phone": check.text("phone", max_length=MAX_LENGTHS["phone"]),
        "complaint_phone": check.text("complaint_phone", max_length=MAX_LENGTHS["complaint_phone"]),
        "faq": check.faq(),
        "matter_type": check.choice("matter_type", MATTER_TYPES),
        "implementing_body": check.text(
            "implementing_body", max_length=MAX_LENGTHS["implementing_body"]
        ),
        "channels": (
            check.text_list("channels", 10, allowed=CHANNEL_LABELS)
            if "channels" in raw
            else list(DEFAULT_CHANNELS)
        ),
        "visits": check.visits(),
        "result_name": check.text("result_name", max_length=MAX_LENGTHS["result_name"]),
        "delivery": check.text("delivery", max_length=MAX_LENGTHS["delivery"]),
        "intermediary": check.text("intermediary", max_length=SHORT_TEXT),
        "special_procedures": check.text("special_procedures", max_length=SHORT_TEXT),
        "online_url": check.url("online_url"),
        "standard_code": check.text("standard_code", max_length=MAX_LENGTHS["standard_code"]),
    }
    data["channels"] = [label for label in CHANNEL_LABELS if label in data["channels"]]
    if "网上办理" in data["channels"] and not data["online_url"]:
        check.errors.append("办理形式含网上办理的，必须填写网上办理地址 online_url")
    # Same audience twice is harmless; keep the format's order 个人, 法人.
    data["audience"] = [label for label in AUDIENCES if label in data["audience"]]
    if "promised_days" not in raw:
        check.warnings.append("未提供承诺办结时限 promised_days，按即办（0）导入")
    if data["promised_days"] is None:
        data["promised_days"] = 0
    statutory, promised = data["statutory_days"], data["promised_days"]
    if statutory is not None and promised > statutory:
        check.errors.append(
            f"承诺办结时限（{promised} 个工作日）不能长于法定办结时限（{statutory} 个工作日）"
        )
    unknown = sorted(set(raw) - set(FIELDS))
    if unknown:
        check.warnings.append(f"未知字段已忽略：{'、'.join(unknown)}")
    return ParsedRecord(
        position,
        code,
        None if check.errors else data,
        errors=check.errors,
        warnings=check.warnings,
    )


def load_catalog(stream):
    """Read a whole exchange file and return its list of records.

    The file is either a bare JSON list (version 1, and version 2 as the API serves it by
    default) or an envelope ``{"format_version": N, "guides": [...]}``. Raise
    CatalogFormatError when it is neither, or names a version this site does not know.

    A list element json cannot turn into values (nested past Python's recursion limit,
    a number with thousands of digits) becomes an UnreadableRecord, reported at its
    position while the other records import.
    """
    data = stream.read()
    if isinstance(data, bytes):
        try:
            text = data.decode(json.detect_encoding(data))
        except UnicodeDecodeError as exc:
            raise CatalogFormatError(
                f"文件不是 UTF-8 编码的文本（第 {exc.start + 1} 个字节无法解码），"
                "请用 UTF-8 编码另存后再导入"
            ) from exc
    else:
        text = data
    text = text.removeprefix("\ufeff")
    try:
        records = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _syntax_error(exc) from exc
    except (RecursionError, ValueError):
        records = _elements_one_by_one(text)
    if isinstance(records, dict) and "format_version" in records:
        version = records["format_version"]
        if isinstance(version, bool) or version not in SUPPORTED_VERSIONS:
            raise CatalogFormatError(
                f"不支持的交换格式版本 format_version={version!r}，本站支持："
                + "、".join(str(v) for v in SUPPORTED_VERSIONS)
            )
        records = records.get("guides")
        if not isinstance(records, list):
            raise CatalogFormatError("交换格式文件中的 guides 应为办事指南记录的列表（JSON 数组）")
    if not isinstance(records, list):
        raise CatalogFormatError("文件内容应为办事指南记录的列表（JSON 数组）")
    return records


def _syntax_error(exc, offset=0, text=None):
    if text is not None:
        line = text.count("\n", 0, offset + exc.pos) + 1
        column = offset + exc.pos - text.rfind("\n", 0, offset + exc.pos)
    else:
        line, column = exc.lineno, exc.colno
    return CatalogFormatError(f"文件不是有效的 JSON：第 {line} 行第 {column} 列附近有错误")


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{},]')


def _elements_one_by_one(text):
    """Decode the top-level list element by element, finding their bounds without recursion."""
    stripped = text.lstrip()
    if not stripped.startswith("["):
        raise CatalogFormatError("文件内容应为办事指南记录的列表（JSON 数组）")
    depth, start, spans = 0, None, []
    for token in _TOKEN.finditer(text):
        symbol = token.group()
        if symbol in "[{":
            depth += 1
            if depth == 1:
                start = token.end()
        elif symbol in "]}":
            depth -= 1
            if depth == 0:
                spans.append((start, token.start()))
                break
        elif symbol == "," and depth == 1:
            spans.append((start, token.start()))
            start = token.end()
    else:
        raise CatalogFormatError("文件不是有效的 JSON：列表没有结束（缺少“]”）")
    if len(spans) == 1 and not text[spans[0][0] : spans[0][1]].strip():
        return []
    records = []
    for begin, end in spans:
        try:
            records.append(json.loads(text[begin:end]))
        except json.JSONDecodeError as exc:
            raise _syntax_error(exc, begin, text) from exc
        except RecursionError:
            records.append(UnreadableRecord("记录嵌套层数过深，无法读取"))
        except ValueError:
            records.append(UnreadableRecord("记录中的数字位数过多，无法读取"))
    return records


def parse_catalog(records):
    """Validate every record; a code seen earlier in the same file makes the later record bad."""
    seen = {}
    for position, raw in enumerate(records, start=1):
        parsed = validate_record(raw, position)
        if parsed.code:
            if parsed.code in seen:
                parsed.errors.append(f"事项编码与第 {seen[parsed.code]} 条重复")
                parsed.data = None
            else:
                seen[parsed.code] = position
        yield parsed
