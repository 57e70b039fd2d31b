"""The saved document, version 2 (scorer/storage.js, people.js, declaration.js), run with no page.

Version 2 adds, for one design serving the paper trail and sharing: the owner's name, other
reviewers' scores per agency, agreed scores, the evidence status per criterion, the agency's
written claims and its declaration. These tests check the rules against Python: what counts,
where reviewers disagree, the ranking after settling (generator/verdict.py), and the share of the
weight resting on evidence seen or checked (exact fractions).
"""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
import scorer_pages as sp
from editions import context
from people_rules import python_counted, python_disagreements, python_share

from conftest import DEFAULT_CRITERIA
from generator.load import load_criteria
from generator.render.report import report_data
from generator.verdict import judge_all, rule_of

CRITERIA = load_criteria(DEFAULT_CRITERIA)
DATA = report_data(context(CRITERIA, "en"))
SCORED = CRITERIA.scored_criteria
IDS = [k.id for k in SCORED]
LEVELS = [lv.score for lv in CRITERIA.scale.levels]
LOW, HIGH = LEVELS[0], LEVELS[-1]
KOS = [k for k in SCORED if k.knockout]
PLAIN = [k for k in SCORED if not k.knockout]


@pytest.fixture(scope="module")
def run(browser: Any, serve_dir: Any) -> Any:
    yield from sp.module_worker(browser, serve_dir, DATA, m="state.js", s="storage.js", t="state-text.js",
                                d="declaration.js")


def v1_document() -> dict[str, Any]:
    """A version-1 document as the previous release saved it."""
    return {"format": "kit-scoring", "formatVersion": 1,
            "criteria": {"id": CRITERIA.meta.id, "version": "1.1.0", "ids": [*IDS[:5], "gone"]},
            "agencies": [{"id": "a1", "name": "Hangzhou Co", "scores": {IDS[0]: HIGH, "gone": 1, IDS[1]: "na"},
                          "notes": {IDS[0]: "showed the back office", "gone": "kept"},
                          "flags": {IDS[0]: [0, 2]}},
                         {"id": "a2", "name": "Agency B", "scores": {}, "notes": {}}]}


def test_version_1_reads_without_loss_and_a_newer_one_is_refused(run: Any) -> None:
    old = v1_document()
    out = run(f"""
      const old = {json.dumps(old)};
      const doc = s.parse(JSON.stringify(old), data);
      const again = s.parse(JSON.stringify(doc), data);
      const newer = {{ ...old, formatVersion: data.format.version + 1, agencies: [] }};
      let refused = null;
      try {{ s.parse(JSON.stringify(newer), data); }} catch (e) {{ refused = [e.kind, t.reason(data.strings, e)]; }}
      return {{ doc, again, refused }};
    """)
    doc = out["doc"]
    assert doc["formatVersion"] == 2 and doc["owner"] == {"name": ""} and doc["reviewers"] == []
    first = doc["agencies"][0]
    for key in ("scores", "notes", "flags"):
        assert first[key] == old["agencies"][0][key]  # nothing lost, removed criteria's data kept too
    assert doc["agencies"][1]["flags"] == {}
    assert all(first[k] == {} for k in ("reviews", "agreed", "evidence", "claims")) and first["declaration"] is None
    assert out["again"] == doc  # a version-2 document reads back as itself
    kind, text = out["refused"]
    assert kind == "newer" and "newer version" in text and "version 3" in text and "Nothing was changed" in text


