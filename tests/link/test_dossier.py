"""Project dossiers: three invented documents name one railway under three spellings; the real
pipeline (`pledgebook ingest`) stores them, and `pledgebook dossier` gathers them back."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgebook.serve.cli import app

DOCS = {
    "2016-05-10_launch.txt": (
        "Islamabad, 10 May 2016\n\nPakistan and China agreed to launch the upgrade of the Main Line-1 railway "
        "from Karachi to Peshawar. Both sides agreed to accelerate the development of Gwadar Port. "
        "The two sides discussed regional security.\n"
    ),
    "2017-05-13_framework.txt": (
        "Beijing, 13 May 2017\n\nChina and Pakistan signed a framework agreement on the ML-1 upgrade. "
        "The two sides pledged to complete the ML-1 upgrade by 2022. Pakistan thanked China for its support.\n"
    ),
    "2022-11-02_early.txt": (
        "Beijing, 2 November 2022\n\nThe two sides agreed on the early implementation of the ML-I railway project. "
        "Both sides agreed to expedite work on Gwadar Port. "
        "China pledged to upgrade the Karakoram Highway realignment.\n"
    ),
}
ENV = {"COLUMNS": "200"}


def invoke(*args, env=ENV):
    return CliRunner().invoke(app, [str(a) for a in args], env=env)


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def ledger(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("dossier-docs")
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('dossier-ledger') / 'ledger.db'}"
        result = invoke("ingest", folder, "--db", url, "--no-progress", "--embedder", "hashing")
        assert result.exit_code == 0, result.output
        yield url
        return
    url = _module_postgres(request, _postgres_server())
    result = invoke("ingest", folder, "--db", url, "--no-progress", "--embedder", "hashing")
    assert result.exit_code == 0, result.output
    yield url


def _postgres_server() -> str:
    """The test server, as the storage tests find it (tests/store/conftest.py): skip locally
    without one, fail on CI."""
    url = os.environ.get("PLEDGEBOOK_TEST_PG_URL")
    if not url:
        message = "PLEDGEBOOK_TEST_PG_URL is not set: run `eval \"$(scripts/start-postgres.sh)\"` first"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return url


def _module_postgres(request: pytest.FixtureRequest, server: str) -> str:
    """A PostgreSQL database for this module, dropped at its end."""
    import uuid

    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

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


def dossier_json(ledger: str, name: str) -> dict:
    result = invoke("dossier", name, "--db", ledger, "-f", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("name", ["ML-1", "Main Line-1", "ml i", "MAIN LINE 1", "mainline-1", "ML1 railway"])
def test_one_dossier_from_every_alias(ledger, name):
    d = dossier_json(ledger, name)
    assert d["entity"] == "ML-1" and {"Main Line-1", "ML-I"} <= set(d["aliases"])
    statements = d["statements"]
    assert [Path(s["document_source"]).name for s in statements] == [
        "2016-05-10_launch.txt", "2017-05-13_framework.txt", "2017-05-13_framework.txt", "2017-05-13_framework.txt",
        "2022-11-02_early.txt"]
    assert [s["document_date"] for s in statements] == sorted(s["document_date"] for s in statements)
    # of any kind: "Pakistan thanked China for its support" refers back to the ML-1 upgrade pledged before it
    assert {s["kind"] for s in statements} == {"commitment", "agreement", "appreciation"}
    for s in statements:
        assert set(s) >= {"document_source", "document_date", "kind", "text", "start", "end", "thread_id",
                          "statement_id"}
        text = Path(s["document_source"]).read_text(encoding="utf-8") if Path(s["document_source"]).is_file() else None
        if text is not None:
            assert text[s["start"]:s["end"]] == s["text"]  # grounded in the document
        assert "ML-1" in s["entities"]
    assert (d["documents"], d["first_seen"], d["last_seen"]) == (3, "2016-05-10", "2022-11-02")
    assert d["story"] == ("agreed to launch 2016 → signed a framework agreement 2017 → "
                          "agreed on the early implementation 2022")
    # Every statement of a thread is in the statements; a statement in no thread has thread_id null.
    ids = {s["statement_id"]: s["thread_id"] for s in statements}
    for t in d["threads"]:
        assert set(t) >= {"thread_id", "first_seen", "last_seen", "strength_change", "wording", "statement_ids"}
        assert all(ids[sid] == t["thread_id"] for sid in t["statement_ids"])
        assert len(t["wording"]) == len(t["statement_ids"]) - 1  # one change per consecutive pair
    assert sorted(sid for t in d["threads"] for sid in t["statement_ids"]) == sorted(
        sid for sid, tid in ids.items() if tid is not None)


def test_unknown_name_exits_2_with_suggestions(ledger):
    result = invoke("dossier", "ML-2", "--db", ledger)
    assert result.exit_code == 2
    assert "no project or other entity is named 'ML-2'; did you mean ML-1" in result.stderr
    result = invoke("dossier", "Gwadr Port", "--db", ledger)
    assert result.exit_code == 2 and "did you mean Gwadar Port" in result.stderr
    nothing = invoke("dossier", "qqqqqq", "--db", ledger)
    assert nothing.exit_code == 2 and "did you mean" not in nothing.stderr


def test_a_known_project_no_statement_names_exits_1(ledger):
    result = invoke("dossier", "Jakarta-Bandung HSR", "--db", ledger)
    assert result.exit_code == 1
    assert "no stored statement names Jakarta-Bandung High-Speed Railway" in result.stderr


def test_dossiers_ranks_projects_by_documents(ledger):
    result = invoke("dossiers", "--db", ledger, "-f", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["entity"], r["documents"]) for r in rows] == [
        ("ML-1", 3), ("Gwadar Port", 2), ("KKH realignment", 1)]
    assert rows[0] == {"entity": "ML-1", "entity_kind": "project", "documents": 3, "statements": 5,
                       "threads": rows[0]["threads"], "first_year": 2016, "last_year": 2022}
    # Which kinds are threaded, and with whom, is the linker's business: count what the dossier shows.
    dossier = dossier_json(ledger, "ML-1")
    assert rows[0]["threads"] == len({s["thread_id"] for s in dossier["statements"]} - {None}) >= 1
    limited = json.loads(invoke("dossiers", "--db", ledger, "-n", "1", "-f", "json").stdout)
    assert [r["entity"] for r in limited] == ["ML-1"]
    csv_out = invoke("dossiers", "--db", ledger, "-f", "csv").stdout.splitlines()
    assert csv_out[0] == "entity,entity_kind,documents,statements,threads,first_year,last_year"
    table = invoke("dossiers", "--db", ledger, env={**ENV, "COLUMNS": "80"}).stdout
    assert table.index("ML-1") < table.index("Gwadar Port") < table.index("KKH realignment")
    assert max(len(line) for line in table.splitlines()) <= 80


def test_wording_and_strength_change_between_mentions_of_one_thread(ledger):
    """(Last: it merges the railway's threads, as an analyst would.)"""
    from pledgebook.link import merge_threads
    from pledgebook.store import open_database

    d = dossier_json(ledger, "ML-1")
    commitments = [s for s in d["statements"] if s["kind"] == "commitment"]
    engine = open_database(ledger)
    try:
        first, *rest = [s["thread_id"] for s in commitments]
        for other in dict.fromkeys(rest):  # each other thread once (two commitments may share one)
            if other != first:
                merge_threads(engine, first, other, author="test")
    finally:
        engine.dispose()
    d = dossier_json(ledger, "ML-1")
    [thread] = [t for t in d["threads"] if t["thread_id"] == first]
    assert {s["statement_id"] for s in commitments} <= set(thread["statement_ids"])  # (the agreement may join)
    assert (thread["first_seen"], thread["last_seen"]) == ("2016-05-10", "2022-11-02")
    assert thread["strength_change"] == "unchanged"
    assert thread["wording"][0]["removed"] and thread["wording"][0]["added"]
    table = invoke("dossier", "ML-1", "--db", ledger, env={**ENV, "COLUMNS": "120"})
    assert table.exit_code == 0, table.output
    assert f"thread {first} · 3 documents · 2016-05-10 … 2022-11-02 · strength unchanged" in table.stdout
    assert "signed a framework agreement 2017" in table.stdout


def test_story_joins_consecutive_documents_that_say_the_same():
    from pledgebook.link.dossier import DossierStatement, story

    def said(date: str, text: str, words: list[str], kind: str = "commitment", strength: str | None = "firm"):
        return DossierStatement(f"{date}:0", f"{date}.txt", date, None, kind, text, 0, len(text), ["CHN"],
                                strength, [], ["ML-1"], None, None, words, None)

    steps = story([
        said("2018-11-03", "agreed to accelerate work on ML-1", ["agreed", "accelerate"]),
        said("2019-04-28", "The two sides discussed ML-1", ["discussed"], kind="discussion", strength=None),
        said("2019-04-28", "Both sides agreed to accelerate ML-1", ["agreed", "accelerate"]),  # the telling one
        said("2021-07-01", "reaffirmed support for ML-1.", ["reaffirmed"], kind="position", strength=None),
    ], frozenset({"for", "of"}))
    assert [step.label() for step in steps] == ["agreed to accelerate 2018–2019", "reaffirmed support 2021"]
    assert steps[0].statement_ids == ["2018-11-03:0", "2019-04-28:0"]


def test_a_long_story_is_told_by_year():
    from pledgebook.link.dossier import DossierStatement, story

    def said(date: str, text: str, words: list[str], kind: str = "commitment"):
        return DossierStatement(f"{date}:0", f"{date}.txt", date, None, kind, text, 0, len(text), ["CHN"],
                                "firm" if kind == "commitment" else None, [], ["ML-1"], None, None, words, None)

    statements = [said(f"{year}-0{month}-01", f"will build it ({year}-{month})", ["will", "build"])
                  for year in (2019, 2020, 2021) for month in (1, 2, 3)]
    statements[4] = said("2020-02-01", "signed the loan agreement", ["signed"], kind="agreement")
    steps = story(statements)  # nine documents: more than a step each can tell
    assert [step.label() for step in steps] == ["will build 2019", "signed the loan agreement 2020", "will build 2021"]


SPELLINGS = {
    "2019-03-04_plant-deal.txt": (
        "Cairo, 4 March 2019\n\nRussia and Egypt agreed to build the Verdana nuclear power plant. "
        "Russia pledged to finance the Verdana nuclear power plant by 2024.\n"
    ),
    "2021-06-07_plant-loan.txt": (
        "Moscow, 7 June 2021\n\nRussia and Egypt signed a loan agreement for the Verdana NPP. "
        "Egypt thanked Russia for its support of the Verdana NPP.\n"
    ),
    "2021-09-01_port.txt": (
        "Cairo, 1 September 2021\n\nRussia and Egypt agreed to expand the Verdana Port.\n"
    ),
}


def test_spellings_of_one_discovered_project_are_one_dossier(tmp_path: Path) -> None:
    """A project the gazetteer does not list, spelled two ways in two reports, is one row of
    `dossiers` and one `dossier`; a port named after the same town stays its own."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in SPELLINGS.items():
        (folder / name).write_text(text, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    assert invoke("ingest", folder, "--db", url, "--no-progress", "--embedder", "hashing").exit_code == 0
    rows = {r["entity"]: r for r in json.loads(invoke("dossiers", "--db", url, "-f", "json").stdout)}
    plant = [r for name, r in rows.items() if "Verdana" in name and "Port" not in name]
    assert len(plant) == 1 and plant[0]["documents"] == 2, rows
    assert rows["Verdana Port"]["documents"] == 1
    dossier = json.loads(invoke("dossier", "Verdana NPP", "--db", url, "-f", "json").stdout)
    assert {s["document_date"][:4] for s in dossier["statements"]} == {"2019", "2021"}
    assert not any("expand" in s["text"] for s in dossier["statements"])


def test_a_section_of_a_line_is_in_the_lines_dossier(tmp_path: Path) -> None:
    """"The Lyon–Valence railway" runs along the Lyon–Marseille line (Valence lies between the two
    cities): one row of `dossiers` and in the line's `dossier`; "the Marseille–Nice railway" runs
    beyond it and stays its own. Real SQLite ledger, invented records (routes read GeoNames)."""
    from recordkit import CODEBOOK, EXTRACTOR, make_record

    from pledgebook.link.dossier import build_dossier, list_dossiers
    from pledgebook.store import ingest_record, open_database

    engine = open_database(tmp_path / "ledger.db")
    said = {
        "2019-01-10": ("France and China agreed to build the Lyon–Marseille railway", "Lyon–Marseille railway"),
        "2021-03-02": ("China will finance the Lyon–Valence railway", "Lyon–Valence railway"),
        "2022-06-20": ("China will finance the Marseille–Nice railway", "Marseille–Nice railway"),
    }
    for date, (quote, name) in said.items():
        record = make_record(quote + ".", [{"quote": quote, "kind": "commitment", "entities": [(name, "project", name)],
                                           "actors": ["CHN"], "strength": "firm"}],
                             source=f"{date}.txt", date=date, parties=("CHN", "FRA"))
        ingest_record(engine, record, quote + ".", extractor_version=EXTRACTOR, codebook_version=CODEBOOK)
    rows = {d.entity: d for d in list_dossiers(engine, limit=None)}
    assert rows["Lyon–Marseille railway"].documents == 2 and "Lyon–Valence railway" not in rows
    assert rows["Marseille–Nice railway"].documents == 1
    dossier = build_dossier(engine, "Lyon–Marseille railway")
    assert {s.document_date[:4] for s in dossier.statements} == {"2019", "2021"}
