"""News-text primitives: the sentence splitter and the phrase scanner the mention finder uses."""
from __future__ import annotations

import random

import pytest

from kg.text import PhraseScanner, compile_phrases, markdown_plain, reading_text, split_sentences, unshouted


def sentence_texts(text):
    return [text[s.start:s.end] for s in split_sentences(text)]


def test_split_keeps_us_abbreviation_and_initials_inside_sentences():
    text = ("Mediators, including former U.S. negotiators William J. Burns and Brett McGurk, met in Doha. "
            "The U.S. envoy left on Monday.")
    assert sentence_texts(text) == [
        "Mediators, including former U.S. negotiators William J. Burns and Brett McGurk, met in Doha.",
        "The U.S. envoy left on Monday.",
    ]


def test_split_ends_sentence_after_acronym_before_a_sentence_starter():
    assert sentence_texts("Talks moved to the U.S. The next round starts Monday.") == [
        "Talks moved to the U.S.", "The next round starts Monday."]


def test_split_headlines_and_bullets_are_their_own_units():
    text = ("Israel Rejects Phase Two Without Full Hamas Disarmament\n"
            "Key stages include:\n"
            "  • A ceasefire and partial Israeli withdrawal\n"
            "  • Complete Hamas disarmament\n"
            "Israel demands full demilitarization. The US disagrees.")
    sentences = split_sentences(text)
    assert [text[s.start:s.end] for s in sentences] == [
        "Israel Rejects Phase Two Without Full Hamas Disarmament",
        "Key stages include:",
        "A ceasefire and partial Israeli withdrawal",
        "Complete Hamas disarmament",
        "Israel demands full demilitarization.",
        "The US disagrees.",
    ]
    assert [s.headline for s in sentences] == [True, False, False, False, False, False]


def test_split_keeps_closing_quote_with_its_sentence():
    text = "“There can be no rehabilitation. Gaza must be demilitarized,” an official said. Talks resume."
    assert sentence_texts(text) == [
        "“There can be no rehabilitation.",
        "Gaza must be demilitarized,” an official said.",
        "Talks resume.",
    ]


def test_split_ends_sentences_a_page_glued_together_or_followed_by_footnote_marks():
    # pages copied without their line breaks lose the space after a full stop; explainers cite by number
    text = ("The ministers met in Paris on the truce.The meeting backed a Palestinian committee.He left. "
            "Cairo hosted the talks.[4] Hamas said it agreed.”According to Qatar, talks resume.[5][6]")
    assert sentence_texts(text) == [
        "The ministers met in Paris on the truce.",
        "The meeting backed a Palestinian committee.",
        "He left.",
        "Cairo hosted the talks.[4]",
        "Hamas said it agreed.”",
        "According to Qatar, talks resume.[5][6]",
    ]


def test_split_leaves_names_and_abbreviations_with_a_glued_full_stop_whole():
    # an outlet's dotted name, a title, an acronym: no sentence ends inside them
    text = "Writing for Meridian.Az, Mr.Haddad said the U.S.Envoy arrived on Monday."
    assert sentence_texts(text) == [text]


def test_split_leaves_out_lines_that_link_to_other_stories():
    text = ("Egypt hosted the talks on Sunday.\n"
            "Also Read | Hamas and Israel agree on a truce in a surprise move\n"
            "READ MORE: Qatar backs the plan\n"
            "Listen to this article\n"
            "Related topics were left for later, Qatar said.\n"
            "Watch the crossings, the envoy said.")
    assert sentence_texts(text) == [
        "Egypt hosted the talks on Sunday.",
        "Related topics were left for later, Qatar said.",
        "Watch the crossings, the envoy said.",
    ]


def test_split_offsets_count_code_points():
    text = "Türkiye’s envoy arrived — “Gaza must be rebuilt.” Next."
    for s in split_sentences(text):
        assert text[s.start:s.end].strip() == text[s.start:s.end]
    assert sentence_texts(text)[-1] == "Next."


def test_phrase_trie_prefers_longest_match_and_word_boundaries():
    pattern = compile_phrases(["US", "U.S.", "Trump", "Trump's plan", "cease-fire"])
    found = [m.group() for m in pattern.finditer("USA; the U.S. backs Trump’s plan, Trump and a cease fire.")]
    assert found == ["U.S.", "Trump’s plan", "Trump", "cease fire"]


def test_a_line_of_sentences_is_no_headline_whatever_its_last_one_ends_with():
    text = ("Jordan, the UAE, Saudi Arabia, Qatar and Egypt met in Cairo on Saturday. The Ministers Agreed On:\n"
            "U.S. Envoy Meets Qatari Emir In Doha\n")
    assert [s.headline for s in split_sentences(text)] == [False, False, True]


def _regex_matches(phrases: list[str], text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in compile_phrases(phrases).finditer(text)]


