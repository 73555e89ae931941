"""split_sentences: news abbreviations, quotes, layout (wrapped, one per line, paragraphs), offsets."""

from __future__ import annotations

import textwrap

import pytest

from site_builder.drafting.sentences import Sentence, split_sentences

# Excerpts of the two demo articles (content/articles), verbatim.
ARTICLE_A = (
    "India Considers Procurement of Additional S-400 Missiles as Strategic Ties with Russia Deepen\n"
    "\n"
    "According to Shugayev, Prime Minister Narendra Modi personally congratulated the Indian Air "
    "Force on the successful deployment of the S-400, a testament to the system’s battlefield efficacy.\n"
    "\n"
    "The S-400’s dominance in the skies has not gone unnoticed by global analysts.\n"
    "\n"
    "Reports indicate that the Russian system achieved a staggering 90% success rate in intercepting "
    "aerial threats, outperforming the U.S.\n"
    "\n"
    "Patriot system by a significant margin.\n"
    "\n"
    "Kremlin officials have described the visit as a pivotal moment for Russian-Indian relations, "
    "which are already characterized as a ‘privileged strategic partnership.’ The discussions are "
    "expected to cover not only military cooperation but also broader economic and geopolitical "
    "alignment, with the S-400 procurement likely to feature prominently on the agenda.\n"
)
ARTICLE_A_SENTENCES = [
    "India Considers Procurement of Additional S-400 Missiles as Strategic Ties with Russia Deepen",
    "According to Shugayev, Prime Minister Narendra Modi personally congratulated the Indian Air "
    "Force on the successful deployment of the S-400, a testament to the system’s battlefield efficacy.",
    "The S-400’s dominance in the skies has not gone unnoticed by global analysts.",
    # One sentence, broken by a blank line in the source: kept whole, blank line included.
    "Reports indicate that the Russian system achieved a staggering 90% success rate in intercepting "
    "aerial threats, outperforming the U.S.\n\nPatriot system by a significant margin.",
    "Kremlin officials have described the visit as a pivotal moment for Russian-Indian relations, "
    "which are already characterized as a ‘privileged strategic partnership.’",
    "The discussions are expected to cover not only military cooperation but also broader economic "
    "and geopolitical alignment, with the S-400 procurement likely to feature prominently on the agenda.",
]
ARTICLE_B = (
    "Privileged Access: Russia's S-400 Supply to India Takes Center Stage in Putin's Upcoming Visit\n"
    "In a move that underscores deepening strategic ties between Moscow and New Delhi, Russia has "
    "confirmed that the supply of advanced S-400 anti-aircraft missile systems to India remains a top "
    "priority on the bilateral agenda.\n"
    "During a high-profile briefing to Indian media on December 2, Dmitry Peskov, the press secretary "
    "for Russian President Vladimir Putin, emphasized that the topic will be a central focus during "
    "Putin’s upcoming visit to New Delhi.\n"
    "The significance of this deal cannot be overstated.\n"
)


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # titles and honorifics
        ("Mr. Rehak met Dr. Fischer and Prof. Ruiz. They talked.", ["Mr. Rehak met Dr. Fischer and Prof. Ruiz.", "They talked."]),
        ("Gen. Adeyemi and Lt. Col. Bianchi left. Sen. Ortega stayed.", ["Gen. Adeyemi and Lt. Col. Bianchi left.", "Sen. Ortega stayed."]),
        # a rank written with its service ("P/BGen.", the Philippine National Police's brigadier general)
        ("“All are in custody,” spokesperson P/BGen. Ana Reyes told reporters. The rate was 5/10. It fell.",
         ["“All are in custody,” spokesperson P/BGen. Ana Reyes told reporters.", "The rate was 5/10.", "It fell."]),
        # countries and organisations
        ("The U.S. and the U.K. agreed. U.N. inspectors will visit.", ["The U.S. and the U.K. agreed.", "U.N. inspectors will visit."]),
        ("It was first drafted in the U.S. The British side added annexes.", ["It was first drafted in the U.S.", "The British side added annexes."]),
        ("Critics in the U.S. Congress called it weak.", ["Critics in the U.S. Congress called it weak."]),
        ("It outperformed the U.S. Patriot system.", ["It outperformed the U.S. Patriot system."]),
        # numbers before and after abbreviations
        ("Unit No. 5 shut on Oct. 3 after a leak. Reactor Nos. 2 and 3 run.", ["Unit No. 5 shut on Oct. 3 after a leak.", "Reactor Nos. 2 and 3 run."]),
        ("The vote is on Jan. 15. Results follow.", ["The vote is on Jan. 15.", "Results follow."]),
        ("Hollis said no. Nobody expects a miracle.", ["Hollis said no.", "Nobody expects a miracle."]),
        # a.m. and p.m.
        ("Polls open at 7 a.m. and close at 8 p.m. local time.", ["Polls open at 7 a.m. and close at 8 p.m. local time."]),
        ("The meeting began at 10 a.m. Officials said it would run late.", ["The meeting began at 10 a.m.", "Officials said it would run late."]),
        ("The vote is due at 5 p.m. Thursday.", ["The vote is due at 5 p.m. Thursday."]),
        ("It lands at 6:45 a.m. Eastern time.", ["It lands at 6:45 a.m. Eastern time."]),
        # Latin
        ("Agencies, e.g. the port authority, were involved. The cost, i.e. dredging, is open.", ["Agencies, e.g. the port authority, were involved.", "The cost, i.e. dredging, is open."]),
        ("The case, Hale vs. Northern Rail, opens. It may last.", ["The case, Hale vs. Northern Rail, opens.", "It may last."]),
        # initials
        ("A.P. Singh confirmed the figures. He left.", ["A.P. Singh confirmed the figures.", "He left."]),
        ("George W. Bush visited. Her deputy, A. P. Nair, disagreed.", ["George W. Bush visited.", "Her deputy, A. P. Nair, disagreed."]),
        # company names
        ("The bid was rejected by Orion Inc. Its board said no.", ["The bid was rejected by Orion Inc.", "Its board said no."]),
        ("Acme Corp. said profit doubled. Paul Grant Jr. will lead it.", ["Acme Corp. said profit doubled.", "Paul Grant Jr. will lead it."]),
        # decimals, money, percentages
        ("The deal is worth $5.43 bn, or 1.2% of output. Turnout was 90%.", ["The deal is worth $5.43 bn, or 1.2% of output.", "Turnout was 90%."]),
        ("The budget, about $4.6 bn. in 2024, will grow.", ["The budget, about $4.6 bn. in 2024, will grow."]),
        ("It produced 1,240.5 megawatts. Prices rose 0.4 percent.", ["It produced 1,240.5 megawatts.", "Prices rose 0.4 percent."]),
        # quotes, curly and straight
        ("“We won,” he said. “It is over.” The talks ended.", ["“We won,” he said.", "“It is over.”", "The talks ended."]),
        ('The union called it "a betrayal." Its leader said: "We strike."', ['The union called it "a betrayal."', 'Its leader said: "We strike."']),
        ("It was a ‘historic step.’ Critics were less sure.", ["It was a ‘historic step.’", "Critics were less sure."]),
        ('"Is this the end?" one worker asked. "No," she replied.', ['"Is this the end?" one worker asked.', '"No," she replied.']),
        ('"We are ready!" he shouted. The crowd cheered.', ['"We are ready!" he shouted.', "The crowd cheered."]),
        # a straight quote between a space and a word opens the next sentence, closing none
        ('"It is fair," said Ana Ruiz, head of the union. "The deal sends a message. There must be no delay.',
         ['"It is fair," said Ana Ruiz, head of the union.', '"The deal sends a message.', "There must be no delay."]),
        # other punctuation
        ("Will it hold? Nobody knows! Talks resume.", ["Will it hold?", "Nobody knows!", "Talks resume."]),
        ("(The ministry corrected the figure.) The correction was small.", ["(The ministry corrected the figure.)", "The correction was small."]),
        ("The talks stalled... and then resumed. Fine.", ["The talks stalled... and then resumed.", "Fine."]),
    ],
)
def test_splits_news_text(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # hard-wrapped lines inside a paragraph are not sentence ends, whatever the next word
        ("The minister said on\nMonday that exports rose.\nThey fell last year.", ["The minister said on\nMonday that exports rose.", "They fell last year."]),
        ("Engineers from the U.S.\nArmy Corps met Mr.\nHassan at 9 a.m.\non Tuesday.", ["Engineers from the U.S.\nArmy Corps met Mr.\nHassan at 9 a.m.\non Tuesday."]),
        # a blank line ends a sentence, also without final punctuation
        ("Background\n\nThe conflict began in 2019.", ["Background", "The conflict began in 2019."]),
        ("Exports to the U.S.\n\nThe next paragraph starts here.", ["Exports to the U.S.", "The next paragraph starts here."]),
        # ... except after an abbreviation that the next paragraph continues (the demo article's case)
        ("outperforming the U.S.\n\nPatriot system by a significant margin.", ["outperforming the U.S.\n\nPatriot system by a significant margin."]),
        # and a rank with its service, as within a paragraph
        ("spokesperson P/BGen.\n\nAna Reyes told reporters.", ["spokesperson P/BGen.\n\nAna Reyes told reporters."]),
        # one sentence per line, with headings without final punctuation
        ("Port strike ends after nine days\nDock workers voted to return to work on Friday.\nReaction\nExporters welcomed the news.", ["Port strike ends after nine days", "Dock workers voted to return to work on Friday.", "Reaction", "Exporters welcomed the news."]),
        # a headline longer than the sentence under it
        ("Minister Says Output Rose Sharply Last Year\nIt rose.", ["Minister Says Output Rose Sharply Last Year", "It rose."]),
        # bullets
        ("Key figures:\n- Days lost: 9\n- Wage rise: 6.5%", ["Key figures:", "- Days lost: 9", "- Wage rise: 6.5%"]),
        # Windows line ends
        ("First line here.\r\nSecond line here.\r\n\r\nThird.", ["First line here.", "Second line here.", "Third."]),
    ],
)
def test_follows_the_line_layout(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_demo_article_a() -> None:
    assert texts(ARTICLE_A) == ARTICLE_A_SENTENCES


def test_demo_article_b_one_sentence_per_line() -> None:
    assert texts(ARTICLE_B) == ARTICLE_B.strip().split("\n")


@pytest.mark.parametrize("width", [30, 40, 55, 72])
@pytest.mark.parametrize("article", [ARTICLE_A, ARTICLE_B], ids=["a", "b"])
def test_hard_wrapping_does_not_change_the_sentences(article: str, width: int) -> None:
    wrapper = textwrap.TextWrapper(width=width, break_long_words=False, break_on_hyphens=False)
    if "\n\n" in article:
        wrapped = "\n\n".join(wrapper.fill(p) for p in article.strip().split("\n\n"))
    else:
        wrapped = "\n".join(wrapper.fill(line) for line in article.strip().split("\n"))
    assert [" ".join(t.split()) for t in texts(wrapped)] == [" ".join(t.split()) for t in texts(article)]


@pytest.mark.parametrize("text", ["", " ", "\n\n \n", "\t"])
def test_empty_text_has_no_sentences(text: str) -> None:
    assert split_sentences(text) == []


@pytest.mark.parametrize(
    "text",
    [
        ARTICLE_A,
        ARTICLE_B,
        "  Leading spaces. And\ttabs.  \n\n  Indented paragraph.\n",
        "First line.\r\nSecond.\r\n\r\nThird.",
        "Café “naïve” — é. Second one. 😀 Third!",
        "No final punctuation",
        "!\r\nThe\"\"Jan.Jan.\n\nWhy?\tU.S.",
    ],
)
def test_offsets_are_verbatim_and_cover_the_text(text: str) -> None:
    sentences = split_sentences(text)
    previous_end = 0
    for sentence in sentences:
        assert sentence == Sentence(sentence.start, sentence.end, text[sentence.start : sentence.end])
        assert sentence.text == sentence.text.strip() and sentence.text
        assert sentence.start >= previous_end
        assert text[previous_end : sentence.start].strip() == ""  # only whitespace is left out
        previous_end = sentence.end
    assert text[previous_end:].strip() == ""


def test_sentence_is_a_frozen_value() -> None:
    sentence = split_sentences("One. Two.")[1]
    assert sentence == Sentence(5, 9, "Two.")
    with pytest.raises(AttributeError):
        sentence.start = 0  # type: ignore[misc]
