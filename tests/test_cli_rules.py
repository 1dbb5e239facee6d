"""``pledgebook rules`` lists the rule registry as a table or JSON."""

import json

from typer.testing import CliRunner

from pledgebook.extract.rules import Rule
from pledgebook.serve.cli import app

runner = CliRunner()


def test_json_lists_every_rule_with_its_kinds_and_examples():
    result = runner.invoke(app, ["rules", "--format", "json"])
    assert result.exit_code == 0, result.output
    rules = {r["id"]: r for r in json.loads(result.stdout)}
    assert set(rules) == {r.value for r in Rule}
    exhortation = rules["exhortation"]
    assert exhortation["kinds"] == ["position"] and exhortation["description"]
    assert exhortation["fires"][0]["kind"] == "position" and exhortation["does_not_fire"][0]["because"]


def test_table_shows_ids_kinds_and_examples():
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0, result.output
    assert "binding_modal" in result.stdout and "listed_undertaking" in result.stdout
    assert "Kenya will build two new hospitals in Mombasa." in result.stdout
