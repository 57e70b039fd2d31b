"""Chat apps' built-in browsers (issue 28): WeChat (Android, iOS), WeCom, DingTalk, QQ, Alipay.

Debian's Chromium on a 390 × 844 phone with touch at scale 2, told to be each app by its user
agent. Headless Chromium downloads anyway where the apps' browsers drop the file without a word
(field notes), so the tests record what the page does: every blob: link clicked with a download
attribute, every object URL made, every download event. In those browsers the page starts none; the
report is a picture on the page with the pixels of the PNG a normal browser downloads; the scores go
through the clipboard (or a text box) and come back whole by pasting; a note says how to open the
page in the phone's browser, and that the app keeps its own scores.
"""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import scorer_pages as sp
from editions import label
from PIL import Image, ImageChops
from playwright.sync_api import expect

from conftest import DEFAULT_CRITERIA
from generator.load import load_criteria
from generator.site.nav import language_root

CRITERIA = load_criteria(DEFAULT_CRITERIA)
IDS = [k.id for k in CRITERIA.scored_criteria]
FLAGGED = [k.id for k in CRITERIA.scored_criteria if len(k.red_flags) >= 2][:2]
LOW, HIGH = CRITERIA.scale.min_score, CRITERIA.scale.max_score

AGENTS = {
    "wechat-android": ("app_wechat", "Mozilla/5.0 (Linux; Android 13; V2055A Build/TP1A.220624.014; wv) AppleWebKit/537.36 "
                       "(KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 "
                       "MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin "
                       "NetType/WIFI Language/zh_CN ABI/arm64"),
    "wechat-ios": ("app_wechat", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, "
                   "like Gecko) Mobile/15E148 MicroMessenger/8.0.44(0x18002c2e) NetType/WIFI Language/zh_CN"),
    "wecom": ("app_wecom", "Mozilla/5.0 (Linux; Android 12; M2102J2SC Build/SKQ1.211006.001; wv) AppleWebKit/537.36 "
              "(KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 wxwork/4.1.16 "
              "MicroMessenger/7.0.1 NetType/WIFI Language/zh ColorScheme/Light"),
    "dingtalk": ("app_dingtalk", "Mozilla/5.0 (Linux; U; Android 12; zh-CN; V2049A Build/SP1A.210812.003) "
                 "AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/69.0.3497.100 UWS/3.22.2.59 Mobile "
                 "Safari/537.36 AliApp(DingTalk/7.0.40) com.alibaba.android.rimet/32361489 Channel/700159 "
                 "language/zh-CN abi/64"),
    "qq": ("app_qq", "Mozilla/5.0 (Linux; Android 10; V1938T Build/QP1A.190711.020; wv) AppleWebKit/537.36 (KHTML, "
           "like Gecko) Version/4.0 Chrome/89.0.4389.72 MQQBrowser/6.2 TBS/046011 Mobile Safari/537.36 "
           "V1_AND_SQ_8.8.68_2538_YYB_D A_8086800 QQ/8.8.68.7265 NetType/WIFI WebP/0.3.0 Pixel/1080"),
    "alipay": ("app_alipay", "Mozilla/5.0 (Linux; U; Android 11; zh-CN; M2012K11AC Build/RKQ1.200826.002) "
               "AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/69.0.3497.100 UWS/3.22.1.233 Mobile "
               "Safari/537.36 AlipayClient/10.5.36.8000 Language/zh-Hans"),
}
ORDINARY = {
    "chrome-android": "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
                      "Mobile Safari/537.36",
    "qq-browser": "Mozilla/5.0 (Linux; U; Android 12; zh-cn; PGT-AN10 Build/HONORPGT-AN10) AppleWebKit/537.36 (KHTML, "
                  "like Gecko) Version/4.0 Chrome/109.0.5414.86 MQQBrowser/13.5 Mobile Safari/537.36 COVC/046517",
    "safari-ios": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                  "Version/17.1 Mobile/15E148 Safari/604.1",
}
TESTED = ["wechat-android", "wechat-ios", "wecom", "dingtalk"]

