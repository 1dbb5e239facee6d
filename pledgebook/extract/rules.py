"""The ids of the rules that make statements (``Finding.rule``, ``Statement.rule``).

Each id is described, with the kinds it produces and example sentences, in the codebook's
rules.yaml (``pledgebook rules`` lists them); a test checks that the two sets are the same.
The trigger word a rule fired on is not part of the id: it is ``Finding.trigger``.
"""

from __future__ import annotations

from enum import StrEnum


class Rule(StrEnum):
    # a trigger word of the lexicon, and what it governs
    TRIGGER_WORD = "trigger_word"
    TRIGGER_WITH_ACTION = "trigger_with_action"
    STANCE_WITH_ACTION = "stance_with_action"
    RENEWED_COOPERATION = "renewed_cooperation"  # "reaffirm our cooperation on maritime security" (decisions.py)
    FALLBACK_WITHOUT_ACTION = "fallback_without_action"
    FALLBACK_WITHOUT_INSTRUMENT = "fallback_without_instrument"
    PRINCIPLE_UPHELD = "principle_upheld"
    ASPECTUAL_STANCE = "aspectual_stance"
    PAST_EFFORT = "past_effort"
    MEETING_TO_COME = "meeting_to_come"
    OTHERS_URGED = "others_urged"
    OWN_OFFICIALS_DIRECTED = "own_officials_directed"
    OWN_MEMBERS_CALLED = "own_members_called"  # "The Assembly urged Member States to X" in its own text (redraft.py)
    FUNDING_PLEDGED = "funding_pledged"
    AID_PLEDGED = "aid_pledged"
    SUPPORT_ASSURED = "support_assured"
    PLANNED_ACTION = "planned_action"
    PROGRESSIVE_UNDERTAKING = "progressive_undertaking"
    ONGOING_ACT = "ongoing_act"
    LAUNCH_RECOUNTED = "launch_recounted"
    PUBLIC_SUPPORT = "public_support"
    CONVENED_MEETING = "convened_meeting"
    DATED_MEETING = "dated_meeting"
    FUNDED_BY_PARTY = "funded_by_party"
    STATED_AIM = "stated_aim"
    PROGRESS_REPORTED = "progress_reported"
    PROJECT_APPRAISED = "project_appraised"
    PROJECT_OPENED = "project_opened"
    DECISION_APPROVED = "decision_approved"
    # news prose outside an undertaking's own words (news_prose.py)
    ACHIEVEMENT_REPORTED = "achievement_reported"
    STILL_ON_AGENDA = "still_on_agenda"
    EFFECT_FORECAST = "effect_forecast"
    ADVANCING_WITH = "advancing_with"
    INSTRUMENT_CIRCUMSTANCE = "instrument_circumstance"
    TOPICS_DISCUSSED = "topics_discussed"
    # pledges as news reports them (news_pledges.py)
    THING_EFFECT_FORECAST = "thing_effect_forecast"
    FUNDING_ITEM = "funding_item"  # (news_spans.py)
    FEELING_UNDER_WILL = "feeling_under_will"
    # modal auxiliaries
    BINDING_MODAL = "binding_modal"
    MODAL_STANCE = "modal_stance"
    EXHORTATION = "exhortation"
    # instruments, other parties' undertakings, things looked forward to
    INSTRUMENT_SIGNED = "instrument_signed"
    INSTRUMENT_AGREED = "instrument_agreed"
    INSTRUMENT_APPROVED = "instrument_approved"
    WELCOMED_UNDERTAKING_OF_PARTY = "welcomed_undertaking_of_party"
    WELCOMED_UNDERTAKING_OF_NON_PARTY = "welcomed_undertaking_of_non_party"
    ANNOUNCED_OWN_UNDERTAKING = "announced_own_undertaking"
    ANTICIPATED_MEETING = "anticipated_meeting"
    ANTICIPATED_ACTION = "anticipated_action"
    ANTICIPATED_HOPE = "anticipated_hope"
    # further undertakings derived from a clause's statement
    COORDINATED_ACTION = "coordinated_action"
    SERIES_ACTION = "series_action"
    PURPOSE_ITEM = "purpose_item"
    ACTION_RIDER = "action_rider"  # "agreed to consider X, while increasing Y" (coordination.py)
    TARGET_MADE = "target_made"
    LAUNCHED_MECHANISM = "launched_mechanism"
    WELCOMED_OWN_LAUNCH = "welcomed_own_launch"
    COORDINATED_UNDERTAKING_NOUN = "coordinated_undertaking_noun"
    JOINED_NECESSITY = "joined_necessity"  # "... commitment to address X and the need to build Y"
    LISTED_UNDERTAKING = "listed_undertaking"  # an item of a list led by an undertaking (lists.py)
    INTENT_RIDER = "intent_rider"  # "..., with the intention of ratifying it" (intent_riders.py)
    VOTE_TO_HOLD = "vote_to_hold"  # "will hold local elections" (votes.py)
    MEETING_TO_BE_HELD = "meeting_to_be_held"  # "The next session of the Commission will be held in May" (meetings.py)
    OWN_PROPOSAL = "own_proposal"  # "I propose a pact", "I reiterate my proposal to establish X" (speech_frames.py)
    OWN_CANDIDACY = "own_candidacy"  # "has presented its candidature for a seat on the Council" (speech_frames.py)
    STEADFAST_IN = "steadfast_in"  # "We remain firm in our process of accession to X" (speech_frames.py)