def test_a_bad_version_2_part_is_named(run: Any) -> None:
    out = run("""
      const doc = m.freshDocument(data);
      const bad = (change) => { const d = JSON.parse(JSON.stringify(doc)); change(d);
        try { s.parse(JSON.stringify(d), data); return null; } catch (e) { return e.message; } };
      return [
        bad((d) => { d.agencies[0].evidence = { x: { status: 'heard' } }; }),
        bad((d) => { d.agencies[0].evidence = { x: { status: 'seen', date: '6 Dec' } }; }),
        bad((d) => { d.agencies[0].reviews = { ghost: { scores: {}, notes: {}, flags: {} } }; }),
        bad((d) => { d.reviewers = [{ id: 'r', name: 'A' }, { id: 'r', name: 'B' }]; }),
        bad((d) => { d.agencies[0].claims = { x: { text: 1 } }; }),
        bad((d) => { d.agencies[0].agreed = { x: 'maybe' }; }),
      ];
    """)
    assert out == ["agencies[0].evidence", "agencies[0].evidence", "agencies[0].reviews", "reviewers[1]",
                   "agencies[0].claims", "agencies[0].agreed"]


def test_two_reviewers_disagree_and_settling_ranks_as_python_does(run: Any) -> None:
    rng = random.Random(7)
    choices = [*LEVELS, "na"]
    boss = [{k.id: rng.choice(LEVELS) for k in SCORED} for _ in range(2)]
    manager = [{k.id: rng.choice(choices if not k.knockout else LEVELS) for k in SCORED} for _ in range(2)]
    ko = KOS[0].id
    boss[0][ko], manager[0][ko] = HIGH, LOW  # a knock-out fires for the manager only
    names = ["Hangzhou Co", "Ningbo Ltd"]
    out = run(f"""
      const storage = memory();
      const store = new m.Store(data, storage);
      store.load();
      const boss = {json.dumps(boss)};
      const manager = {json.dumps(manager)};
      const names = {json.dumps(names)};
      store.commit({{ type: 'owner', value: 'Boss' }});
      store.state.agencies.slice(0).forEach((a, i) => {{ if (i > 1) store.commit({{ type: 'remove', agency: a.id }}); }});
      store.state.agencies.forEach((a, i) => {{
        store.commit({{ type: 'name', agency: a.id, value: names[i] }});
        for (const [id, v] of Object.entries(boss[i])) store.commit({{ type: 'score', agency: a.id, criterion: id, value: v }});
      }});
      // The manager's own page: a document of her own, exported and added here as a reviewer.
      const theirs = m.freshDocument(data);
      theirs.agencies = names.map((name, i) => ({{ id: 'x' + i, name, scores: manager[i], notes: {{}}, flags: {{}} }}));
      const file = JSON.stringify(theirs);
      store.commit({{ type: 'review', name: 'Ops manager', doc: s.parse(file, data) }});
      const other = new m.Store(data, storage);
      other.load();
      const before = m.results(data, other.state).ranks;
      const found = other.state.agencies.map((a) => m.disagreements(data, other.state, a));
      // Settle every disagreement on the manager's score.
      other.state.agencies.forEach((a, i) => found[i].forEach((d) =>
        other.commit({{ type: 'agree', agency: a.id, criterion: d.criterion,
          value: d.scores.find((x) => x.name === 'Ops manager').value }})));
      const after = m.results(data, store.load()).ranks;
      const mine = m.reviewerDocument(data, store.state, store.state.reviewers[0].id);
      return {{ found, before, after, agreed: store.state.agencies.map((a) => a.agreed),
        reviewers: store.state.reviewers.map((r) => r.name), owner: store.state.owner.name,
        mine: mine.agencies.map((a) => a.scores), count: store.state.agencies.length }};
    """)
    assert out["count"] == 2 and out["reviewers"] == ["Ops manager"] and out["owner"] == "Boss"
    assert out["mine"] == manager  # each reviewer's own scores stay exportable
    rule = rule_of(CRITERIA)
    settled = []
    for i in range(2):
        expected = python_disagreements([boss[i], manager[i]])
        assert [d["criterion"] for d in out["found"][i]] == expected
        assert expected, "the random case must disagree somewhere"
        assert ko in expected if i == 0 else True
        ko_item = next(d for d in out["found"][0] if d["criterion"] == ko)
        assert ko_item["knockout"] is True
        assert [x["name"] for x in ko_item["scores"]] == ["Boss", "Ops manager"]
        agreed = {c: manager[i][c] for c in expected}
        assert out["agreed"][i] == agreed
        settled.append(python_counted(boss[i], [manager[i]], agreed))
    _, _, before = judge_all(rule, [python_counted(b, [mm], {}) for b, mm in zip(boss, manager, strict=True)])
    _, _, after = judge_all(rule, settled)
    assert out["before"] == before and out["after"] == after