RECORD_JS = """
window.kitSeen = { blobDownloads: [], objectUrls: 0 };
const click = HTMLAnchorElement.prototype.click;
HTMLAnchorElement.prototype.click = function () {
  if (this.hasAttribute('download') && this.href.startsWith('blob:')) window.kitSeen.blobDownloads.push(this.download);
  return click.call(this);
};
const make = URL.createObjectURL;
URL.createObjectURL = function (...args) { window.kitSeen.objectUrls += 1; return make.apply(this, args); };
"""
"""Records, in every page, blob: downloads started with <a download> and object URLs made."""
REFUSE_JS = """navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));"""
"""A clipboard that refuses to be written."""


def _document() -> dict[str, Any]:
    doc = sp.doc(CRITERIA, [
        ("星火电商", {**{k: HIGH for k in IDS[:20]}, IDS[20]: "na"}, {IDS[0]: "执照原件已看过。", "gone-criterion": "旧备注"}),
        ("Beta Ops", {k: LOW + 1 for k in IDS}, {IDS[5]: "Asked twice,\nno answer."}),
        ("Gamma \"quoted\" <b>", {}, {}),
    ])
    doc["agencies"][0]["flags"] = {FLAGGED[0]: [0, 1]}
    doc["agencies"][1]["flags"] = {FLAGGED[1]: [1]}
    return doc


def _whole(doc: dict[str, Any]) -> dict[str, Any]:
    """doc as the page keeps it: version 2, every agency with its flags and the other parts (empty when none)."""
    return sp.as_saved(doc)


@pytest.fixture
def phone(browser: Any, base: str) -> Iterator[Any]:
    """phone(agent, page, clipboard, seed): a new phone context with that user agent (None: Chromium's), on a page;
    clipboard True grants the clipboard, False makes writing to it fail (as some apps' browsers do)."""
    contexts: list[Any] = []
    errors: list[str] = []

    def open_page(agent: str | None, path: str = "worksheet/", clipboard: bool | None = None, seed: bool = True) -> Any:
        options = dict(sp.PHONE, accept_downloads=True)
        if agent:
            options["user_agent"] = AGENTS[agent][1] if agent in AGENTS else ORDINARY[agent]
        context = browser.new_context(**options)
        if clipboard:
            context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
        context.add_init_script(RECORD_JS)
        if clipboard is False:
            context.add_init_script(REFUSE_JS)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.downloads = []
        page.on("download", lambda d: page.downloads.append(d.suggested_filename))
        page.goto(f"{base}{language_root(CRITERIA, 'zh')}worksheet/")
        page.wait_for_selector("#kit-scorer")
        if seed:
            sp.store(page, CRITERIA, _document())
        if path != "worksheet/":
            page.goto(f"{base}{language_root(CRITERIA, 'zh')}{path}")
            page.locator("#kit-report .kit-rp-picture").scroll_into_view_if_needed()
            page.wait_for_selector("#kit-report .kit-rp-picture img")  # drawn when it comes near the screen
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert errors == []


def _nothing_downloaded(page: Any) -> None:
    page.wait_for_timeout(300)
    assert page.downloads == []
    assert page.evaluate("window.kitSeen") == {"blobDownloads": [], "objectUrls": 0}


@pytest.mark.parametrize("agent", [*AGENTS, *ORDINARY])
def test_apps_are_recognised_from_the_user_agent(phone: Any, base: str, agent: str) -> None:
    page = phone(agent, seed=False)
    found = page.evaluate("async (url) => { const m = await import(url); const app = m.currentApp(); "
                          "return app && app.label; }", f"{base}assets/javascripts/scorer/inapp.js")
    names = {"app_wechat": "appWechat", "app_wecom": "appWecom", "app_dingtalk": "appDingtalk", "app_qq": "appQq",
             "app_alipay": "appAlipay"}
    assert found == (names[AGENTS[agent][0]] if agent in AGENTS else None)


