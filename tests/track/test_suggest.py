"""Suggested evidence (track/suggest.py): invented documents about one relationship (Ghana and
Korea, a harbour terminal that is pledged, financed, inaugurated and handed over, and a training
pledge that stops appearing) are stored by the real pipeline (`pledgebook ingest`) in a SQLite
and a PostgreSQL ledger, and `suggestions` reads back what later documents say."""

from __future__ import annotations

import json
import os
import uuid

import pytest
from typer.testing import CliRunner

from pledgebook.serve.cli import app


def _doc(title: str, date: str, body: str, publisher: str | None = None) -> str:
    extra = f'publisher: "{publisher}"\n' if publisher else ""
    return f'---\ntitle: "{title}"\ndate: "{date}"\n{extra}---\n{body}\n'


JOINT = "Joint Statement between Ghana and the Republic of Korea"
DOCS = {
    "2018-03-10_joint-statement.md": _doc(JOINT, "2018-03-10", (
        "Ghana and the Republic of Korea agreed to build the Kpone Harbour Terminal and the Tema Rail Link by 2021. "
        "Korea pledged to finance the Kpone Harbour Terminal. "
        "Both sides pledged to expand cooperation in vocational training for young engineers.")),
    "2020-06-02_joint-statement.md": _doc(JOINT, "2020-06-02", (
        "Ghana and the Republic of Korea agreed to complete the Kpone Harbour Terminal by 2022. "
        "Korea will explore options to finance the Kpone Harbour Terminal. "
        "Both sides pledged to expand cooperation in vocational training for young engineers.")),
    # a bare fact (no one's speech, so no statement) in a sentence that names the terminal
    "2019-08-01_floods.md": _doc("Floods hit Kpone works", "2019-08-01", (
        "Work on the Kpone Harbour Terminal was suspended in July after heavy floods. "
        "Ghana's President thanked Korea for its support to the Kpone Harbour Terminal."), publisher="Accra Daily"),
    # a report of work still to come: "expected to be completed", "will be inaugurated"
    "2021-05-04_port-works.md": _doc("Korea and Ghana review port works", "2021-05-04", (
        "Ghana's President thanked Korea for its support to the Kpone Harbour Terminal, which is expected to be "
        "completed by 2022. The minister said the Kpone Harbour Terminal will be inaugurated next year."),
        publisher="Accra Daily"),
    # a report of the work done: "was inaugurated"
    "2022-09-15_terminal-opens.md": _doc("Leaders open Kpone terminal", "2022-09-15", (
        "Ghana's President thanked Korea for building the Kpone Harbour Terminal, which was inaugurated on "
        "Thursday by the two leaders."), publisher="Accra Daily"),
    # the later joint statement: the terminal again, worded firmer; the training pledge left out
    "2023-11-20_joint-statement.md": _doc(JOINT, "2023-11-20", (
        "Korea pledged to finance the expansion of the Kpone Harbour Terminal. "
        "Ghana and the Republic of Korea agreed to deepen cooperation on renewable energy.")),
    # a meeting (a kind no thread holds) that names the terminal: found through its dossier
    "2024-02-01_handover.md": _doc("Terminal handed over", "2024-02-01", (
        "The presidents of Ghana and Korea met at the Kpone Harbour Terminal, which was handed over to the "
        "Ghana Ports Authority on Monday."), publisher="Accra Daily"),
    # another project, named second in the first pledge: its opening is its own story
    "2024-06-03_rail.md": _doc("Tema line opens", "2024-06-03", (
        "Ghana's President thanked Korea for the Tema Rail Link, which was inaugurated on Friday."),
        publisher="Accra Daily"),
}
ENV = {"COLUMNS": "200"}


