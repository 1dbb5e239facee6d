import pytest

from pledgebook.extract.when import find_when
from pledgebook.segment.view import make_view


def when_of(text: str, doc_date: str | None = "2025-03-01"):
    view = make_view(text)
    return find_when(text, view, 0, len(view.clean), doc_date)


@pytest.mark.parametrize(
    "text, expr, kind, date",
    [
        ("The parties will conclude the agreement by May 14, 2025.", "by May 14, 2025", "deadline", "2025-05-14"),
        ("They aim to double trade by 2030.", "by 2030", "deadline", "2030"),
        ("The United States will respond within 90 days.", "within 90 days", "deadline", None),
        ("The pass will be open throughout the year.", "throughout the year", "recurring", None),
        ("committed to its early deployment.", "early deployment", "vague", None),
        ("They will hold the next round of talks next year.", "next year", "date", "2026"),
        ("The fund will be launched by the end of\n2026.", "by the end of\n2026", "deadline", "2026"),
        ("Both sides will meet in March 2026.", "in March 2026", "date", "2026-03"),
    ],
)
def test_time_expressions(text, expr, kind, date):
    w = when_of(text)
    assert w is not None
    assert w.text == expr
    assert text[w.start : w.end] == expr
    assert w.kind == kind
    assert w.date == date


def test_no_time_expression():
    assert when_of("The two countries agreed to strengthen cooperation.") is None
