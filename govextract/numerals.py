"""Chinese and full-width numerals.

>>> parse_int("二〇一六")
2016
>>> parse_int("一千二百")
1200
>>> parse_int("五八八")
588
>>> parse_number("1.2万")
12000.0
>>> parse_number("百分之四十")
40.0
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

DIGITS: dict[str, int] = {
    "〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "两": 2, "贰": 2, "兩": 2,
    "三": 3, "叁": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
LARGE_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
#: Every character that may appear in a Chinese numeral.
NUMERAL_CHARS: str = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(LARGE_UNITS)


def _ascii_digits(s: str) -> str:
    if s.isascii():
        return s
    return "".join(str(unicodedata.digit(c)) if c.isdigit() and not c.isascii() else c for c in s)


@lru_cache(maxsize=4096)
def parse_int(s: str) -> int | None:
    """Parse an integer written in ASCII, full-width or Chinese numerals; None if it is not one.

    Digit-by-digit forms (``二〇一六``, ``五八八``) and positional forms (``一百二十``,
    ``十五``, ``两千``, ``三万五千``) are both read.

    >>> [parse_int(s) for s in ["２０１６", "十", "十五", "二十", "一百零八", "三万五千", "abc"]]
    [2016, 10, 15, 20, 108, 35000, None]
    """
    s = s.strip()
    if not s:
        return None
    t = _ascii_digits(s)
    if t.isascii():
        return int(t) if t.isdigit() else None
    if any(c not in NUMERAL_CHARS for c in t):
        return None
    if all(c in DIGITS for c in t):
        if len(t) == 1:
            return DIGITS[t]
        value = 0
        for c in t:
            value = value * 10 + DIGITS[c]
        return value
    return _positional(t)


def _positional(t: str) -> int | None:
    total = 0  # completed groups of 亿 / 万
    section = 0  # current group below 万
    digit: int | None = None
    for c in t:
        if c in DIGITS:
            if digit is not None and digit != 0 and DIGITS[c] != 0:
                return None  # two digits in a row inside a positional numeral
            digit = DIGITS[c]
        elif c in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[c]
            digit = None
        else:
            section += digit or 0
            digit = None
            unit = LARGE_UNITS[c]
            if section == 0 and total == 0:
                return None
            if unit > 10_000 or total == 0:
                total = (total + section) * unit
            else:
                total += section * unit
            section = 0
    return total + section + (digit or 0)


def parse_number(s: str) -> float | None:
    """Parse a number with optional magnitude (万, 亿) or a Chinese percentage; None if not one.

    >>> [parse_number(s) for s in ["4.5万亿", "１２．５", "三成", "十万", "1,200", "x"]]
    [4500000000000.0, 12.5, 30.0, 100000.0, 1200.0, None]
    """
    s = _ascii_digits(s.strip()).replace("．", ".")
    if not s:
        return None
    if s.startswith("百分之"):
        inner = parse_number(s[3:])
        return inner
    if s.endswith("成") and len(s) > 1:
        inner = parse_number(s[:-1])
        return None if inner is None else inner * 10
    multiplier = 1.0
    while s and s[-1] in LARGE_UNITS:
        multiplier *= LARGE_UNITS[s[-1]]
        s = s[:-1]
    if not s:
        return None
    plain = s.replace(",", "")
    try:
        return float(plain) * multiplier
    except ValueError:
        pass
    value = parse_int(s)
    return None if value is None else value * multiplier