def test_phrase_scanner_finds_what_the_phrase_regex_finds():
    phrases = ["US", "U.S.", "Trump", "Trump's plan", "cease-fire", "Board of Peace", "(UN)", "-led", "’s proposal",
               "Gaza", "Gaza Strip", "al-Sisi"]
    text = ("USA; the U.S. backs Trump’s plan, Trump and a cease  -  fire. The US-led Board of\nPeace (UN) meets; "
            "Egypt’s proposal for the Gaza Strip, Gazans and al - Sisi.U.S.")
    found = PhraseScanner(phrases).matches(text)
    assert found == _regex_matches(phrases, text)
    assert [surface for _, _, surface in found] == [
        "U.S.", "Trump’s plan", "Trump", "cease  -  fire", "US", "-led", "Board of\nPeace", "(UN)", "’s proposal",
        "Gaza Strip", "al - Sisi", "U.S."]


def test_phrase_scanner_agrees_with_the_regex_on_random_texts():
    # phrases and texts from a small alphabet of letters, separators, apostrophes and punctuation, so that
    # matches overlap, share prefixes, sit next to each other and end before word characters
    rng = random.Random(7)
    alphabet = "ab A'’-‐ .,(\"#_1é\n"
    for _ in range(400):
        phrases = sorted({"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 5))) for _ in range(rng.randint(1, 12))})
        scanner = PhraseScanner(phrases)
        for _ in range(10):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
            assert scanner.matches(text) == _regex_matches(phrases, text), (phrases, text)


# --- Markdown ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, read",
    [
        ("**Hamas** rejected *the* plan", "Hamas rejected the plan"),
        ("___Israel___ and __Egypt__ and _Qatar_", "Israel and Egypt and Qatar"),
        ("see [the 20-point plan](https://example.org/a_b*c) now", "see the 20-point plan now"),
        ("a ![photo](x.png) b<br>c <https://example.org> d", "a   b c   d"),
        ("# A heading\n> quoted line\n>> nested", "A heading\nquoted line\nnested"),
        ("`code` stays", "code stays"),
        ("[1]: https://example.org\n---\ntext", "\n\ntext"),
        ("snake_case and 5*3 and a * b", "snake_case and 5*3 and a * b"),
        ("* a bullet stays for the splitter", "* a bullet stays for the splitter"),
        ("\\*escaped\\* marks are text", "*escaped* marks are text"),
    ],
)
def test_markdown_is_read_without_its_marks(written: str, read: str) -> None:
    plain, written_at = markdown_plain(written)
    assert plain == read
    assert len(written_at) == len(plain)
    assert all(written[k] == char for k, char in zip(written_at, plain) if char != " ")
    assert written_at == sorted(set(written_at))


def test_characters_that_show_nothing_are_not_read_and_each_read_one_keeps_its_place() -> None:
    written = "demil\u00adita\u00adrization, recon\u200bstruction and \ufeff\u200eHamas"
    read, written_at = reading_text(written)
    assert read == "demilitarization, reconstruction and Hamas"
    assert [written[k] for k in written_at] == list(read)
    assert reading_text("plain text") == ("plain text", None)
    marked, marked_at = reading_text("**demil\u00adita\u00adrization**", markdown=True)
    assert marked == "demilitarization" and marked_at[0] == 2 and marked_at[-1] == len("**demil\u00adita\u00adrization") - 1


def test_html_character_references_read_as_what_they_stand_for() -> None:
    written = "Hamas&#8217; reply &amp; Israel&rsquo;s, cease&shy;fire, &unknown; stays"
    read, written_at = reading_text(written)
    assert read == "Hamas\u2019 reply & Israel\u2019s, ceasefire, &unknown; stays"
    assert written[written_at[read.index("\u2019")]:].startswith("&#8217;")
    assert [written[k] for k, char in zip(written_at, read) if char.isalpha()] == [c for c in read if c.isalpha()]


NAMES = {"HAMAS": "Hamas", "TRUMP": "Trump", "NETANYAHU": "Netanyahu", "US": "US", "ISRAEL": "Israel"}


@pytest.mark.parametrize(
    "written, read",
    [
        ('Trump wrote: "RELEASE THE HOSTAGES NOW, OR THERE WILL BE HELL TO PAY!"',
         'Trump wrote: "Release the hostages now, or there will be hell to pay!"'),
        ("NETANYAHU SUPPORTS TRUMP'S PLAN. THE US WILL HELP ISRAEL.", "Netanyahu supports Trump's plan. The US will help Israel."),
        ("It said the job IS NOT DONE yet", "It said the job is not done yet"),
        # capitals by convention, not shouting: a dateline, a credit in brackets, two or three letters
        ("DEIR AL-BALAH, Gaza Strip — Israel struck", "DEIR AL-BALAH, Gaza Strip — Israel struck"),
        ("GAZA STRIP/ JERUSALEM/ BEIRUT: A source said", "GAZA STRIP/ JERUSALEM/ BEIRUT: A source said"),
        ("(THE TIMES OF ISRAEL) The envoy said", "(THE TIMES OF ISRAEL) The envoy said"),
        ("The UN, EU and US agreed; NOT YET, he wrote", "The UN, EU and US agreed; NOT YET, he wrote"),
    ],
)
def test_words_in_capitals_read_in_sentence_case_in_place(written: str, read: str) -> None:
    assert unshouted(written, NAMES) == read
