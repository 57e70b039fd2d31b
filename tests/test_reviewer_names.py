"""No two people with one name, and a colleague sending their scores again updates them, on a 390 × 844 touch phone.

A reviewer's scores are not added under the owner's or another reviewer's name, and the owner does not
take a reviewer's name (case, width and spaces aside). The refusal is said where the finger is (right
above the add button; under the name field being typed in), nothing is saved, and a distinct name such
as "王 (2)" is suggested: put in the field, so a second tap adds it. Scores received from someone named
like a reviewer here first offer to update that reviewer's scores (scores, notes and flags replaced,
agreed scores kept; what changed said where the form was), then still to add them as a new reviewer
under a distinct name. A share link, a file and pasted text all end in the same form.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import scorer_pages as sp
from editions import label
from playwright.sync_api import expect

from conftest import DEFAULT_CRITERIA
from generator.load import load_criteria
from generator.site.nav import language_root

CRITERIA = load_criteria(DEFAULT_CRITERIA)
FIRST, SECOND, THIRD, FOURTH = (k.id for k in CRITERIA.scored_criteria[:4])


def document(owner: str, reviewers: tuple[str, ...] = ()) -> dict[str, Any]:
    doc = sp.doc(CRITERIA, [("杭州甲", {FIRST: 2}, {})])
    people = [{"id": f"r{i}", "name": name} for i, name in enumerate(reviewers)]
    agencies = [{**a, "reviews": {p["id"]: {"scores": {FIRST: 1}, "notes": {}, "flags": {}} for p in people}}
                for a in doc["agencies"]]
    return {**doc, "formatVersion": 2, "owner": {"name": owner}, "reviewers": people, "agencies": agencies}


@pytest.fixture
def phone(browser: Any, base: str) -> Iterator[Any]:
    """phone(doc, page): a new phone context at the page ('worksheet/', 'interview/') holding doc (zh)."""
    contexts: list[Any] = []
    errors: list[str] = []

    def open_page(doc: dict[str, Any], path: str = "worksheet/") -> Any:
        fresh = browser.new_context(**sp.PHONE)
        contexts.append(fresh)
        page = fresh.new_page()
        page.set_default_timeout(15_000)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{base}{language_root(CRITERIA, 'zh')}worksheet/")
        page.wait_for_selector("#kit-scorer")
        sp.store(page, CRITERIA, doc)
        if path != "worksheet/":
            page.goto(f"{base}{language_root(CRITERIA, 'zh')}{path}")
        return page

    yield open_page
    for opened in contexts:
        opened.close()
    assert errors == []


def taken(name: str, suggestion: str) -> str:
    return label("zh", "pp_name_taken", name=name, suggestion=suggestion)


def import_file(page: Any, doc: dict[str, Any]) -> Any:
    page.locator("input.kit-sc-file").set_input_files(files=[{"name": "scores.json", "mimeType": "application/json",
                                                              "buffer": json.dumps(doc).encode()}])
    return page.locator(".kit-sc-import .kit-pp-review")


def paste(page: Any, doc: dict[str, Any]) -> Any:
    """doc's text pasted and imported (as a chat app's browser, with no files, does)."""
    page.locator('#kit-scorer button[data-action="paste-json"]').tap()
    page.locator("#kit-scorer textarea.kit-sc-paste-text").fill(json.dumps(doc))
    page.locator('#kit-scorer button[data-action="paste-go"]').tap()
    return page.locator(".kit-sc-import .kit-pp-review")


def reviewers(page: Any) -> list[str]:
    return [r["name"] for r in sp.state(page, CRITERIA)["reviewers"]]


def test_a_file_named_like_the_owner_or_a_reviewer_is_refused_with_a_free_name(phone: Any) -> None:
    page = phone(document("Wang Lei"))
    form = import_file(page, document("wang lei"))
    field, add, message = form.locator("input.kit-pp-review-name"), form.locator('button[data-pp="review"]'), \
        form.locator(".kit-pp-taken")
    expect(field).to_have_value("wang lei (2)")  # the default offered is distinct already
    field.fill("  WANGLEI ")  # the owner's name, but for case and spaces
    add.tap()
    expect(message).to_have_text(taken("Wang Lei", "WANGLEI (2)"))
    assert reviewers(page) == [], "nothing added"
    assert field.get_attribute("aria-invalid") == "true"
    box, button = message.bounding_box(), add.bounding_box()
    assert 0 <= button["y"] - (box["y"] + box["height"]) < 60, "said right above the button tapped"
    assert box["y"] >= 0 and button["y"] + button["height"] <= 844, "both on screen"
    expect(field).to_have_value("WANGLEI (2)")
    add.tap()  # the suggestion, as it stands
    assert reviewers(page) == ["WANGLEI (2)"]

    form = import_file(page, document("李"))
    field, add = form.locator("input.kit-pp-review-name"), form.locator('button[data-pp="review"]')
    field.fill("wanglei (2)")  # now another reviewer's name
    add.tap()
    expect(form.locator(".kit-pp-taken")).to_have_text(taken("WANGLEI (2)", "wanglei (2) (2)"))
    assert reviewers(page) == ["WANGLEI (2)"]
    field.fill("李")
    add.tap()
    assert reviewers(page) == ["WANGLEI (2)", "李"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_a_share_link_from_someone_named_like_the_owner_offers_a_distinct_name(phone: Any) -> None:
    theirs = phone(document("王"))
    theirs.locator('#kit-scorer button[data-action="share-make"]').tap()
    link = theirs.locator("textarea.kit-sh-link").input_value()
    mine = phone(document("王", ("王 (2)",)))
    mine.goto(link)
    form = mine.locator(".kit-sh-received .kit-pp-review")
    expect(form.locator("input.kit-pp-review-name")).to_have_value("王 (3)")
    form.locator("input.kit-pp-review-name").fill("王")
    form.locator('button[data-pp="review"]').tap()
    expect(form.locator(".kit-pp-taken")).to_have_text(taken("王", "王 (3)"))
    assert reviewers(mine) == ["王 (2)"]
    form.locator('button[data-pp="review"]').tap()
    assert reviewers(mine) == ["王 (2)", "王 (3)"]


@pytest.mark.parametrize(("path", "field", "message"), [("worksheet/", "#kit-pp-owner", "#kit-pp-owner-taken"),
                                                        ("interview/", "#kit-iv-owner", "#kit-iv-owner-taken")])
def test_the_owner_cannot_take_a_reviewers_name(phone: Any, path: str, field: str, message: str) -> None:
    page = phone(document("老板", ("Wang",)), path)
    owner = page.locator(field)
    expect(owner).to_have_value("老板")
    owner.tap()
    owner.fill(" wang")
    expect(page.locator(message)).to_have_text(taken("Wang", "wang (2)"))
    assert sp.state(page, CRITERIA)["owner"]["name"] == "老板", "not saved"
    box, typed = page.locator(message).bounding_box(), owner.bounding_box()
    assert 0 <= box["y"] - (typed["y"] + typed["height"]) < 40, "said right under the field"
    page.locator("h1").first.tap()  # leaving the field: the saved name comes back
    expect(owner).to_have_value("老板")
    owner.fill("王经理")
    expect(page.locator(message)).to_be_hidden()
    assert sp.state(page, CRITERIA)["owner"]["name"] == "王经理"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def updated(name: str, n: int) -> str:
    return label("zh", "pp_updated", name=name, n=n)


@pytest.mark.parametrize("send", [import_file, paste], ids=["file", "pasted"])
def test_scores_sent_again_under_a_reviewers_name_update_that_reviewer(phone: Any, send: Any) -> None:
    here = document("老板", ("Wang", "李"))
    agency = here["agencies"][0]
    agency.update(scores={FIRST: 3, FOURTH: 0}, agreed={FOURTH: 1})
    agency["reviews"]["r0"] = {"scores": {FIRST: 0, SECOND: 3}, "notes": {FIRST: "旧的说法"}, "flags": {FIRST: [0, 2]}}
    agency["reviews"]["r1"] = theirs = {"scores": {FOURTH: 3}, "notes": {FOURTH: "李的"}, "flags": {}}
    page = phone(here)
    summary = page.locator(".kit-pp-summary")
    expect(summary).to_have_text(label("zh", "pp_disagree_count", n=2, open=1))  # the knock-out, and the settled one
    counted = page.locator(f'fieldset[data-criterion="{SECOND}"] .kit-pp-counted')
    expect(counted).to_have_text(label("zh", "pp_counts_reviewer", score=3, who="Wang 3"))

    again = {**sp.doc(CRITERIA, [("杭州甲", {FIRST: 3, SECOND: 1, THIRD: 2}, {SECOND: "新的说法"})]),
             "formatVersion": 2, "owner": {"name": "ｗａｎｇ "}, "reviewers": []}  # full width, a space: still Wang
    form = send(page, again)
    update = form.locator('button[data-pp="update"]')
    field, add = form.locator("input.kit-pp-review-name"), form.locator('button[data-pp="review"]')
    expect(update).to_have_text(label("zh", "pp_update", name="Wang"))
    expect(add).to_have_text(label("zh", "pp_review_new"))
    assert update.bounding_box()["y"] < field.bounding_box()["y"], "updating is the first choice"
    expect(field).to_have_value("ｗａｎｇ (2)")  # adding as a new reviewer would take a distinct name
    assert update.bounding_box()["height"] >= 44
    update.tap()

    message = page.locator(".kit-sc-import .kit-sc-message")
    expect(message).to_have_text(updated("Wang", 3))  # business licence, authorisation, background check
    box = message.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 844, "said where the finger is"
    saved = sp.state(page, CRITERIA)
    assert [r["name"] for r in saved["reviewers"]] == ["Wang", "李"], "no second Wang"
    [now] = saved["agencies"]
    assert now["reviews"]["r0"] == {"scores": {FIRST: 3, SECOND: 1, THIRD: 2}, "notes": {SECOND: "新的说法"},
                                    "flags": {}}, "scores, notes and flags replaced"
    assert now["reviews"]["r1"] == theirs, "another reviewer's stay"
    assert (now["scores"], now["agreed"]) == ({FIRST: 3, FOURTH: 0}, {FOURTH: 1}), "the owner's and the agreed stay"
    expect(counted).to_have_text(label("zh", "pp_counts_reviewer", score=1, who="Wang 1"))
    expect(summary).to_have_text(label("zh", "pp_disagree_count", n=1, open=0))  # the knock-out disagreement is gone
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_a_link_sent_again_updates_or_is_added_as_a_new_reviewer_under_a_distinct_name(phone: Any) -> None:
    sender = phone({**document("王"), "agencies": [{**document("王")["agencies"][0], "scores": {FIRST: 3, SECOND: 2}}]})
    sender.locator('#kit-scorer button[data-action="share-make"]').tap()
    link = sender.locator("textarea.kit-sh-link").input_value()
    mine = phone(document("老板", ("王",)))
    mine.goto(link)
    form = mine.locator(".kit-sh-received .kit-pp-review")
    expect(form.locator('button[data-pp="update"]')).to_have_text(label("zh", "pp_update", name="王"))
    expect(form.locator("input.kit-pp-review-name")).to_have_value("王 (2)")
    form.locator('button[data-pp="review"]').tap()  # a second 王, kept apart
    expect(mine.locator(".kit-sh-inbox .kit-sc-message")).to_have_text(label("zh", "pp_reviewed", name="王 (2)", n=1))
    assert reviewers(mine) == ["王", "王 (2)"]

    mine.goto(link)
    mine.locator('.kit-sh-received button[data-pp="update"]').tap()
    expect(mine.locator(".kit-sh-inbox .kit-sc-message")).to_have_text(updated("王", 2))
    saved = sp.state(mine, CRITERIA)
    assert reviewers(mine) == ["王", "王 (2)"], "no third one"
    first = saved["reviewers"][0]["id"]
    assert saved["agencies"][0]["reviews"][first]["scores"] == {FIRST: 3, SECOND: 2}


def test_scores_sent_under_the_owners_name_offer_no_update(phone: Any) -> None:
    page = phone(document("王", ("李",)))
    form = import_file(page, document(" 王"))
    expect(form.locator('button[data-pp="update"]')).to_have_count(0)
    expect(form.locator('button[data-pp="review"]')).to_have_text(label("zh", "pp_review_add"))
    form.locator("input.kit-pp-review-name").fill("王")
    form.locator('button[data-pp="review"]').tap()
    expect(form.locator(".kit-pp-taken")).to_have_text(taken("王", "王 (2)"))
    assert reviewers(page) == ["李"]
