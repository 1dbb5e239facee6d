from typer.testing import CliRunner

from pledgebook.serve.cli import app

runner = CliRunner()


def test_demo_ingests_the_bundled_examples_once(tmp_path):
    db = str(tmp_path / "demo.db")
    first = runner.invoke(app, ["demo", "--db", db, "--no-progress"])
    assert first.exit_code == 0, first.output
    assert "commitments" in first.stdout and "2023-10-20" in first.stdout
    assert "6 new" in first.stderr
    again = runner.invoke(app, ["demo", "--db", db, "--no-progress"])
    assert again.exit_code == 0
    assert "0 new, 6 unchanged" in again.stderr


def test_demo_ends_with_the_address_of_the_web_app(tmp_path):
    db = str(tmp_path / "demo.db")
    result = runner.invoke(app, ["demo", "--db", db, "--no-progress"])
    last = result.stdout.strip().splitlines()[-1]
    assert f"pledgebook serve --db {db}" in last and last.endswith("http://127.0.0.1:8000/")
