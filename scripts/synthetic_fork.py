#!/usr/bin/env python3
"""Write a synthetic fork: a valid criteria file with N criteria over M sections (zh + en).

Used to see how the site grows when an industry group adds hundreds of criteria
(page weight, navigation, search index) and by benchmarks. Pure Python, no
dependencies, deterministic: the same N and M always give the same bytes.

    python scripts/synthetic_fork.py --criteria 300 --sections 30 -o /tmp/fork.yaml

Every section title carries a unique marker ``S001``, ``S002`` … and every
criterion title ``C0001`` …, so a test can tell which titles a page carries.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

__all__ = ["criterion_marker", "main", "section_marker", "synthetic_yaml"]

# (zh, en) word pairs that sentences are made of; picked by arithmetic, not randomness.
_WORDS = (
    ("店铺", "shop"), ("运营团队", "operations team"), ("推广预算", "ad budget"), ("合同条款", "contract terms"),
    ("数据报表", "data report"), ("客服质量", "customer service"), ("库存周转", "stock turnover"),
    ("活动报名", "campaign sign-up"), ("商品详情", "product page"), ("售后流程", "after-sales process"),
    ("直播带货", "live selling"), ("账号权限", "account access"), ("退款率", "refund rate"),
    ("转化率", "conversion rate"), ("服务费", "service fee"), ("交接清单", "handover checklist"),
)
_LEVELS = (("不达标", "Not met"), ("勉强", "Weak"), ("良好", "Good"), ("优秀", "Strong"))


def section_marker(index: int) -> str:
    """Unique marker in the title of section ``index`` (1-based), e.g. ``S007``."""
    return f"S{index:03d}"


def criterion_marker(index: int) -> str:
    """Unique marker in the title of criterion ``index`` (1-based), e.g. ``C0042``."""
    return f"C{index:04d}"


def _word(i: int, k: int) -> tuple[str, str]:
    return _WORDS[(i * 7 + k * 3) % len(_WORDS)]


def _sentence(i: int, k: int) -> tuple[str, str]:
    a, b, c = _word(i, k), _word(i, k + 1), _word(i + 1, k + 2)
    return (f"请对方说明{a[0]}和{b[0]}怎么安排，并拿出{c[0]}的证据。",
            f"Ask how the {a[1]} and the {b[1]} are handled, and ask for evidence of the {c[1]}.")


def _text(pair: tuple[str, str]) -> str:
    zh, en = (json.dumps(value, ensure_ascii=False) for value in pair)
    return f"{{zh: {zh}, en: {en}}}"


def _criterion(number: int) -> list[str]:
    marker = criterion_marker(number)
    word = _word(number, 0)
    lines = [
        f"      - id: c{number:04d}",
        f"        title: {_text((f'{marker} {word[0]}', f'{marker} {word[1].capitalize()}'))}",
        f"        why: {_text(_sentence(number, 1))}",
    ]
    for key, offset in (("questions", 2), ("evidence", 3), ("red_flags", 4)):
        lines += [f"        {key}:", f"          - {_text(_sentence(number, offset))}"]
    lines.append("        levels:")
    lines += [f"          - {{score: {score}, text: {_text(_sentence(number, 5 + score))}}}" for score in range(4)]
    lines += [f"        weight: {1 + number % 3}", f"        knockout: {'true' if number % 10 == 0 else 'false'}",
              "        sources: [synthetic]"]
    return lines


def synthetic_yaml(criteria: int, sections: int) -> str:
    """The criteria file as YAML text: ``criteria`` criteria spread evenly over ``sections`` sections."""
    if not 1 <= sections <= criteria:
        raise ValueError("need 1 <= sections <= criteria")
    lines = [
        "# Synthetic fork written by scripts/synthetic_fork.py; do not edit.",
        "format: 1", "meta:", f"  id: synthetic-{criteria}-{sections}",
        f"  title: {_text((f'合成分支（{criteria}条标准）', f'Synthetic fork ({criteria} criteria)'))}",
        f"  description: {_text(_sentence(0, 0))}",
        '  version: "0.0.1"', "  languages: [zh, en]", "  licence: CC-BY-4.0", "  sources:",
        f"    - id: synthetic\n      title: {_text(('合成数据', 'Synthetic data'))}",
        "scale:", "  levels:",
        *(f"    - {{score: {score}, label: {_text(pair)}}}" for score, pair in enumerate(_LEVELS)),
        "sections:",
    ]
    number = 0
    for s in range(1, sections + 1):
        marker, word = section_marker(s), _word(s, 9)
        title = _text((f"{marker} {word[0]}", f"{marker} {word[1].capitalize()}"))
        lines += [f"  - id: s{s:03d}", f"    title: {title}", f"    intro: {_text(_sentence(s, 8))}", "    criteria:"]
        for _ in range(criteria * s // sections - criteria * (s - 1) // sections):
            number += 1
            lines += _criterion(number)
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Command line: write the file (or print it with ``-o -``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--criteria", type=int, default=300, help="number of criteria (default: %(default)s)")
    parser.add_argument("--sections", type=int, default=30, help="number of sections (default: %(default)s)")
    parser.add_argument("-o", "--output", default="-", help="output file, or - for standard output")
    args = parser.parse_args(argv)
    text = synthetic_yaml(args.criteria, args.sections)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