def invoke(*args, env=ENV):
    return CliRunner().invoke(app, [str(a) for a in args], env=env)


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def ledger(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("suggest-docs")
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    url = (f"sqlite:///{tmp_path_factory.mktemp('suggest-ledger') / 'ledger.db'}" if request.param == "sqlite"
           else _module_postgres(request))
    result = invoke("ingest", folder, "--db", url, "--no-progress", "--embedder", "hashing")
    assert result.exit_code == 0, result.output
    return url


def _module_postgres(request: pytest.FixtureRequest) -> str:
    """A PostgreSQL database for this module, dropped at its end (skipped locally without a server)."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    server = os.environ.get("PLEDGEBOOK_TEST_PG_URL")
    if not server:
        message = "PLEDGEBOOK_TEST_PG_URL is not set: run `eval \"$(scripts/start-postgres.sh)\"` first"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    base = make_url(server)
    name = f"pledgebook_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()

    request.addfinalizer(drop)
    return base.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="module")
def found(ledger: str):
    from pledgebook.store import open_database
    from pledgebook.track.suggest import suggestions

    engine = open_database(ledger)
    try:
        yield suggestions(engine)
    finally:
        engine.dispose()


def _texts(ledger: str) -> dict[str, str]:
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from pledgebook.store import open_database
    from pledgebook.store.models import Document

    engine = open_database(ledger)
    with Session(engine) as session:
        texts = {d.source: d.text for d in session.scalars(select(Document))}
    engine.dispose()
    return texts


def test_a_later_report_of_the_inauguration_is_a_completion(ledger, found):
    done = [s for s in found if s.kind == "completion"]
    assert [s.document_date for s in done] == ["2022-09-15", "2024-02-01"], found
    s = done[0]
    assert s.dossier is None  # a member of the terminal's thread (an appreciation)
    assert s.document_date == "2022-09-15" and s.cues == ("inaugurated",)
    assert "which was inaugurated on Thursday" in s.quote
    assert _texts(ledger)[s.document_source][s.start:s.end] == s.quote  # the quoting span is exact
    assert s.statement_key and s.key == f"{s.thread_id}:{s.statement_key}:completion"
    assert "first pledged 2018-03-10" in s.reason


def test_a_statement_outside_the_thread_that_names_the_project_is_found_through_its_dossier(ledger, found):
    s = next(s for s in found if s.kind == "completion" and s.document_date == "2024-02-01")
    assert s.dossier == "Kpone Harbour Terminal" and s.cues == ("handed over",)
    assert s.quote.startswith("The presidents of Ghana and Korea met at the Kpone Harbour Terminal")
    first = next(x for x in found if x.kind == "completion")
    assert s.thread_id == first.thread_id  # the terminal's thread, which the meeting is no member of
    assert "in a statement naming Kpone Harbour Terminal" in s.reason


def test_a_sentence_that_names_the_project_but_holds_no_statement(ledger, found):
    s = next(s for s in found if s.kind == "stalled")
    assert [x.kind for x in found if x.document_date == "2019-08-01"] == ["stalled"]
    assert s.quote == "Work on the Kpone Harbour Terminal was suspended in July after heavy floods."
    assert _texts(ledger)[s.document_source][s.start:s.end] == s.quote
    assert s.statement_key is None and s.dossier == "Kpone Harbour Terminal" and s.cues == ("suspended",)
    assert s.key.endswith(f":{s.start}-{s.end}:stalled")  # the sentence's span stands for a statement key


def test_a_project_a_member_names_second_is_not_the_threads(found):
    """The first pledge names the terminal, then the rail link: the thread is the terminal's
    (each member's first project, as the linker anchors it), so the rail link's opening is no
    evidence about it."""
    assert not [s for s in found if "Tema" in (s.quote or "")], found


def test_work_still_to_come_is_no_completion(found):
    """'is expected to be completed by 2022' and 'will be inaugurated next year' report nothing done."""
    assert not [s for s in found if s.document_date == "2021-05-04"], found


def test_weaker_then_stronger_wording_of_one_party(found):
    changes = sorted((s.document_date, s.kind, s.cues) for s in found if s.kind in ("weaker", "stronger"))
    assert changes == [("2020-06-02", "weaker", ("firm", "soft")), ("2023-11-20", "stronger", ("soft", "firm"))]
    weaker = next(s for s in found if s.kind == "weaker")
    assert weaker.quote == "Korea will explore options to finance the Kpone Harbour Terminal"
    assert "(KOR; 78% of the words alike)" in weaker.reason


def test_a_pledge_two_joint_statements_made_and_the_next_left_out_is_dropped(found):
    dropped = [s for s in found if s.kind == "dropped"]
    assert len(dropped) == 1, found
    s = dropped[0]
    assert s.document_date == "2023-11-20" and s.statement_key is None and s.quote is None
    assert "in 2 joint statements of GHA–KOR (2018-03-10 … 2020-06-02)" in s.reason
    # the terminal's thread, repeated in 2023, is not dropped; its thread id differs
    completion = next(s for s in found if s.kind == "completion")
    assert s.thread_id != completion.thread_id


def test_one_thread_and_an_unknown_thread(ledger, found):
    from pledgebook.store import open_database
    from pledgebook.track.suggest import UnknownThread, suggestions

    tid = next(s for s in found if s.kind == "completion").thread_id
    engine = open_database(ledger)
    try:
        assert suggestions(engine, tid) == [s for s in found if s.thread_id == tid]
        with pytest.raises(UnknownThread):
            suggestions(engine, 99999)
    finally:
        engine.dispose()
    result = invoke("suggestions", "--db", ledger, "--thread", 99999)
    assert result.exit_code == 2 and "no thread 99999" in result.output


def test_cli_json_and_an_80_column_table(ledger, found):
    result = invoke("suggestions", "--db", ledger, "-f", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["key"] for r in rows] == [s.key for s in found]
    assert {"key", "thread_id", "dossier", "kind", "statement_key", "start", "end", "quote", "cues", "reason"} <= set(rows[0])
    table = invoke("suggestions", "--db", ledger, env={**ENV, "COLUMNS": "80"})
    assert table.exit_code == 0, table.output
    assert max(len(line) for line in table.stdout.splitlines()) <= 80
    assert "which was inaugurated on Thursday" in " ".join(table.stdout.split())
    assert f"{len(found)} suggestions" in table.stdout


def _cues_with(section: str = "dropped", **values):
    """The bundled cues with other values in one section."""
    import yaml

    from pledgebook.codebook.book import BUNDLED
    from pledgebook.codebook.cues import CUES_FILE, CuesFile, build_cue_book

    data = yaml.safe_load((BUNDLED / CUES_FILE).read_text(encoding="utf-8"))
    data[section].update(values)
    return build_cue_book(CuesFile.model_validate(data))


def _found_with(ledger: str, cues):
    from pledgebook.store import open_database
    from pledgebook.track.suggest import suggestions

    engine = open_database(ledger)
    try:
        return suggestions(engine, cues=cues)
    finally:
        engine.dispose()


def test_only_a_rewording_of_one_undertaking_is_compared(ledger):
    """"Korea pledged to finance the expansion ..." and "Korea will explore options to finance
    ..." share 67% of their words: at a floor of 0.7 only the first change (78%) is one."""
    found = _found_with(ledger, _cues_with("reworded", min_similarity=0.7))
    assert [(s.document_date, s.kind) for s in found if s.kind in ("weaker", "stronger")] == [("2020-06-02", "weaker")]


@pytest.mark.parametrize(("rule", "dropped"), [
    ({}, 1),
    # the 2023 statement holds 2 statements, the two that made the pledge 3 each: at a share of
    # 1.0 it is too short for its silence to count
    ({"min_size_share": 1.0}, 0),
    # a statement of 2023 shares about a sixth of its words with the training pledge: at 0.15
    # it counts as the pledge said again in other words
    ({"repeated_similarity": 0.15}, 0),
    ({"genres": ["communique"]}, 0),
    ({"min_documents": 3}, 0),
    # no statement of the thread names an entity: the entity rule cannot keep it
    ({"repeated_entity_kinds": []}, 1),
])
def test_the_dropped_rule_is_codebook_data(ledger, rule, dropped):
    found = _found_with(ledger, _cues_with(**rule))
    assert len([s for s in found if s.kind == "dropped"]) == dropped
