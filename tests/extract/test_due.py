"""Due dates of time expressions (docs/record.md, `when.due`), on invented sentences: every
deadline form, and the expressions that set no deadline."""

import pytest

from pledgebook.codebook import Codebook
from pledgebook.extract.when import find_when
from pledgebook.segment.segmenter import split_sentences
from pledgebook.segment.view import make_view

DOC_DATE = "2025-02-13"


def when_of(text: str, doc_date: str | None = DOC_DATE):
    view = make_view(text)
    return find_when(text, view, 0, len(view.clean), doc_date)


@pytest.mark.parametrize(
    "text, expr, due, precision",
    [
        ("The parties will conclude the accord by 15 March 2025.", "by 15 March 2025", "2025-03-15", "day"),
        ("The parties will conclude the accord by March 15, 2025.", "by March 15, 2025", "2025-03-15", "day"),
        ("The ministers will meet in June.", "in June", "2025-06-30", "month"),
        ("The ministers will meet in January.", "in January", "2026-01-31", "month"),
        ("The road will open by May 2026.", "by May 2026", "2026-05-31", "month"),
        ("The two sides will finish the corridor by fall of 2025.", "by fall of 2025", "2025-11-30", "season"),
        ("They will open the consulate in the spring of 2026.", "in the spring of 2026", "2026-05-31", "season"),
        ("They will hold the dialogue by winter 2025.", "by winter 2025", "2026-02-28", "season"),
        ("They will hold the dialogue this summer.", "this summer", "2025-08-31", "season"),
        ("Talks will conclude in the first quarter of 2026.", "in the first quarter of 2026", "2026-03-31", "quarter"),
        ("Deliveries will start by Q3 2025.", "by Q3 2025", "2025-09-30", "quarter"),
        ("The review will end in the second half of 2025.", "in the second half of 2025", "2025-12-31", "half"),
        ("Japan will build the capabilities by FY2027.", "by FY2027", "2028-03-31", "year"),
        ("India will fund the scheme in fiscal year 2025-26.", "in fiscal year 2025-26", "2026-03-31", "year"),
        ("They will sign the treaty by the end of 2026.", "by the end of 2026", "2026-12-31", "year"),
        ("They will sign the treaty by end-2025.", "by end-2025", "2025-12-31", "year"),
        ("They will sign the treaty by mid-2026.", "by mid-2026", "2026-06-30", "half"),
        ("They will sign the treaty by early next year.", "by early next year", "2026-03-31", "quarter"),
        ("They will sign the treaty by the end of the year.", "by the end of the year", "2025-12-31", "year"),
        ("The panel will report within 90 days.", "within 90 days", "2025-05-14", "day"),
        ("They will launch talks within the next six months.", "within the next six months", "2025-08-13", "month"),
        ("They will agree on a plan within two years.", "within two years", "2027-02-13", "year"),
        ("The bank will lend $5 billion over the next three years.", "over the next three years", "2028-02-13", "year"),
        ("The leaders will meet again next year.", "next year", "2026-12-31", "year"),
        ("They will host the summit later this year.", "later this year", "2025-12-31", "year"),
        ("They aim to double trade by 2030.", "by 2030", "2030-12-31", "year"),
        ("They will cut emissions by the end of the decade.", "by the end of the decade", "2029-12-31", "year"),
    ],
)
def test_due_dates(text, expr, due, precision):
    w = when_of(text)
    assert w is not None
    assert w.text == expr and text[w.start : w.end] == expr
    assert (w.due, w.precision, w.event) == (due, precision, None)


@pytest.mark.parametrize(
    "text, event",
    [
        ("The working group will report before the next summit.", "the next summit"),
        ("They will present the plan at the next Quad Leaders' Summit.", "the next Quad Leaders' Summit"),
        ("The ministers will finish the text ahead of the upcoming ministerial meeting.", "the upcoming ministerial meeting"),
    ],
)
def test_relative_event_is_a_deadline_with_no_date(text, event):
    w = when_of(text)
    assert (w.kind, w.due, w.precision, w.event) == ("deadline", None, "event", event)


def test_event_with_its_year_is_dated_by_it():
    w = when_of("They will report by the 2026 G20 summit.")
    assert (w.due, w.precision, w.event) == ("2026-12-31", "event", "the 2026 G20 summit")


@pytest.mark.parametrize(
    "text",
    [
        "In 2019 the two sides signed the agreement on trade.",  # a past date, not a deadline
        "The agreement will remain in force for 30 years.",  # a duration
        "The two sides will meet in the coming months.",  # a period with no count
        "The two sides will meet regularly.",  # a recurrence
        "They will complete the project expeditiously.",  # vague
        "The leaders met on February 13, 2025 in Washington.",  # the document's own day
        "They will sign the treaty by the end of 2023.",  # before the document's date: reported, not due
    ],
)
def test_no_due_date(text):
    w = when_of(text)
    assert w is not None and w.due is None and w.precision is None


