"""A tiny invented news gold set for end-to-end thread evaluation (format: docs/threads.md,
"End to end, from texts"): two relationships, five short news texts, and a threads YAML each.

Every sentence is made up. Each mention is placed to show one outcome of the pipeline:
a pledge repeated across years (linked), a sentence that is no statement (not extracted), an
agreement signed (a kind that is not linked when only commitments are), two unrelated pledges
an annotator put in one thread (different threads), and a pledge of another relationship's
document (the linker's relationship gate)."""

from __future__ import annotations

from pathlib import Path

TEXTS = {
    "2019-03-12_vnm-kor_bridge-deal": ("2019-03-12", "Vietnam and South Korea sign Red River bridge deal", """\
HANOI, March 12 (Example Wire) - Vietnam and South Korea signed an agreement on Tuesday to build the Thang Long Cable Bridge across the Red River in Hanoi, officials said.

South Korea pledged to provide a loan of $300 million for the Thang Long Cable Bridge.

South Korea pledged to build a solar power plant in Ninh Thuan province.

The two countries also agreed to expand cooperation in vocational training for Vietnamese workers.
"""),
    "2021-06-02_vnm-kor_bridge-delay": ("2021-06-02", "South Korea loan for Vietnam bridge delayed", """\
HANOI, June 2 (Example Wire) - The bridge was first proposed in 2017, when traffic on the old crossing doubled.

South Korea reaffirmed that it would provide the $300 million loan for the Thang Long Cable Bridge by the end of the year.

South Korea will supply liquefied natural gas to Vietnam under a twenty-year contract.

Vietnam and South Korea agreed to open a vocational training centre in Da Nang for Vietnamese workers.
"""),
    "2023-05-10_vnm-jpn_training": ("2023-05-10", "Japan and Vietnam to open training centre", """\
HUE, May 10 (Example Wire) - Japan and Vietnam agreed to open a vocational training centre in Hue for Vietnamese workers.
"""),
    "2020-09-15_gha-jpn_port": ("2020-09-15", "Japan to fund Ghana fishing harbour", """\
ACCRA, Sept 15 (Example Wire) - Japan pledged to finance the expansion of the Takoradi Fishing Harbour in Ghana.

Ghana and Japan held talks in Accra on Monday on trade and investment.
"""),
    "2022-01-20_gha-jpn_port-progress": ("2022-01-20", "Ghana harbour works begin with Japan funds", """\
ACCRA, Jan 20 (Example Wire) - The harbour was built in 1928 and handles most of the region's catch.

Japan will finance the second phase of the Takoradi Fishing Harbour expansion in Ghana.
"""),
}

# anchors, by the outcome each is placed to show
AGREEMENT = "signed an agreement on Tuesday to build the Thang Long Cable Bridge"
LOAN_2019 = "pledged to provide a loan of $300 million"
NO_STATEMENT = "The bridge was first proposed in 2017"
LOAN_2021 = "reaffirmed that it would provide the $300 million loan"
SOLAR = "pledged to build a solar power plant in Ninh Thuan"
GAS = "will supply liquefied natural gas to Vietnam"
TRAINING_2019 = "expand cooperation in vocational training"
TRAINING_2021 = "open a vocational training centre in Da Nang"
TRAINING_JPN = "open a vocational training centre in Hue"  # a Japan-Vietnam report: another relationship
HARBOUR_2020 = "pledged to finance the expansion of the Takoradi Fishing Harbour"
HARBOUR_HISTORY = "The harbour was built in 1928"
HARBOUR_2022 = "Japan will finance the second phase"
TALKS = "held talks in Accra on Monday"

VNM_KOR = """\
version: 1
relationship: [KOR, VNM]
threads:
  thang-long-bridge:
    project: Thang Long Cable Bridge
    sector: transport
    mentions:
      - {doc: 2019-03-12_vnm-kor_bridge-deal, anchor: "%(AGREEMENT)s"}
      - {doc: 2019-03-12_vnm-kor_bridge-deal, anchor: "%(LOAN_2019)s"}
      - {doc: 2021-06-02_vnm-kor_bridge-delay, anchor: "%(NO_STATEMENT)s"}
      - {doc: 2021-06-02_vnm-kor_bridge-delay, anchor: "%(LOAN_2021)s"}
  energy:
    sector: energy
    note: two unrelated pledges put in one thread, to be lost as different threads
    mentions:
      - {doc: 2019-03-12_vnm-kor_bridge-deal, anchor: "%(SOLAR)s"}
      - {doc: 2021-06-02_vnm-kor_bridge-delay, anchor: "%(GAS)s"}
  vocational-training:
    sector: people_to_people
    mentions:
      - {doc: 2019-03-12_vnm-kor_bridge-deal, anchor: "%(TRAINING_2019)s"}
      - {doc: 2021-06-02_vnm-kor_bridge-delay, anchor: "%(TRAINING_2021)s"}
      - {doc: 2023-05-10_vnm-jpn_training, anchor: "%(TRAINING_JPN)s"}
"""

GHA_JPN = """\
version: 1
relationship: [GHA, JPN]
threads:
  takoradi-harbour:
    project: Takoradi Fishing Harbour
    sector: ports
    mentions:
      - {doc: 2020-09-15_gha-jpn_port, anchor: "%(HARBOUR_2020)s"}
      - {doc: 2022-01-20_gha-jpn_port-progress, anchor: "%(HARBOUR_HISTORY)s"}
      - {doc: 2022-01-20_gha-jpn_port-progress, anchor: "%(HARBOUR_2022)s"}
  trade-talks:
    mentions:
      - {doc: 2020-09-15_gha-jpn_port, anchor: "%(TALKS)s"}
"""


def write_news_gold(root: Path) -> Path:
    """The gold set under ``root/news`` (texts/ and threads/); returns that directory."""
    gold = root / "news"
    (gold / "texts").mkdir(parents=True)
    (gold / "threads").mkdir()
    for name, (date, title, body) in TEXTS.items():
        front = f"---\ntitle: {title}\ndate: {date}\nsource: https://example.org/{name}\npublisher: Example Wire\n---\n"
        (gold / "texts" / f"{name}.md").write_text(front + body, encoding="utf-8")
    anchors = {k: v for k, v in globals().items() if k.isupper() and isinstance(v, str)}
    (gold / "threads" / "vnm-kor.yaml").write_text(VNM_KOR % anchors, encoding="utf-8")
    (gold / "threads" / "gha-jpn.yaml").write_text(GHA_JPN % anchors, encoding="utf-8")
    return gold
