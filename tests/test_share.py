"""The share link (issue 28): scores in the address's # fragment, compressed, read by a fresh browser.

Debian's Chromium on a 390 × 844 phone with touch at scale 2. A link made in one browser context is
opened in a new one (its own storage, as another phone): the page shows what came and asks; added or
put in place of the agencies with the same names, the scores arrive whole. The page says what the
link holds before it is made; notes stay out unless ticked. The QR code drawn on the page is read
back with zbarimg (Debian's zbar-tools) to the same link. A link too long, cut short or edited is
refused with a message and changes nothing. The vendored QR library is the pinned file.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import scorer_pages as sp
from editions import label
from PIL import Image
from playwright.sync_api import expect

from conftest import DEFAULT_CRITERIA, ROOT
from generator.load import load_criteria
from generator.scoring import display, score_criteria
from generator.site.nav import language_root

CRITERIA = load_criteria(DEFAULT_CRITERIA)
IDS = [k.id for k in CRITERIA.scored_criteria]
FLAGGED = [k.id for k in CRITERIA.scored_criteria if len(k.red_flags) >= 2][:2]
KO = next(k.id for k in CRITERIA.scored_criteria if k.knockout)
LOW, HIGH = CRITERIA.scale.min_score, CRITERIA.scale.max_score
VENDORED = ROOT / "overrides" / "assets" / "javascripts" / "vendor" / "qrcode-generator" / "qrcode.js"
VENDORED_SHA256 = "ea91d7118a5395289170da848b7c6758b996163bfbccf312591ab65a4911b7c0"
"""dist/qrcode.mjs of qrcode-generator 2.0.4 from npm (vendor/VENDORED.txt)."""
LINK_MAX = 4000


def _document() -> dict[str, Any]:
    doc = sp.doc(CRITERIA, [
        ("星火电商", {**{k: HIGH for k in IDS[:20]}, IDS[20]: "na"}, {IDS[0]: "执照原件已看过。", IDS[1]: "报价偏高"}),
        ("Beta Ops", {**{k: LOW + 1 for k in IDS}, KO: LOW}, {IDS[5]: "Asked twice."}),
    ])
    doc["agencies"][0]["flags"] = {FLAGGED[0]: [0, 1]}
    doc["agencies"][1]["flags"] = {FLAGGED[1]: [1]}
    return doc


@pytest.fixture
def phone(browser: Any, base: str) -> Iterator[Any]:
    """phone(doc, path, script): a new phone context (its own storage) at the worksheet, holding doc if given,
    then at path if given; script runs first in every page."""
    opened = sp.opener(browser, base, CRITERIA)
    open_page = next(opened)

    def phone_page(doc: dict[str, Any] | None = None, path: str = "", script: str = "") -> Any:
        page = open_page("zh", phone=True, doc=doc, script=script)
        if path:
            page.goto(path)
            page.wait_for_selector("#kit-scorer")
        return page

    yield phone_page
    next(opened, None)  # closes the pages and checks for errors


def _make(page: Any, agency: int | None = None, notes: bool = False) -> str:
    share = page.locator("#kit-scorer .kit-sc-share")
    if agency is not None:
        share.locator("select.kit-sh-which").select_option(index=agency + 1)
    if notes:
        share.locator("input.kit-sh-notes").check()
    share.locator('button[data-action="share-make"]').tap()
    link = share.locator("textarea.kit-sh-link")
    link.wait_for()
    return str(link.input_value())


def _open(phone: Any, link: str, doc: dict[str, Any] | None = None, script: str = "") -> Any:
    page = phone(doc, link, script)
    page.locator(".kit-sh-received").wait_for()
    return page


def _scores(doc: dict[str, Any]) -> list[tuple[str, dict[str, Any], dict[str, Any], dict[str, Any]]]:
    return [(a["name"], a["scores"], a.get("flags", {}), a["notes"]) for a in doc["agencies"]]


def test_the_vendored_qr_library_is_the_pinned_file() -> None:
    assert hashlib.sha256(VENDORED.read_bytes()).hexdigest() == VENDORED_SHA256
    assert "MIT" in (VENDORED.parent / "LICENSE").read_text(encoding="utf-8")
    assert "2.0.4" in (VENDORED.parent.parent / "VENDORED.txt").read_text(encoding="utf-8")


def test_a_link_brings_all_scores_to_a_fresh_browser_and_asks_first(phone: Any, base: str) -> None:
    sender = phone(_document())
    says = sender.locator(".kit-sh-contains").inner_text()
    assert says == label("zh", "sh_contains", names=label("zh", "list_sep").join(["星火电商", "Beta Ops"]),
                         scores=21 + len(IDS), flags=3, notes=label("zh", "sh_notes_out"))
    link = _make(sender)
    assert link.startswith(f"{base}{language_root(CRITERIA, 'zh')}worksheet/#kit-share=1.z.")
    assert len(link) < 400, "compressed, by position"
    assert "执照" not in link and "%" not in link

    receiver = _open(phone, link)
    box = receiver.locator(".kit-sh-received")
    assert box.locator("li").count() == 2
    first = score_criteria(CRITERIA, _document()["agencies"][0]["scores"])
    assert f"{display(first.total)}" in box.locator("li").first.inner_text()
    assert label("zh", "vd_eliminated", ids="|").split("|")[0] in box.locator("li").nth(1).inner_text(), "the verdict"
    assert sp.state(receiver, CRITERIA) is None, "nothing saved before the merchant answers"
    box.locator('button[data-action="share-add"]').tap()
    expect(receiver.locator(".kit-sh-inbox .kit-sc-message")).to_have_text(label("zh", "sh_added", n=2))
    got = sp.state(receiver, CRITERIA)
    sent = [(n, s, f, {}) for n, s, f, _ in _scores(_document())]
    assert _scores(got) == sent, "scores and red flags, no notes; the new sheet's empty agencies make way"
    assert "#" not in receiver.url, "the link is forgotten once answered"
    receiver.reload()
    receiver.wait_for_selector("#kit-scorer")
    assert receiver.locator(".kit-sh-received").count() == 0


def test_one_agency_with_notes_replaces_the_agency_of_the_same_name(phone: Any) -> None:
    sender = phone(_document())
    share = sender.locator("#kit-scorer .kit-sc-share")
    share.locator("select.kit-sh-which").select_option(index=2)
    share.locator("input.kit-sh-notes").check()
    assert share.locator(".kit-sh-contains").inner_text() == label(
        "zh", "sh_contains", names="Beta Ops", scores=len(IDS), flags=1, notes=label("zh", "sh_notes_in", n=1))
    link = _make(sender)
    mine = _document()
    mine["agencies"][1]["scores"] = {IDS[0]: HIGH}
    mine["agencies"][1]["notes"] = {IDS[9]: "my own note"}
    receiver = _open(phone, link, mine)
    receiver.locator('.kit-sh-received button[data-action="share-replace"]').tap()
    expect(receiver.locator(".kit-sh-inbox .kit-sc-message")).to_have_text(label("zh", "sh_replaced", n=1))
    got = sp.state(receiver, CRITERIA)
    assert len(got["agencies"]) == 2
    assert _scores(got)[1] == _scores(_document())[1], "scores, flags and the notes that came"
    assert _scores(got)[0] == _scores(mine)[0]


def test_ignoring_a_link_changes_nothing(phone: Any) -> None:
    link = _make(phone(_document()))
    mine = sp.doc(CRITERIA, [("Mine", {IDS[0]: LOW}, {})])
    receiver = _open(phone, link, mine)
    before = sp.state(receiver, CRITERIA)
    receiver.locator('.kit-sh-received button[data-action="share-ignore"]').tap()
    assert receiver.locator(".kit-sh-inbox .kit-sc-message").inner_text() == label("zh", "sh_ignored")
    assert sp.state(receiver, CRITERIA) == before


def _decode(png: bytes, tmp_path: Path) -> str:
    path = tmp_path / "qr.png"
    path.write_bytes(png)
    zbarimg = shutil.which("zbarimg")
    assert zbarimg, "zbar-tools is installed (scripts/install-system-packages)"
    found = subprocess.run([zbarimg, "--raw", "-q", str(path)], capture_output=True, text=True, check=False)
    return found.stdout.strip()


def test_the_qr_code_reads_back_to_the_same_link(phone: Any, tmp_path: Path) -> None:
    page = phone(_document())
    loaded = "performance.getEntriesByType('resource').filter((e) => e.name.includes('qrcode')).length"
    assert page.evaluate(loaded) == 0, "the QR library loads only when a link is made"
    link = _make(page, notes=True)
    assert page.evaluate(loaded) == 1
    qr = page.locator(".kit-sh-qr img")
    qr.scroll_into_view_if_needed()
    assert qr.is_visible() and qr.get_attribute("alt") == label("zh", "sh_qr")
    box = qr.bounding_box()
    assert box["width"] <= 320 and box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert _decode(qr.screenshot(), tmp_path) == link, "as shown on the phone's screen"
    assert "null" not in page.locator(".kit-sh-out").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_a_link_too_long_is_not_made(phone: Any) -> None:
    doc = _document()
    # Notes that do not compress: every agency's every criterion, different text.
    doc["agencies"] = [{**a, "id": f"a{i}", "name": f"A{i}", "notes": {k: hashlib.sha256(f"{i}{k}".encode()).hexdigest()
                                                                        for k in IDS}} for i, a in
                       enumerate(doc["agencies"] * 2)]
    page = phone(doc)
    share = page.locator("#kit-scorer .kit-sc-share")
    share.locator("input.kit-sh-notes").check()
    share.locator('button[data-action="share-make"]').tap()
    alert = share.locator(".kit-sh-out [role=alert]")
    alert.wait_for()
    assert alert.inner_text().startswith(label("zh", "sh_too_long", n="|", max="|").split("|")[0])
    assert "4,000" in alert.inner_text()
    assert share.locator("textarea.kit-sh-link").count() == 0
    assert share.locator(".kit-sc-hint").first.inner_text() == label("zh", "sh_intro", max="4,000")


def test_a_link_too_long_for_a_qr_code_says_so(phone: Any) -> None:
    doc = _document()
    doc["agencies"][0]["notes"] = {k: hashlib.sha256(k.encode()).hexdigest() for k in IDS[:30]}
    page = phone(doc)
    link = _make(page, notes=True)
    assert 1200 < len(link) <= LINK_MAX
    assert page.locator(".kit-sh-qr").count() == 0
    assert page.locator(".kit-sh-no-qr").inner_text() == label("zh", "sh_no_qr", n=len(link), max=1200)


def _bad_links(link: str) -> dict[str, str]:
    head, _, rest = link.partition("#kit-share=")
    version, mode, body, check = rest.split(".")
    flipped = body[:40] + ("A" if body[40] != "A" else "B") + body[41:]
    return {
        "cut short": link[: len(link) - 30],
        "edited": f"{head}#kit-share={version}.{mode}.{flipped}.{check}",
        "checksum": f"{head}#kit-share={version}.{mode}.{body}.{'0' * 8 if check != '0' * 8 else '1' * 8}",
        "not base64": f"{head}#kit-share={version}.{mode}.{body[:20]}*{body[21:]}.{check}",
        "too long": f"{head}#kit-share={version}.{mode}.{body}{'A' * LINK_MAX}.{check}",
        "newer": f"{head}#kit-share=2.{mode}.{body}.{check}",
    }


def test_damaged_edited_and_too_long_links_change_nothing(phone: Any) -> None:
    link = _make(phone(_document()))
    mine = sp.doc(CRITERIA, [("Mine", {IDS[0]: LOW}, {IDS[0]: "kept"})])
    expected = {"too long": label("zh", "sh_link_too_long", max="4,000"), "newer": label("zh", "sh_newer")}
    page = None
    before = None
    for case, bad in _bad_links(link).items():
        if page is None:
            page = _open(phone, bad, mine)
            before = sp.state(page, CRITERIA)
        else:
            page.evaluate("(url) => { location.href = url; }", bad)  # the same tab: a hashchange
        alert = page.locator(".kit-sh-received [role=alert]")
        expect(alert).to_have_text(expected.get(case, label("zh", "sh_bad")))
        assert page.locator('.kit-sh-received button[data-action^="share-add"]').count() == 0, case
        assert sp.state(page, CRITERIA) == before == mine, case
        page.locator('.kit-sh-received button[data-action="share-ignore"]').tap()


def test_controls_of_the_share_link_are_44px(phone: Any) -> None:
    page = phone(_document())
    _make(page)
    small = page.evaluate("""() => [...document.querySelectorAll(
      '.kit-sc-share button, .kit-sc-share select, .kit-sc-share label, .kit-sc-share textarea')].map((e) => [e.className, e.getBoundingClientRect()])
      .filter(([, r]) => r.width > 0 && r.height < 44).map(([c, r]) => `${c} ${r.width}x${r.height}`)""")
    assert small == []


def test_the_qr_code_image_is_crisp_black_on_white(phone: Any) -> None:
    page = phone(_document())
    _make(page, agency=0)
    src = page.locator(".kit-sh-qr img").get_attribute("src")
    image = Image.open(io.BytesIO(base64.b64decode(src.split(",", 1)[1]))).convert("RGB")
    assert {rgb for _, rgb in image.getcolors()} == {(0, 0, 0), (255, 255, 255)}
    assert image.width % 6 == 0


NO_COMPRESSION = "delete window.CompressionStream; delete window.DecompressionStream;"
"""A browser without the Compression Streams API (older in-app browsers)."""


def test_without_compression_the_link_is_plain_and_still_carries_the_scores(phone: Any) -> None:
    sender = phone(_document(), script=NO_COMPRESSION)
    link = _make(sender)
    assert "#kit-share=1.j." in link
    assert sender.locator(".kit-sh-plain").inner_text() == label("zh", "sh_plain")
    receiver = _open(phone, link, script=NO_COMPRESSION)
    receiver.locator('.kit-sh-received button[data-action="share-add"]').tap()
    expect(receiver.locator(".kit-sh-inbox .kit-sc-message")).to_have_text(label("zh", "sh_added", n=2))
    assert _scores(sp.state(receiver, CRITERIA)) == [(n, s, f, {}) for n, s, f, _ in _scores(_document())]


def test_a_compressed_link_in_a_browser_that_cannot_inflate_says_so(phone: Any) -> None:
    link = _make(phone(_document()))
    receiver = _open(phone, link, script=NO_COMPRESSION)
    expect(receiver.locator(".kit-sh-received [role=alert]")).to_have_text(label("zh", "sh_no_inflate"))
    assert sp.state(receiver, CRITERIA) is None


def _fnv(data: bytes) -> str:
    value = 0x811C9DC5
    for byte in data:
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return f"{value:08x}"


def _plain_link(base: str, payload: Any) -> str:
    """A link as a browser without compression makes it (mode "j"), with a right check: only its content is bad."""
    raw = json.dumps(payload, ensure_ascii=False).encode()
    body = base64.urlsafe_b64encode(raw).decode().rstrip("=")
    return f"{base}{language_root(CRITERIA, 'zh')}worksheet/#kit-share=1.j.{body}.{_fnv(raw)}"


def _payload(agencies: list[Any], **change: Any) -> dict[str, Any]:
    ids_hash = _fnv("\n".join(IDS).encode())
    return {"k": "kit-share", "v": 1, "c": CRITERIA.meta.id, "cv": CRITERIA.meta.version, "h": ids_hash,
            "a": agencies, **change}


GOOD = {"n": "Alpha", "s": "3" + "-" * (len(IDS) - 1)}


HOSTILE = [
    ("not an agency", _payload([None]), label("zh", "sh_bad")),
    ("scores of the wrong length", _payload([{**GOOD, "s": "33"}]), label("zh", "sh_bad")),
    ("not a score", _payload([{**GOOD, "s": "!" * len(IDS)}]), label("zh", "sh_bad")),
    ("a score that is no level", _payload([{**GOOD, "s": "z" * len(IDS)}]), label("zh", "sh_bad")),
    ("a flag on no criterion", _payload([{**GOOD, "f": {"__proto__": [1]}}]), label("zh", "sh_bad")),
    ("a name too long", _payload([{**GOOD, "n": "x" * 500}]), label("zh", "sh_bad")),
    ("too many agencies", _payload([{**GOOD, "n": f"A{i}"} for i in range(11)]),
     label("zh", "sc_import_error", reason=label("zh", "sc_too_many", n=11, max=10))),
    ("another edition", _payload([GOOD], c="other-kit"),
     label("zh", "sc_import_error", reason=label("zh", "sc_wrong_criteria", id="other-kit"))),
    ("another criteria list", _payload([GOOD], h="00000000", cv="0.9.0"),
     label("zh", "sh_other_version", old="0.9.0", new=CRITERIA.meta.version)),
    ("a newer payload", _payload([GOOD], v=2), label("zh", "sh_newer")),
]
"""Links whose check is right but whose content is wrong, each with the message it gets."""


@pytest.mark.parametrize(("case", "payload", "message"), HOSTILE, ids=[case for case, _, _ in HOSTILE])
def test_a_hostile_link_with_a_right_check_changes_nothing(phone: Any, base: str, case: str, payload: Any,
                                                           message: str) -> None:
    mine = sp.doc(CRITERIA, [("Mine", {IDS[0]: LOW}, {})])
    page = _open(phone, _plain_link(base, payload), mine)
    expect(page.locator(".kit-sh-received [role=alert]")).to_have_text(message)
    assert page.locator('.kit-sh-received button[data-action="share-add"]').count() == 0, case
    assert sp.state(page, CRITERIA) == mine, case


def test_names_and_notes_from_a_link_are_text_never_markup(phone: Any, base: str) -> None:
    hostile = "<img src=x onerror=\"document.title='owned'\">"
    link = _plain_link(base, _payload([{**GOOD, "n": hostile, "t": {"0": hostile}}]))
    page = _open(phone, link)
    box = page.locator(".kit-sh-received")
    assert hostile in box.inner_text() and box.locator("img").count() == 0
    box.locator('button[data-action="share-add"]').tap()
    assert sp.state(page, CRITERIA)["agencies"][0]["notes"] == {IDS[0]: hostile}
    assert page.locator("#kit-scorer img").count() == 0 and page.title() != "owned"


def test_a_link_pasted_into_paste_to_import_is_read_as_if_opened(phone: Any) -> None:
    link = _make(phone(_document()))
    page = phone()
    page.locator('#kit-scorer button[data-action="paste-json"]').tap()
    page.locator("#kit-scorer textarea.kit-sc-paste-text").fill(f"看看这个 {link} 请查收")
    page.locator('#kit-scorer button[data-action="paste-go"]').tap()
    box = page.locator(".kit-sh-received")
    box.locator('button[data-action="share-add"]').tap()
    assert [a["name"] for a in sp.state(page, CRITERIA)["agencies"]] == ["星火电商", "Beta Ops"]