@pytest.mark.parametrize("agent", TESTED)
def test_exporting_in_an_app_starts_no_download_and_says_what_to_do(phone: Any, base: str, agent: str) -> None:
    page = phone(agent)
    app = label("zh", AGENTS[agent][0])
    note = page.locator("#kit-scorer .kit-inapp-note")
    assert note.is_visible() and note.inner_text() == f'{label("zh", "inapp_note", app=app)} {label("zh", "sc_picture_link")}'
    assert "在浏览器打开" in note.inner_text() and "···" in note.inner_text()
    tools = page.locator("#kit-scorer .kit-sc-tools")
    assert tools.locator('button[data-action^="export-"], button[data-action="print"]').count() == 0, \
        "no file or print buttons where files and printing are dropped"
    files = f"{base}assets/javascripts/scorer/scorer-files.js"  # the export functions the buttons call
    export = "async ([url, kind]) => (await import(url))[kind](window.kitScoring.scorer)"
    page.evaluate(export, [files, "exportJson"])
    shown = page.locator("#kit-scorer textarea.kit-sc-copy-text")
    assert json.loads(shown.input_value()) == _whole(_document()), "the JSON is shown to copy instead"
    page.evaluate(export, [files, "exportCsv"])
    csv = page.locator("#kit-scorer textarea.kit-sc-copy-text").input_value()
    assert "星火电商" in csv and not csv.startswith("{"), "and the CSV"
    tools.locator('button[data-action="copy-json"]').tap()
    page.locator(".kit-sc-transfer .kit-sc-message").wait_for()
    _nothing_downloaded(page)

    page.goto(page.url.replace("worksheet/", "report/"))
    page.wait_for_selector("#kit-report .kit-rp-rank")
    page.locator('#kit-report button[data-action="image"]').scroll_into_view_if_needed()
    assert page.locator("#kit-report .kit-inapp-note").inner_text() == label("zh", "inapp_note", app=app)
    assert page.locator('#kit-report button[data-action="print"]').count() == 0
    page.locator('#kit-report button[data-action="image"]').tap()
    message = page.locator(".kit-rp-message")
    expect(message).to_have_text(label("zh", "rp_picture_inapp"))
    picture = page.locator("#kit-report .kit-rp-picture")
    picture.locator("img").wait_for()
    box = picture.bounding_box()
    assert box["y"] < 844 and box["y"] + box["height"] > 0, "the picture is brought into view"
    _nothing_downloaded(page)


def _png(data_url: str) -> Image.Image:
    head, _, body = data_url.partition(",")
    assert head == "data:image/png;base64"
    image = Image.open(io.BytesIO(base64.b64decode(body)))
    image.load()
    return image


def test_the_picture_shown_has_the_pixels_of_the_png_a_normal_browser_downloads(phone: Any) -> None:
    normal = phone(None, "report/")
    with normal.expect_download() as info:
        normal.locator('#kit-report button[data-action="image"]').tap()
    downloaded = Image.open(io.BytesIO(Path(info.value.path()).read_bytes()))
    downloaded.load()
    shown_here = _png(normal.locator("#kit-report .kit-rp-picture img").get_attribute("src"))
    in_app = phone("wechat-ios", "report/")
    picture = in_app.locator("#kit-report .kit-rp-picture img")
    assert picture.is_visible()
    assert picture.bounding_box()["width"] <= 390 and in_app.evaluate("document.documentElement.scrollWidth") <= 390
    shown = _png(picture.get_attribute("src"))
    assert downloaded.size == shown.size == shown_here.size and downloaded.width == 1080
    for image in (shown, shown_here):
        assert ImageChops.difference(downloaded.convert("RGBA"), image.convert("RGBA")).getbbox() is None
    assert picture.get_attribute("alt") == label("zh", "rp_picture")
    assert in_app.locator(".kit-rp-picture figcaption").inner_text() == label("zh", "rp_picture_hint")


