"""A new or named mechanism the parties launch at their meeting is their firm undertaking
(extract/launches.py; annotation guide §2). Invented texts."""

from pledgebook.read import read_text


def _statements(extractor, body: str, title: str = "Readout of President Ruto's Meeting with Prime Minister Store"):
    text = f"---\ntitle: \"{title}\"\ndate: '2025-06-20'\n---\n\n{body}\n"
    record = extractor.extract(read_text(text, source="x.md", format="markdown"))
    return [(s.kind, s.rule, " ".join(s.text.split())) for s in record.statements]


def _launched(found):
    return [text for kind, rule, text in found if rule == "launched_mechanism" and kind == "commitment"]


def test_a_mechanism_launched_at_the_meeting_is_a_commitment(extractor):
    found = _statements(extractor, "The two leaders launched the Coordination Platform on Fisheries to increase "
                                   "collective preparedness. President Ruto announced new projects and highlighted "
                                   "the impact of several projects announced since the 2022 summit.")
    assert _launched(found) == ["The two leaders launched the Coordination Platform on Fisheries to increase "
                                "collective preparedness", "President Ruto announced new projects"]


def test_a_launch_told_as_past_or_of_no_new_mechanism_is_none(extractor):
    found = _statements(extractor, "One year ago, President Ruto launched the Blue Health Initiative. The "
                                   "Prime Minister launched the Ocean Fund in April 2023. The leaders have launched "
                                   "the Fisheries Forum. The ministers launched the process.")
    assert _launched(found) == []


def test_we_launched_in_a_first_person_text_looks_back(extractor):
    found = _statements(extractor, "We launched the Vaccine Experts Group, comprised of top experts. We launch "
                                   "today a new Partnership for Clean Shipping.",
                        title="Joint Statement of the Leaders of Kenya and Norway")
    assert _launched(found) == ["We launch today a new Partnership for Clean Shipping"]


def test_no_launch_read_in_a_speech(extractor, tmp_path):
    from pledgebook.read import read_document

    path = tmp_path / "NOR_78_2023.txt"
    path.write_text("Mr. President, last month Norway launched a new Partnership for Clean Shipping. "
                    "Our leaders launched the Ocean Fund.", encoding="utf-8")
    record = extractor.extract(read_document(str(path)))
    assert not any(s.rule == "launched_mechanism" for s in record.statements)
