"""Mentions: who a sentence names, and who a reference ("the union", "it", "the paper") stands for.

``detect`` finds names and reference phrases in a sentence; ``context`` holds a sentence
with the mentions around it (and expands lists of names); ``references`` and
``reference_cues`` decide the referent of a description, pronoun or editorial "we".
"""
from .coordination import coordination_rules
from .context import (GERUND_TRIGGERS, SentenceContext, as_person, as_place, expand_list, place_of_person, quoted_spans,
                      sentence_evidence)
from .detect import (DATELINE_RE, GENERIC_CANDIDATE_RE, MEASURE_NAME, MEASURE_RE, MEASURE_WORDS, PERSONAL_TITLES,
                     TITLES, YES_NO_ON_RE, Mention, find_mentions, is_headline)
from .descriptions import (Description, Profile, build_profiles, describe, description_at, known_roles,
                           resolve_description)
from .reference_cues import byline_author, inside_quotes, member_word, provisional_type
from .references import (antecedent, appositive_name, described_person, editorial_voice, editorial_voice_in,
                         is_institution, members_body, plural_antecedents, resolve_endorser, story_subject)

__all__ = ["coordination_rules", "GERUND_TRIGGERS", "SentenceContext", "as_person", "as_place", "place_of_person",
           "expand_list", "quoted_spans", "sentence_evidence",
           "DATELINE_RE", "GENERIC_CANDIDATE_RE", "MEASURE_NAME", "MEASURE_RE", "MEASURE_WORDS", "PERSONAL_TITLES",
           "TITLES", "YES_NO_ON_RE", "Mention", "find_mentions", "is_headline", "byline_author", "inside_quotes", "member_word",
           "provisional_type", "antecedent", "appositive_name", "editorial_voice", "editorial_voice_in",
           "members_body", "resolve_endorser", "Description", "Profile", "build_profiles", "describe",
           "known_roles", "resolve_description", "description_at", "described_person", "is_institution", "story_subject",
           "plural_antecedents"]