def _paste(page: Any, text: str) -> None:
    page.locator('#kit-scorer button[data-action="paste-json"]').tap()
    page.locator("#kit-scorer textarea.kit-sc-paste-text").fill(text)
    page.locator('#kit-scorer button[data-action="paste-go"]').tap()
    page.locator(".kit-sc-import .kit-sc-message").wait_for()


@pytest.mark.parametrize(("sender", "receiver"), [("wechat-android", "wechat-ios"), ("dingtalk", "wecom")])
def test_copy_and_paste_restores_every_score_note_flag_and_agency(phone: Any, sender: str, receiver: str) -> None:
    page = phone(sender, clipboard=False)
    sent = sp.state(page, CRITERIA)
    page.locator('#kit-scorer button[data-action="copy-json"]').tap()
    # No clipboard permission: the text is shown, selected, to copy by hand.
    page.locator(".kit-sc-transfer .kit-sc-message").wait_for()
    box = page.locator("#kit-scorer textarea.kit-sc-copy-text")
    assert box.is_visible() and box.get_attribute("readonly") is not None
    assert page.locator(".kit-sc-transfer .kit-sc-message").inner_text() == label("zh", "sc_copy_fallback")
    assert page.evaluate("(() => { const b = document.querySelector('textarea.kit-sc-copy-text'); "
                         "return b.selectionStart === 0 && b.selectionEnd === b.value.length; })()")
    text = box.input_value()
    other = phone(receiver, seed=False)
    _paste(other, text)
    assert sp.state(other, CRITERIA) == _whole(sent) == _whole(_document())
    assert sp.names(other) == [a["name"] for a in sent["agencies"]]
    _nothing_downloaded(page)
    _nothing_downloaded(other)


def test_copy_uses_the_clipboard_and_pasting_over_scores_asks_first(phone: Any) -> None:
    page = phone("wechat-android", clipboard=True)
    page.locator('#kit-scorer button[data-action="copy-json"]').tap()
    status = page.locator(".kit-sc-transfer .kit-sc-message")
    assert status.inner_text() == label("zh", "sc_copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert json.loads(copied) == _whole(_document())
    other = phone("wechat-android", seed=False)
    sp.pick(other, IDS[0], LOW)
    _paste(other, copied)
    assert other.locator('button[data-action="import-replace"]').is_visible(), "asks before replacing"
    assert sp.state(other, CRITERIA)["agencies"][0]["scores"] == {IDS[0]: LOW}
    other.locator('button[data-action="import-replace"]').tap()
    assert sp.state(other, CRITERIA) == _whole(_document())


def test_pasting_nothing_or_rubbish_changes_nothing(phone: Any) -> None:
    page = phone("wecom")
    before = sp.state(page, CRITERIA)
    page.locator('#kit-scorer button[data-action="paste-json"]').tap()
    page.locator('#kit-scorer button[data-action="paste-go"]').tap()
    assert page.locator(".kit-sc-import .kit-sc-message").inner_text() == label("zh", "sc_paste_empty")
    _paste(page, "这不是数据 {")
    assert page.locator(".kit-sc-import .kit-sc-message").inner_text().startswith(label("zh", "sc_import_error",
                                                                                         reason="|").split("|")[0])
    assert sp.state(page, CRITERIA) == before


def test_an_ordinary_browser_keeps_its_file_buttons_and_gets_no_note(phone: Any) -> None:
    page = phone("chrome-android")
    assert page.locator(".kit-inapp-note").count() == 0
    texts = "[...document.getElementById('kit-scorer').childNodes].filter((n) => n.nodeType === 3).map((n) => n.data)"
    assert "null" not in page.evaluate(texts), "no stray text where the note is left out"
    for action in ("export-json", "export-csv", "print", "copy-json", "paste-json"):
        assert page.locator(f'#kit-scorer button[data-action="{action}"]').is_visible()
    text = sp.download(page, "export-json")
    assert json.loads(text) == _whole(_document())