def test_a_reviewer_fills_what_the_owner_left_blank_with_the_lowest(run: Any) -> None:
    a, b = PLAIN[0].id, PLAIN[1].id
    out = run(f"""
      const agency = {{ scores: {{ {json.dumps(a)}: 2 }}, reviews: {{
        r1: {{ scores: {{ {json.dumps(a)}: 0, {json.dumps(b)}: 3 }} }}, r2: {{ scores: {{ {json.dumps(b)}: 1 }} }} }},
        agreed: {{}} }};
      const naOnly = {{ scores: {{}}, reviews: {{ r1: {{ scores: {{ {json.dumps(b)}: 'na' }} }},
        r2: {{ scores: {{ {json.dumps(b)}: 'na' }} }} }}, agreed: {{}} }};
      return [m.counted(agency), m.counted(naOnly)];
    """)
    assert out == [{a: 2, b: 1}, {b: "na"}]


def test_evidence_share_matches_python_and_round_trips(run: Any) -> None:
    rng = random.Random(11)
    cases = []
    for _ in range(20):
        scores = {k.id: rng.choice([*LEVELS, "na", None]) for k in SCORED}
        scores = {i: v for i, v in scores.items() if v is not None and not (v == "na" and i in {k.id for k in KOS})}
        evidence = {k.id: rng.choice(["claimed", "seen", "checked", None]) for k in SCORED}
        cases.append((scores, {i: v for i, v in evidence.items() if v}))
    out = run(f"""
      const cases = {json.dumps(cases)};
      const store = new m.Store(data, memory());
      store.load();
      const id = store.state.agencies[0].id;
      return cases.map(([scores, evidence]) => {{
        store.commit({{ type: 'replace', doc: m.freshDocument(data) }});
        for (const [c, v] of Object.entries(scores)) store.commit({{ type: 'score', agency: id, criterion: c, value: v }});
        for (const [c, v] of Object.entries(evidence)) store.commit({{ type: 'evidence', agency: id, criterion: c,
          value: {{ status: v, date: '2026-12-01', where: 'gsxt.gov.cn' }} }});
        const back = s.parse(JSON.stringify(store.state), data);
        return [m.evidenceShare(data, back.agencies[0]), back.agencies[0].evidence];
      }});
    """)
    weights = sorted(k.weight for k in SCORED)
    median = weights[(len(weights) - 1) // 2]
    for (scores, evidence), (share, saved) in zip(cases, out, strict=True):
        assert {c: e["status"] for c, e in saved.items()} == evidence  # round trip through the saved text
        assert all(e["date"] == "2026-12-01" and e["where"] == "gsxt.gov.cn" for e in saved.values())
        expected = python_share(scores, evidence)
        if expected is None:
            assert share["share"] is None
        else:
            assert abs(share["share"] - float(expected)) < 1e-9
        heavy = [k for k in SCORED if isinstance(scores.get(k.id), int)
                 and evidence.get(k.id) not in ("seen", "checked") and (k.knockout or k.weight >= median)]
        heavy.sort(key=lambda k: (not k.knockout, -k.weight, IDS.index(k.id)))
        assert [u["criterion"] for u in share["unverified"]] == [k.id for k in heavy]


def test_a_declaration_gives_claims_never_scores(run: Any) -> None:
    declared = [k.id for k in CRITERIA.declared_criteria]
    first = declared[0]
    out = run(f"""
      const file = d.declarationFile(data, {{ company: 'Hangzhou Co', code: '91330100MA2XXXXX0X', signatory: 'Li',
        date: '2026-12-05' }}, {{ {json.dumps(first)}: {{ text: 'We never buy orders.', attached: true }},
        [{json.dumps(declared[1])}]: {{ text: '', attached: false }}, notAsked: {{ text: 'x', attached: false }} }});
      const text = JSON.stringify(file);
      const store = new m.Store(data, memory());
      store.load();
      const id = store.state.agencies[0].id;
      store.commit({{ type: 'score', agency: id, criterion: {json.dumps(first)}, value: 3 }});
      const before = JSON.stringify(store.state.agencies[0].scores);
      store.commit({{ type: 'declaration', agency: id, value: d.parseDeclaration(text, data) }});
      const marked = store.commit({{ type: 'contradicted', agency: id, criterion: {json.dumps(first)}, value: true }});
      const none = store.commit({{ type: 'contradicted', agency: id, criterion: 'nothing', value: true }});
      const a = store.state.agencies[0];
      const bad = (change) => {{ const f = JSON.parse(text); change(f);
        try {{ d.parseDeclaration(JSON.stringify(f), data); return null; }} catch (e) {{ return e.kind + ':' + e.message; }} }};
      return {{ file, scores: JSON.stringify(a.scores) === before, claims: a.claims, declaration: a.declaration,
        evidence: a.evidence, marked: Boolean(marked), none, list: m.contradictions(data, store.state),
        refused: [bad((f) => {{ f.criteria.id = 'other'; }}), bad((f) => {{ f.formatVersion = 9; }}),
          bad((f) => {{ f.date = 'yesterday'; }}), bad((f) => {{ f.answers.x = {{ text: 1 }}; }})] }};
    """)
    assert out["file"]["format"] == "kit-declaration" and list(out["file"]["answers"]) == [first]
    assert out["scores"]  # a claim never sets a score
    assert out["claims"] == {first: {"text": "We never buy orders.", "attached": True, "contradicted": True}}
    assert out["declaration"]["company"] == "Hangzhou Co" and out["declaration"]["criteria"]["id"] == CRITERIA.meta.id
    assert out["evidence"] == {first: {"status": "claimed", "date": "2026-12-05", "where": ""}}
    assert out["marked"] and out["none"] is None
    assert out["list"] == [{"agency": 0, "criterion": first, "text": "We never buy orders."}]
    assert out["refused"] == ["otherCriteria:criteria.id", "newer:formatVersion", "shape:date", "shape:answers.x"]


def test_two_pages_merge_evidence_and_reviews_by_field(run: Any) -> None:
    a, b = IDS[0], IDS[1]
    out = run(f"""
      const storage = memory();
      const sheet = new m.Store(data, storage);
      const interview = new m.Store(data, storage);
      sheet.load(); interview.load();
      interview.commit({{ type: 'evidence', agency: 'a1', criterion: {json.dumps(a)}, value: {{ status: 'checked', date: '', where: '' }} }});
      sheet.commit({{ type: 'agree', agency: 'a1', criterion: {json.dumps(b)}, value: 2 }});
      const back = interview.sync();
      return {{ saved: JSON.parse(storage.getItem(sheet.key)).agencies[0], diffs: back.diffs }};
    """)
    assert out["saved"]["evidence"][a]["status"] == "checked" and out["saved"]["agreed"] == {b: 2}
    assert out["diffs"] == [{"agency": "a1", "criterion": b, "field": "agree"}]


def test_a_rename_of_the_owner_in_another_page_is_heard(run: Any) -> None:
    out = run("""
      const storage = memory();
      const sheet = new m.Store(data, storage);
      const other = new m.Store(data, storage);
      sheet.load(); other.load();
      other.commit({ type: 'owner', value: 'Wang' });
      const back = sheet.sync();
      return { diffs: back.diffs, text: m.describe(data, back.before, back.after, back.diffs), name: sheet.state.owner.name };
    """)
    assert out["diffs"] == [{"agency": None, "criterion": None, "field": "owner"}]
    assert out["text"] == "Wang" and out["name"] == "Wang"
