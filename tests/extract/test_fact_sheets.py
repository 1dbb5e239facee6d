"""A fact sheet on a group's summit has the group for its party (extract/fact_sheets.py;
annotation guide §10, fact sheets). Invented texts."""

from pledgebook.read import read_text


def _record(extractor, title: str, body: str):
    text = f"---\ntitle: \"{title}\"\ndate: '2025-06-20'\n---\n\n{body}\n"
    return extractor.extract(read_text(text, source="x.md", format="markdown"))


def test_the_group_a_fact_sheet_title_names_is_its_party(extractor):
    record = _record(extractor, "FACT SHEET: The 2025 G7 Summit in Kananaskis, Canada",
                     "G7 Leaders announced new steps to secure critical mineral supply chains. President Biden "
                     "announced that the United States will host a minerals forum next year.")
    assert record.document.parties == ["G7"]
    actors = {" ".join(s.text.split())[:10]: s.actors for s in record.statements if s.kind == "commitment"}
    assert ["G7"] in actors.values()
    assert ["USA"] in actors.values()


def test_a_fact_sheet_naming_two_groups_or_none_keeps_its_parties(extractor):
    two = _record(extractor, "FACT SHEET: United States, G7 and EU Impose Costs on Belarus",
                  "The United States will impose new sanctions.")
    assert two.document.parties != ["G7"] and two.document.parties != ["EU"]
    none = _record(extractor, "FACT SHEET: The State Visit of the President of Ghana",
                   "The United States will provide new funding for malaria vaccines in Ghana.")
    assert none.document.parties != ["G7"]
