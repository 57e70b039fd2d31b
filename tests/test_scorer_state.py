"""The scorer's state module (scorer/state.js, state-text.js) run with no page: in a module worker.

A worker has no DOM (no ``document``, no ``window``, no localStorage), so these tests also prove
that the state module needs none. Two Stores sharing one in-memory storage stand for two open
pages (a worksheet tab left open and the interview in another): every change re-reads what is
saved and merges by field, so neither overwrites the other's answers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import scorer_pages as sp
from editions import context

from conftest import DEFAULT_CRITERIA
from generator.load import load_criteria
from generator.render.report import report_data

SCORER = sp.SCORER
CRITERIA = load_criteria(DEFAULT_CRITERIA)
DATA = report_data(context(CRITERIA, "en"))
IDS = [k.id for k in CRITERIA.scored_criteria]
KO = next(k.id for k in CRITERIA.scored_criteria if k.knockout)
OTHER = next(i for i in IDS if i != KO)
LOW = CRITERIA.scale.min_score
NUMBER = {c["id"]: c["number"] for section in DATA["sections"] for c in section["criteria"]}


@pytest.fixture(scope="module")
def run(browser: Any, serve_dir: Any) -> Any:
    """run(body): the JavaScript function body run in a module worker with m (state.js), t (state-text.js),
    p (interview-path.js), data (the page data) and memory."""
    yield from sp.module_worker(browser, serve_dir, DATA, m="state.js", t="state-text.js", p="interview-path.js")


def test_two_pages_keep_each_others_answers(run: Any) -> None:
    """The worksheet's old copy never overwrites the interview's knock-out score and note."""
    out = run(f"""
      const storage = memory();
      const sheet = new m.Store(data, storage);
      const interview = new m.Store(data, storage);
      sheet.load();
      interview.load();
      const id = interview.state.agencies[0].id;
      interview.commit({{ type: 'score', agency: id, criterion: {json.dumps(KO)}, value: {LOW} }});
      interview.commit({{ type: 'note', agency: id, criterion: {json.dumps(KO)}, value: 'said no' }});
      interview.commit({{ type: 'flags', agency: id, criterion: {json.dumps(KO)}, value: [1, 0] }});
      // The worksheet has not heard of it yet (no storage event) and changes another score.
      sheet.commit({{ type: 'score', agency: id, criterion: {json.dumps(OTHER)}, value: 'na' }});
      const saved = JSON.parse(storage.getItem(sheet.key));
      const back = interview.sync();
      return {{ saved: saved.agencies[0], diffs: back.diffs, text: m.describe(data, back.before, back.after, back.diffs),
        same: sheet.state.agencies[0].id === id }};
    """)
    agency = out["saved"]
    assert agency["scores"] == {KO: LOW, OTHER: "na"}
    assert agency["notes"] == {KO: "said no"}
    assert agency["flags"] == {KO: [1, 0]}
    assert out["same"]  # two pages that started from nothing saved name the agencies alike
    assert out["diffs"] == [{"agency": "a1", "criterion": OTHER, "field": "score"}]
    assert out["text"] == f"Agency A {NUMBER[OTHER]}"


def test_agency_edits_merge_and_removed_agencies_are_not_revived(run: Any) -> None:
    out = run("""
      const storage = memory();
      const a = new m.Store(data, storage);
      const b = new m.Store(data, storage);
      a.load(); b.load();
      a.commit({ type: 'name', agency: 'a1', value: 'Hangzhou Co' });
      const added = b.commit({ type: 'add' });
      b.commit({ type: 'remove', agency: 'a2' });
      const late = a.commit({ type: 'score', agency: 'a2', criterion: data.sections[0].criteria[0].id, value: 3 });
      const diffs = m.differences(a.state, b.load());
      return { late, names: a.state.agencies.map((x) => x.name), ids: a.state.agencies.map((x) => x.id),
        added: added.id, diffs };
    """)
    assert out["late"] is None  # the agency was removed in the other page: the score is dropped, not revived
    assert out["names"] == ["Hangzhou Co", "Agency C", "Agency A"]  # the first free default name
    assert out["ids"] == ["a1", "a3", out["added"]]
    assert out["diffs"] == []


def test_differences_name_each_field(run: Any) -> None:
    out = run(f"""
      const before = m.freshDocument(data);
      const after = JSON.parse(JSON.stringify(before));
      after.agencies[1].name = 'Renamed';
      after.agencies[0].scores[{json.dumps(KO)}] = 2;
      after.agencies[0].notes[{json.dumps(KO)}] = 'n';
      after.agencies.splice(2, 1);
      after.agencies.push({{ id: 'x', name: 'New', scores: {{}}, notes: {{}}, flags: {{}} }});
      const diffs = m.differences(before, after);
      return {{ diffs, text: m.describe(data, before, after, diffs) }};
    """)
    assert out["diffs"] == [
        {"agency": "a1", "criterion": KO, "field": "score"}, {"agency": "a1", "criterion": KO, "field": "note"},
        {"agency": "a2", "criterion": None, "field": "name"}, {"agency": "x", "criterion": None, "field": "added"},
        {"agency": "a3", "criterion": None, "field": "removed"}]
    assert out["text"] == f"Agency A {NUMBER[KO]}; Renamed; New; 1 more"  # score and note: one item


def test_import_merge_and_csv_without_a_page(run: Any) -> None:
    out = run("""
      const storage = memory();
      const store = new m.Store(data, storage);
      store.load();
      const id = data.sections[0].criteria[0].id;
      const doc = m.freshDocument(data);
      doc.agencies = [{ id: 'z', name: 'Other', scores: { [id]: data.scale.max }, notes: {}, flags: {} }];
      store.commit({ type: 'merge', doc });
      const csv = t.csv(data, store.state);
      const counts = m.results(data, store.state).results.map(m.answered);
      return { names: store.state.agencies.map((a) => a.name), rows: csv.split('\\r\\n').length, counts,
        changes: t.criteriaChanges(data, store.state).changed };
    """)
    assert out["names"] == ["Agency A", "Agency B", "Agency C", "Other"]
    assert out["counts"] == [0, 0, 0, 1]
    assert out["changes"] is False
    assert out["rows"] > 4 * len(IDS)


def test_a_damaged_save_is_reported_not_overwritten(run: Any) -> None:
    out = run("""
      const storage = memory();
      const store = new m.Store(data, storage);
      storage.setItem(store.key, '{"format": 1');
      store.load();
      const after = store.commit({ type: 'add' });
      return { state: store.state, kind: store.corrupt.error.kind, raw: storage.getItem(store.key),
        after, why: t.reason(data.strings, store.corrupt.error) };
    """)
    assert out["state"] is None and out["after"] is None
    assert out["kind"] == "json" and out["raw"] == '{"format": 1'
    assert out["why"] == DATA["strings"]["badJson"]


def test_interview_path_without_a_page(run: Any) -> None:
    out = run(f"""
      const levels = new Set(data.scale.levels.map((lv) => lv.score));
      const criteria = m.criteriaOf(data);
      const ids = criteria.map((c) => c.id);
      const agency = {{ id: 'a', scores: {{ [ids[0]]: {LOW}, [ids[2]]: 'na' }} }};
      const ko = p.MODES.ko.order(criteria).map((c) => c.id);
      return {{
        next: p.nextUnanswered(ids, agency, levels, ids[0]),
        round: p.nextUnanswered(ids, agency, levels, ids[ids.length - 1]),
        opening: p.openingCard(ids, agency, levels, {{}}),
        kept: p.openingCard(ids, agency, levels, {{ a: ids[7] }}),
        marks: [p.mark(agency, ids[0], levels), p.mark(agency, ids[1], levels), p.mark(agency, ids[2], levels)],
        ko, must: p.MODES.must.full, unknown: p.modeOf('sitting-9'),
        sitting: p.modeOf('sitting-phone', p.modesFor(['phone'])), noSitting: p.modeOf('sitting-phone'),
        phone: p.modesFor(['phone'])['sitting-phone'].order([{{ id: 'x', must: ['q'], sittings: ['desk'] }},
          {{ id: 'y', must: ['q1', 'q2'], sittings: ['desk', 'phone'] }}, {{ id: 'z', knockout: true, must: ['q'],
            sittings: ['phone'] }}]).map((c) => c.id),
        asked: p.askedIn({{ must: ['q1', 'q2'], sittings: ['desk', 'phone'] }}, 'phone'),
        placeMode: p.readPlace(JSON.stringify({{ agency: 'a', mode: 'sitting-phone' }})).mode,
        old: p.readPlace(JSON.stringify({{ agency: 'a', card: ids[4] }})),
        bad: p.readPlace('{{'),
      }};
    """)
    assert out["next"] == IDS[1] and out["round"] == IDS[1] and out["opening"] == IDS[1]
    assert out["kept"] == IDS[7]
    assert out["marks"] == ["done", "", "na"]
    kos = [k.id for k in CRITERIA.scored_criteria if k.knockout]
    assert out["ko"] == kos + [i for i in IDS if i not in kos]
    assert out["must"] is False and out["unknown"] == "all"
    assert out["sitting"] == "sitting-phone" and out["noSitting"] == "all"
    assert out["phone"] == ["z", "y"] and out["asked"] == ["q2"], "that sitting's criteria, knock-outs first"
    assert out["placeMode"] == "sitting-phone", "checked against the page's modes, which depend on the criteria"
    assert out["old"] == {"agency": "a", "mode": "all", "cards": {"a": IDS[4]}}
    assert out["bad"] == {"agency": None, "mode": "all", "cards": {}}


def test_the_state_modules_use_no_dom() -> None:
    for name in ("state.js", "state-text.js", "storage.js", "rule.js", "summary.js", "interview-path.js"):
        text = (SCORER / name).read_text(encoding="utf-8")
        assert "document." not in text and "window." not in text, name
    assert json.loads(json.dumps(DATA))  # the data the pages get is plain JSON
    assert Path(SCORER / "state.js").stat().st_size < 12_000