def test_a_date_is_no_deadline_without_a_document_date():
    assert when_of("They will meet in March 2026.", doc_date=None).due is None
    assert when_of("They will finish it by March 2026.", doc_date=None).due == "2026-03-31"


def test_the_deadline_wins_over_an_earlier_past_date():
    w = when_of("Building on the accord signed in 2019, they will conclude a new one by June 2026.")
    assert (w.text, w.due) == ("by June 2026", "2026-06-30")


def test_due_from_a_year_only_document_date():
    assert when_of("They will report within six months.", doc_date="2024").due == "2025-06-30"


@pytest.mark.parametrize(
    "text, due, precision",
    [
        # a year alone is due on its last day, with precision year, whatever the document's date
        ("We will double our climate finance by 2030.", "2030-12-31", "year"),
        ("We will phase out coal power by the end of 2024.", "2024-12-31", "year"),
        ("We will host the conference later this year.", "2024-12-31", "year"),
        ("We will open the embassy next year.", "2025-12-31", "year"),
        ("We will open the embassy in June 2025.", "2025-06-30", "month"),
        ("We will report within six months.", "2025-06-30", "month"),  # counted from the year's last day
        # finer than the year and inside it: said before or after? No due
        ("We will host the conference in June.", None, None),
        ("We will host the conference this summer.", None, None),
        ("We will submit the plan next month.", None, None),
        ("We will sign the treaty by mid-2024.", None, None),
        ("We will sign the treaty in the second half of 2024.", None, None),
    ],
)
def test_year_only_document_convention(text, due, precision):
    """A UN speech dated "2024" alone (docs/record.md, "Documents dated by a year alone")."""
    w = when_of(text, doc_date="2024")
    assert w is not None and (w.due, w.precision) == (due, precision)


def test_a_month_only_document_keeps_month_dues_and_drops_days_inside_it():
    assert when_of("They will sign the accord in June.", doc_date="2024-06").due == "2024-06-30"
    assert when_of("They will sign the accord on June 20.", doc_date="2024-06").due is None
    assert when_of("They will sign the accord on July 20.", doc_date="2024-06").due == "2024-07-20"


def test_missing_space_after_full_stop_still_ends_the_sentence():
    text = ("They welcomed the plan to build a framework by the end of\n2023.The leaders hailed the "
            "announcement on training.")
    view = make_view(text)
    bounds = split_sentences(view, Codebook.load().segmentation)
    assert [view.clean[s:e] for s, e in bounds] == [
        "They welcomed the plan to build a framework by the end of 2023.",
        "The leaders hailed the announcement on training.",
    ]
    s, e = bounds[0]
    assert find_when(text, view, s, e, "2023-06-22").due == "2023-12-31"


def test_decimal_and_abbreviation_are_no_sentence_end():
    view = make_view("Trade grew 2.5 percent with the U.S. Navy in the region.")
    assert len(split_sentences(view, Codebook.load().segmentation)) == 1


@pytest.mark.parametrize(
    "text, expr, due, precision",
    [
        ("They welcome the summit planned in Geneva on 15-16 June.", "on 15-16 June", "2025-06-16", "day"),
        ("They look forward to meeting again this November.", "this November", "2025-11-30", "month"),
    ],
)
def test_month_and_day_without_a_year_are_the_next_ones(text, expr, due, precision):
    w = when_of(text)
    assert (w.text, w.due, w.precision) == (expr, due, precision)


def test_a_future_event_named_with_its_year_is_dated_by_it():
    w = when_of("The two countries will co-host the 2026 Indo-Pacific Business Forum in Manila.")
    assert (w.due, w.precision, w.event) == ("2026-12-31", "event", "the 2026 Indo-Pacific Business Forum")
    assert when_of("They recalled the 2019 Osaka Summit.").due is None  # a past one dates nothing


def test_a_yearless_date_after_a_word_of_the_past_is_past():
    w = when_of("We will build on the conference held in Tokyo on 19 February and the forum in Berlin.",
                doc_date="2024-06-14")
    assert w.due is None
    assert when_of("The ministers will meet in Tokyo on 19 February.", doc_date="2024-06-14").due == "2025-02-19"


def test_past_cues_leave_relative_years_alone():
    assert when_of("The dialogue was relaunched and will meet again this year.").due == "2025-12-31"
