"""The renderer registry on its own, as the API will call it: bytes for any format."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from pledgebook.serve.listings import records_listing
from pledgebook.serve.render import RENDERERS, Format, Listing, RenderError, render, render_bytes
from pledgebook.serve.rows import EVENTS, STATEMENTS, record_statement_rows

TEXT = ("Beijing, 20 October 2023\n\nChina and Pakistan agreed to upgrade the Main Line-1 railway\nby 2030. "
        "The two sides pledged to strengthen counter-terrorism cooperation.\n")


@pytest.fixture(scope="module")
def record(extractor):
    from pledgebook.read.base import RawDocument

    return extractor.extract(RawDocument(text=TEXT, source="2023-10-20_cpec.txt"))


def test_format_is_the_registry():
    assert [f.value for f in Format] == list(RENDERERS) == ["table", "json", "jsonl", "csv", "parquet", "events"]
    assert Format("csv") == "csv"  # a str: commands and the API pass names


def test_every_format_renders_a_record_to_bytes(record):
    listing = lambda: records_listing([record])  # noqa: E731 (a listing's items are read once)
    rows = list(record_statement_rows(record))
    assert rows and all(list(r) == STATEMENTS.names for r in rows)

    assert json.loads(render_bytes(listing(), "json")) == record.model_dump(mode="json")
    assert [json.loads(x) for x in render_bytes(listing(), "jsonl").splitlines()] == [record.model_dump(mode="json")]
    table = list(csv.DictReader(io.StringIO(render_bytes(listing(), "csv").decode("utf-8"))))
    assert [r["statement_id"] for r in table] == [r["statement_id"] for r in rows]
    first = table[0]
    assert first["actors"] == ";".join(rows[0]["actors"]) and "\n" not in first["text"]  # one line per cell
    assert first["rule"] == rows[0]["rule"] and first["actor_source"] == rows[0]["actor_source"]
    parquet = pq.read_table(io.BytesIO(render_bytes(listing(), "parquet")))
    assert parquet.schema.names == STATEMENTS.names
    assert parquet.to_pylist() == rows  # lists stay lists, text keeps its line break (offsets hold)
    events = [json.loads(x) for x in render_bytes(listing(), "events").splitlines()]
    assert events and all(list(e) == EVENTS.names for e in events)
    assert {(e["actor"], e["recipient"]) for e in events} >= {("CHN", "PAK"), ("PAK", "CHN")}
    readable = render_bytes(listing(), "table").decode("utf-8")
    assert "commitment" in readable and "upgrade the" in readable


def test_json_shapes():
    many = Listing([{"a": 1}, {"a": 2}, {"a": 3}], json_shape="auto")
    assert json.loads(render_bytes(many, "json")) == [{"a": 1}, {"a": 2}, {"a": 3}]
    assert json.loads(render_bytes(Listing([{"a": 1}], json_shape="auto"), "json")) == {"a": 1}
    assert json.loads(render_bytes(Listing([{"a": 1}]), "json")) == [{"a": 1}]
    assert render_bytes(Listing([]), "json") == b"[]\n"
    # streamed, yet the very text of json.dumps(indent=2)
    items = [{"a": [1, 2], "b": "x\ny"}, {"a": []}]
    assert render_bytes(Listing(items), "json").decode() == json.dumps(items, indent=2) + "\n"


def test_a_listing_without_rows_or_table_refuses_those_formats():
    bare = Listing([{"a": 1}])
    for fmt in ("csv", "parquet", "events", "table"):
        with pytest.raises(RenderError):
            render(bare, fmt, io.StringIO())
    with pytest.raises(RenderError, match="unknown format"):
        render(bare, "xml", io.StringIO())


def test_empty_parquet_keeps_its_column_types():
    table = pq.read_table(io.BytesIO(render_bytes(Listing([], kind=STATEMENTS), "parquet")))
    assert table.num_rows == 0 and table.schema.field("actors").type.value_type == "string"
    assert str(table.schema.field("start").type) == "int64"
