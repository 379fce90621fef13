"""Spotting personal data in text that is about to be published.

Staff write a public summary of each closed complaint; it must not name the
complainant or carry a phone or ID number. A plain substring test let through
王先生, 138-0013-8000 and full-width digits, so the text is normalised first (NFKC
folds full-width forms, and every space, punctuation mark and symbol is dropped) and
then checked against the complainant's known name (also as 王先生, 王女士, 老王 …),
their phone (digits only) and ID number, and against the shapes of phone and ID
numbers in general.
"""

import re
import unicodedata

from django.utils.translation import gettext as _

MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
# Area code 0xx or 0xxx followed by a 7- or 8-digit number, separators already removed.
LANDLINE = re.compile(r"(?<!\d)0\d{2,3}\d{7,8}(?!\d)")
ID_NUMBER = re.compile(r"(?<!\d)\d{17}[\dx](?![\dx])")
TITLES_AFTER = ("先生", "女士", "小姐", "老师", "同志", "师傅", "大爷", "大妈", "阿姨", "某")
TITLES_BEFORE = ("老", "小")
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐")


def normalise(text):
    """Full-width forms folded, lowercase, with every space, punctuation mark and symbol removed."""
    folded = unicodedata.normalize("NFKC", text or "").lower()
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] not in "PZSC")


def known_number(value):
    """A stored phone or ID number as it appears in normalised text: 8613900001111 -> 13900001111."""
    number = normalise(value)
    if number.startswith("86") and len(number) == 13:
        number = number[2:]
    return number if len(number) >= 7 else ""


def surname_of(name):
    for compound in COMPOUND_SURNAMES:
        if name.startswith(compound) and len(name) > len(compound):
            return compound
    return name[:1]


def name_forms(name):
    """The ways a text can point at a person: the full name, the given name, 王先生, 老王."""
    name = normalise(name)
    if not name:
        return []
    forms = [name]
    surname = surname_of(name)
    given = name[len(surname) :]
    if len(given) >= 2:
        forms.append(given)
    if surname != name:
        forms += [surname + title for title in TITLES_AFTER]
        forms += [title + surname for title in TITLES_BEFORE]
    return forms


def personal_data_problems(text, name="", phone="", id_number=""):
    """Chinese messages, one per kind of personal data found in `text`."""
    flat = normalise(text)
    problems = []
    if any(form in flat for form in name_forms(name)):
        problems.append(_("不能出现投诉人的姓名，或“某先生”“老某”一类指代投诉人的称呼。"))
    known_numbers = [n for n in (known_number(phone), known_number(id_number)) if n]
    if any(number in flat for number in known_numbers):
        problems.append(_("不能出现投诉人的电话或证件号码（无论怎样分隔书写）。"))
    elif MOBILE.search(flat) or LANDLINE.search(flat):
        problems.append(_("似乎有电话号码，请删除。"))
    if ID_NUMBER.search(flat):
        problems.append(_("似乎有身份证号码，请删除。"))
    return problems
