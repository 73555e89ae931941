"""attribute() and attribute_all(): rule-based attribution, on demo-article sentences and news styles."""

from __future__ import annotations

import pytest

from site_builder.drafting.attribution import Attribution, attribute, attribute_all

# Sentences of the two demo articles (content/articles), verbatim.
MOSCOW_CONFIRMED = (
    "In a move that underscores the deepening strategic ties between Russia and India, Moscow has "
    "confirmed that New Delhi is considering the procurement of additional S-400 ‘Triumph’ "
    "surface-to-air missile systems."
)
SHUGAYEV_HIGHLIGHTED = (
    "This revelation comes as the Federal Service for Military-Technical Cooperation of Russia (FSVC) "
    "director, Dmitry Shugayev, highlighted the Indian military’s enthusiastic evaluation of the "
    "system’s performance during the recent ‘Sinjar’ operation."
)
ACCORDING_TO_SHUGAYEV = (
    "According to Shugayev, Prime Minister Narendra Modi personally congratulated the Indian Air Force "
    "on the successful deployment of the S-400, a testament to the system’s battlefield efficacy."
)
NOT_UNNOTICED = "The S-400’s dominance in the skies has not gone unnoticed by global analysts."
SHUGAYEV_EMPHASIZED = (
    "Shugayev emphasized that even Western intelligence agencies, long proponents of American defense "
    "systems, have been forced to acknowledge the S-400’s unparalleled effectiveness."
)
REPORTS_INDICATE = (
    "Reports indicate that the Russian system achieved a staggering 90% success rate in intercepting "
    "aerial threats, outperforming the U.S.\n\nPatriot system by a significant margin."
)
TIMING = "The timing of these developments could not be more significant."
PUTIN_VISIT = (
    "President Vladimir Putin is set to embark on a high-stakes state visit to India on December 4th, "
    "a trip that will see him meet with President Droupadi Murmu."
)
KREMLIN_OFFICIALS = (
    "Kremlin officials have described the visit as a pivotal moment for Russian-Indian relations, which "
    "are already characterized as a ‘privileged strategic partnership.’"
)
RUSSIA_CONFIRMED = (
    "In a move that underscores deepening strategic ties between Moscow and New Delhi, Russia has "
    "confirmed that the supply of advanced S-400 anti-aircraft missile systems to India remains a top "
    "priority on the bilateral agenda."
)
PESKOV_EMPHASIZED = (
    "During a high-profile briefing to Indian media on December 2, Dmitry Peskov, the press secretary "
    "for Russian President Vladimir Putin, emphasized that the topic will be a central focus during "
    "Putin’s upcoming visit to New Delhi."
)
REPORTED_APPROVAL = (
    "This follows a reported approval by India’s Ministry of Defense on November 27 to purchase five "
    "S-400 division systems, along with accompanying missiles, for the Indian Air Force."
)
MOST_ADVANCED = (
    "The S-400, one of the most advanced air defense systems in the world, is a testament to Russia’s "
    "technological prowess and its willingness to share cutting-edge military hardware with trusted "
    "partners."
)
ANALYSTS_SUGGEST = (
    "Analysts suggest that the transaction could also have implications for India’s relationships with "
    "other global powers, particularly the United States, which has long sought to deepen its own "
    "defense ties with New Delhi."
)
DECISION_HIGHLIGHTS = (
    "India’s decision to acquire these systems highlights not only its growing reliance on Russian arms "
    "but also its recognition of Moscow’s role as a reliable supplier and strategic ally."
)


@pytest.mark.parametrize(
    ("sentence", "claimant", "kind", "cue"),
    [
        # the demo articles
        (ACCORDING_TO_SHUGAYEV, "Shugayev", "reported", "According to"),
        (SHUGAYEV_EMPHASIZED, "Shugayev", "reported", "emphasized"),
        (SHUGAYEV_HIGHLIGHTED, "Dmitry Shugayev", "reported", "highlighted"),
        (MOSCOW_CONFIRMED, "Moscow", "reported", "has confirmed"),
        (RUSSIA_CONFIRMED, "Russia", "reported", "has confirmed"),
        (PESKOV_EMPHASIZED, "Dmitry Peskov", "reported", "emphasized"),
        (REPORTS_INDICATE, "Unnamed reports", "vague", "Reports indicate"),
        (ANALYSTS_SUGGEST, "Unnamed analysts", "vague", "Analysts suggest"),
        (KREMLIN_OFFICIALS, "Unnamed Kremlin officials", "vague", "officials have described"),
        (REPORTED_APPROVAL, "Unnamed reports", "vague", "reported"),
        (NOT_UNNOTICED, None, "none", None),
        (TIMING, None, "none", None),
        (PUTIN_VISIT, None, "none", None),
        (MOST_ADVANCED, None, "none", None),
        (DECISION_HIGHLIGHTS, None, "none", None),
        # according to
        ("Inflation stood at 7.1% in October, according to the statistics office.", "The statistics office", "reported", "according to"),
        ("According to the Kremlin, the visit is on.", "Kremlin", "reported", "According to"),
        ("According to Mr. Smith, the deal is off.", "Smith", "reported", "According to"),
        ("According to sources close to the ministry, the deal is off.", "Unnamed sources close to the ministry", "vague", "According to"),
        ("According to reports, the deal is off.", "Unnamed reports", "vague", "According to"),
        # named subjects and their verbs
        ("Kremlin spokesman Dmitry Peskov said the visit was important.", "Dmitry Peskov", "reported", "said"),
        ("Prime Minister Narendra Modi told reporters the system worked.", "Narendra Modi", "reported", "told"),
        ("Shugayev told Sputnik that deliveries had begun.", "Shugayev", "reported", "told"),
        ("Peskov noted that no date was set.", "Peskov", "reported", "noted"),
        ("Peskov stated that the talks were useful.", "Peskov", "reported", "stated"),
        ("The Kremlin claimed that the figures were accurate.", "Kremlin", "reported", "claimed"),
        ("India’s Ministry of Defense said it had approved the purchase.", "India’s Ministry of Defense", "reported", "said"),
        ("Sen. Maria Cantu (D-Ariz.) said the meeting was overdue.", "Maria Cantu", "reported", "said"),
        ("Prices rose 0.4 percent in March, the statistics office said.", "The statistics office", "reported", "said"),
        # a quoted fragment inside reported speech stays reported
        ('Sen. Paul Ortega said the talks were "overdue."', "Paul Ortega", "reported", "said"),
        # direct quotation
        ("Russian President Vladimir Putin said: “We are ready.”", "Vladimir Putin", "direct", "said"),
        ("Peskov said, “The topic will be central.”", "Peskov", "direct", "said"),
        ("“The topic will be central,” Peskov said.", "Peskov", "direct", "said"),
        ('"The bank is trying to buy time," said Omar Haddad, chief economist at Delta Capital Ltd.', "Omar Haddad", "direct", "said"),
        ("“We will not accept these terms,” the minister said.", "The minister", "direct", "said"),
        # unnamed sources
        ("Sources say the deal is done.", "Unnamed sources", "vague", "Sources say"),
        ("Experts say the figure is too high.", "Unnamed experts", "vague", "Experts say"),
        ("Observers note that turnout fell.", "Unnamed observers", "vague", "Observers note"),
        ("It is believed that the deal was signed in secret.", "Unnamed sources", "vague", "It is believed"),
        ("The deal was reportedly signed in secret.", "Unnamed reports", "vague", "reportedly"),
        ("Investors are looking for safety, one trader said.", "Unnamed trader", "vague", "trader said"),
        ("People familiar with the matter said the talks had stalled.", "Unnamed sources familiar with the matter", "vague", "People familiar with the matter said"),
        ("Critics in the U.S. Congress called the deal weak.", "Unnamed critics in the U.S. Congress", "vague", "Critics in the U.S. Congress called"),
        # unresolved pronoun, as written
        ("He emphasized that the deal was final.", "He", "reported", "emphasized"),
        # no attribution
        ("The significance of this deal cannot be overstated.", None, "none", None),
        ("", None, "none", None),
    ],
)
def test_attribute(sentence: str, claimant: str | None, kind: str, cue: str | None) -> None:
    assert attribute(sentence) == Attribution(claimant, kind, cue)


@pytest.mark.parametrize(
    ("sentence", "previous", "claimant"),
    [
        # a pronoun stands for the last named person before it
        ("He emphasized that the deal was final.", [PESKOV_EMPHASIZED, "The deal is big."], "Dmitry Peskov"),
        ("She added that talks would go on.", ["Governor Elena Vasquez told reporters the move was necessary."], "Elena Vasquez"),
        ('"Nobody expects a miracle," he added.', ["Asked whether the talks would succeed, Hollis said no."], "Hollis"),
        ("He said the visit went well.", [PUTIN_VISIT], "Vladimir Putin"),
        ("They said the figures were wrong.", [RUSSIA_CONFIRMED], "Russia"),
        # a bare surname becomes the full name used before
        (ACCORDING_TO_SHUGAYEV, [MOSCOW_CONFIRMED, SHUGAYEV_HIGHLIGHTED], "Dmitry Shugayev"),
        (SHUGAYEV_EMPHASIZED, [SHUGAYEV_HIGHLIGHTED, ACCORDING_TO_SHUGAYEV, NOT_UNNOTICED], "Dmitry Shugayev"),
        ("Peskov noted that no date was set.", [PESKOV_EMPHASIZED], "Dmitry Peskov"),
        # nothing to resolve to: left as written
        ("He emphasized that the deal was final.", [TIMING], "He"),
        ("Peskov noted that no date was set.", [TIMING], "Peskov"),
    ],
)
def test_attribute_resolves_pronouns_and_surnames(sentence: str, previous: list[str], claimant: str) -> None:
    assert attribute(sentence, previous).claimant == claimant


def test_previous_sentences_do_not_change_the_kind_or_cue() -> None:
    found = attribute(SHUGAYEV_EMPHASIZED, [SHUGAYEV_HIGHLIGHTED])
    assert (found.kind, found.cue) == ("reported", "emphasized")
    assert attribute(REPORTS_INDICATE, [SHUGAYEV_HIGHLIGHTED]) == attribute(REPORTS_INDICATE)


# ------------------------------------------------------------------------------------------------
# attribute_all: what the sentences around tell (made-up local news, in the styles of the news set)

MAYOR_TELLING = (
    "Mayor Carlos Mendez of Riverside spoke at City Hall on Monday, telling reporters that “the new bridge "
    "will open in May, on budget.”"
)


def test_a_mayor_telling_reporters_that_followed_by_his_words_is_the_mayor_direct() -> None:
    assert attribute(MAYOR_TELLING) == Attribution("Carlos Mendez", "direct", "telling")
    said = "Riverside Mayor Carlos Mendez said on Monday, telling reporters that the bridge was late."
    assert attribute(said).claimant == "Carlos Mendez"


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        # a quotation going on in the next sentence
        (['“Jobs grew in retail,” the Labor Department said.', '“Employment in government declined.”'],
         [("Labor Department", "direct"), ("Labor Department", "direct")]),
        # "she said" back to the last named speaker, given in full as first introduced
        (["Crime fell 4% last year, Mayor Lovely Warren said Monday.", "The council met on Tuesday.",
          "Response times have improved, she said.", "Warren said the city has 700 officers."],
         [("Lovely Warren", "reported"), (None, "none"), ("Lovely Warren", "reported"), ("Lovely Warren", "reported")]),
        # a title for the name first introduced with it
        (["Mayor Antonio Villaraigosa joined Mayor Michael Bloomberg on Monday.",
          "The mayor pointed to the voters' approval of Measure R."],
         [(None, "none"), ("Antonio Villaraigosa", "reported")]),
        # a publication for its publisher, and "it" for the same
        (["The report by the Global Carbon Project came out on Wednesday.",
          "Emissions in China rose 4.7 percent this year, the report shows.",
          "Still, it says that the increase is not likely to last."],
         [(None, "none"), ("Global Carbon Project", "reported"), ("Global Carbon Project", "reported")]),
        (["The unemployment rate fell to 9.7%, according to the Department of Labor.",
          "The figure was based on new population data from the Census Bureau.",
          "Friday's report also said that 8.4 million jobs were lost."],
         [("Department of Labor", "reported"), (None, "none"), ("Department of Labor", "reported")]),
        # a sentence attributed by the next one
        (["World emissions rose 2.7 percent from 2017 to 2018.",
          "That's according to three studies released Wednesday from the Global Carbon Project."],
         [("Global Carbon Project", "reported"), ("Global Carbon Project", "reported")]),
        # research from a named institution; "Detroit police say"
        (["More than 97 percent of adults have a risk factor, according to new research from Canada’s York University."],
         [("York University", "reported")]),
        (["Detroit police say a man has been arrested.", "He fired at people on Sunday, police said."],
         [("Detroit police", "reported"), ("Police", "reported")]),
        # "added" with an object is not speech; a comparison with what economists expected is no source
        (["The United States added 661,000 jobs in September, the Labor Department said Friday."],
         [("Labor Department", "reported")]),
        (["Payrolls fell by 20,000 jobs, more than the 15,000 economists expected."], [(None, "none")]),
        # titles with a complement, short titles for "the governor", possessive owners, "The state of X"
        (["Commissioner of Administration Kristy Nichols told legislators that jobs grew."],
         [("Kristy Nichols", "reported")]),
        (["Lawmakers sparred with Gov. Bobby Jindal over the budget.", "“We reined in spending,” the governor said."],
         [(None, "none"), ("Bobby Jindal", "direct")]),
        (["Republican Gov. Scott Walker’s administration said the state will have a $154.5 million surplus."],
         [("Scott Walker’s administration", "reported")]),
        (["The state of Minnesota reported on Thursday that it has a $1.9 billion surplus."],
         [("The state of Minnesota", "reported")]),
    ],
)
def test_attribute_all(sentences: list[str], expected: list[tuple[str | None, str]]) -> None:
    assert [(a.claimant, a.kind) for a in attribute_all(sentences)] == expected


# ------------------------------------------------------------------------------------------------
# Rules from the news training set's FIX half (made-up sentences in the same styles)


@pytest.mark.parametrize(
    ("sentence", "claimant", "kind", "cue"),
    [
        # a title of several words before the name
        ("A typical tax bill would rise $4, City Manager Dana Whitfield said.", "Dana Whitfield", "reported", "said"),
        ("County Administrator Raj Patel said the levy was flat.", "Raj Patel", "reported", "said"),
        # a named source wins over the hedge "allegedly"
        ("She allegedly took the funds, according to the county clerk's office.", "The county clerk's office",
         "reported", "according to"),
        # a pronoun in a relative clause is not the sentence's source
        ("Police arrested a man whom they believe set the fire.", None, "none", None),
        # an opening adverbial before the subject of "..., telling them, “...”"
        ("Later, Rivera appealed to his donors, telling them, “We raised $2 million this quarter.”", "Rivera",
         "direct", "telling"),
        # "found that" is what a study says
        ("A new study has found that 40 percent of bridges need repair.", "A new study", "reported", "has found"),
        # unnamed authorities and groups are vague
        ("Authorities said the driver was 34.", "Unnamed authorities", "vague", "Authorities said"),
        ("Teachers and school administrators said class sizes grew.", "Unnamed school administrators", "vague",
         "administrators said"),
        # a named organisation's officials, data or briefings are the organisation's
        ("Federal Aviation Administration (FAA) officials said delays fell 8 percent.",
         "Federal Aviation Administration", "reported", "said"),
        ("National Weather Service daily data showed 14 inches of snow fell.", "National Weather Service",
         "reported", "showed"),
        ("U.S. officials said the talks would go on.", "Unnamed U.S. officials", "vague", "officials said"),
        # an appositive with no closing comma
        ("“We have hired 40 teachers,” Mara Quinn, the district’s press secretary said.", "Mara Quinn", "direct", "said"),
        # a place before "Police" (a sentence the splitter kept whole) is no part of the source
        ("The crash happened in Aurora, Colo. Police said the driver was speeding.", "Police", "reported", "said"),
    ],
)
def test_attribute_news_training_rules(sentence: str, claimant: str | None, kind: str, cue: str | None) -> None:
    assert attribute(sentence) == Attribution(claimant, kind, cue)


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        # the researchers and their findings are the study's publisher
        (["The research, led by Lakeside University, followed 2,000 adults.",
          "Published in a journal last week, the findings showed that 30 percent walked daily.",
          "The researchers advised that adults walk daily."],
         [(None, "none"), ("Lakeside University", "reported"), ("Lakeside University", "reported")]),
        (["The researchers advised that adults walk daily."], [("The researchers", "reported")]),
        # a poll and who released it
        (["One major poll, released Sunday by Harbor News, said the mayor led by 9 points."],
         [("Harbor News", "reported")]),
        # "officials said" right after a named organisation's officials
        (["Federal Aviation Administration (FAA) officials said delays fell 8 percent.",
          "In May, 2,000 flights were late, officials said.",
          "Last month officials said 300 flights were cancelled."],
         [("Federal Aviation Administration", "reported")] * 3),
        (["Officials said the road was closed."], [("Unnamed officials", "vague")]),
        # "the agency" is the agency named before; an owner's role is the person named with it, else the owner
        (["The Environmental Protection Agency issued the rule in May.", "The agency said emissions fell 12 percent."],
         [(None, "none"), ("Environmental Protection Agency", "reported")]),
        (["NASA Administrator Ellen Ward spoke on Monday.", "NASA’s administrator said the launch would slip."],
         [(None, "none"), ("Ellen Ward", "reported")]),
        (["NASA’s administrator said the launch would slip."], [("NASA", "reported")]),
        # a spokesman never named is the office he speaks for
        (["Deputies answered the call at noon.", "The suspect fled, the county sheriff's office spokesman said."],
         [(None, "none"), ("The county sheriff's office", "reported")]),
        # "it" is never a person, and a capitalised adverb is no part of a name
        (["Costs rose 5 percent in the U.S. Even so, sales held, Mayor Jo Park noted.",
          "When the auditors looked closer, it showed that fees doubled."],
         [("Jo Park", "reported"), ("It", "reported")]),
        # a quotation continued after a source named with an unclosed appositive
        (["“We will keep the border safe,” Tom R. Vance, the department’s press secretary said via a statement.",
          "“We ask Congress to act.”"],
         [("Tom R. Vance", "direct"), ("Tom R. Vance", "direct")]),
    ],
)
def test_attribute_all_news_training_rules(sentences: list[str], expected: list[tuple[str | None, str]]) -> None:
    assert [(a.claimant, a.kind) for a in attribute_all(sentences)] == expected


# ------------------------------------------------------------------------------------------------
# Rules from the whole news training set (eighth session; made-up sentences in the same styles). The
# training set's CHECK half was looked at for these, so the news TEST set measures them.


@pytest.mark.parametrize(
    ("sentence", "claimant", "kind", "cue"),
    [
        # an inverted verb after a comma: the name after it, not a place before it
        ("Some 5,000 people fled to Chad and the Central African Republic, said Ana Ruiz, head of the office.",
         "Ana Ruiz", "reported", "said"),
        ("Drought fuelled the fires, said the Coastal Herald.", "Coastal Herald", "reported", "said"),
        # "told the Times": the Times is the listener
        ("“It is warming,” Lee J. Ortiz, a scientist at a lab in Boulder, Colo., told the Times.", "Lee J. Ortiz",
         "direct", "told"),
        # plural titles before a list of names
        ("Representatives Cora Vance and Eli Moss voted no, Representatives Cora Vance said.", "Cora Vance",
         "reported", "said"),
        # an organisation described with dots in its name; an organisation's acronym and its officials
        ("The camp is full, the U.N. refugee agency said on Friday.", "The U.N. refugee agency", "reported", "said"),
        ("Thousands are displaced, U.N. officials said.", "U.N.", "reported", "said"),
        ("CBP officials underscored that arrests fell.", "CBP", "reported", "underscored"),
        # a name inside a source described in words, its owner, its title
        ("Rents led the rise, according to the agency's Bureau of Labor Statistics, which compiles the index.",
         "Bureau of Labor Statistics", "reported", "according to"),
        ("The fire grew to 2,000 acres, according to the government tracking website Firewatch.", "Firewatch",
         "reported", "according to"),
        ("This year may be warmer still, according to NASA's midyear analysis.", "NASA", "reported", "according to"),
        ("Crossings fell to 6,000, according to the preliminary Customs and Border Protection data.",
         "Customs and Border Protection", "reported", "according to"),
        ("Homes were put on standby, according to sheriff’s Sergeant Tim Orr.", "Tim Orr", "reported",
         "according to"),
        ("Crossings set a low in June, preliminary government data obtained by Valley News shows.", "Valley News",
         "reported", "shows"),
        # the outlet's earlier reporting, and unnamed figures, are vague
        ("The budget is $210 million, according to previous reporting.", "Earlier reporting", "vague", "according to"),
        ("The last such low was in 1968, historical figures indicate.", "Unnamed historical figures", "vague",
         "figures indicate"),
        # two verbs: the second one is the speech
        ("He returned and explained that 734 more had crossed.", "He", "reported", "returned and explained"),
    ],
)
def test_attribute_news_training_rules_2(sentence: str, claimant: str | None, kind: str, cue: str | None) -> None:
    assert attribute(sentence) == Attribution(claimant, kind, cue)


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        # "the agency" with no agency named before: the organisation the sentence opens with, else the last one quoted
        (["Arkansas State Police arrested two men, the agency said."], [("Arkansas State Police", "reported")]),
        (["Customs and Border Protection officials said arrests fell.", "In May, the agency said, 52,000 were held."],
         [("Customs and Border Protection", "reported")] * 2),
        # figures from the agency named at the start of the sentence
        (["The California Department of Forestry and Fire Protection has fought 4,587 fires, according to figures "
          "from the agency."], [("California Department of Forestry and Fire Protection", "reported")]),
        # "the police statement" is the police's
        (["The officer died, police said.", "The suspect faces a murder charge, the police statement says."],
         [("Police", "reported")] * 2),
        # an organisation said again by one word is given in full
        (["The Syrian Observatory for Human Rights counts 300,000 displaced, its figures show.",
          "The Observatory says 500 people have been killed."],
         [("Syrian Observatory for Human Rights", "reported")] * 2),
        # "he" is never a place or a day, and a surname alone stands for the full name given before
        (["Donald Trump said Monday that the polls are wrong.",
          "At the rally in Green Bay on Election Day eve, Trump went on.",
          "He said donors have too much control."],
         [("Donald Trump", "reported"), (None, "none"), ("Donald Trump", "reported")]),
        # a person's words go on in a quotation after reported speech
        (["Mayor Ann Cole said the economy was in good shape.", "“We had the best year in our history.”"],
         [("Ann Cole", "reported"), ("Ann Cole", "direct")]),
    ],
)
def test_attribute_all_news_training_rules_2(sentences: list[str], expected: list[tuple[str | None, str]]) -> None:
    assert [(a.claimant, a.kind) for a in attribute_all(sentences)] == expected


@pytest.mark.parametrize(
    ("sentence", "claimant", "kind", "cue"),
    [
        # a closing quote glued to the next word; a speech verb inside the quotation is the speaker's, not a source
        ("“The clinic has confirmed ten cases in the county,”she said.", "She", "direct", "said"),
        # quoted words before the source, with the sentence's own opening or titles before the name
        ('So far, "it is a normal season," Dr. Lena Ortiz, an officer at the agency, told reporters.', "Lena Ortiz",
         "direct", "told"),
        ("Sales “held up well all year”, Omar Haddad, chief executive of the group, said.", "Omar Haddad", "direct", "said"),
        ("“All are in custody,” police spokesperson P/BGen. Ana Reyes told reporters.", "Ana Reyes", "direct", "told"),
        # a source that ends the sentence after a comma speaks for all of it
        ("The group posted a 13 per cent rise in profit, its fourth record year, Rana Haddad said.", "Rana Haddad",
         "reported", "said"),
        # a speech verb in a relative clause is no source
        ("Police shot a man they say robbed three banks.", None, "none", None),
        ("Arrests fell, extending a lull in crime the governor has credited to new patrols.", None, "none", None),
        # the police of a place; a newspaper or news agency by its name; an organisation's administrators
        ("Police in Pine Bluff, Arkansas, said they arrested a man.", "Pine Bluff police", "reported", "said"),
        ("The Harbin Daily newspaper reported that 300 were hurt.", "Harbin Daily", "reported", "reported"),
        ("The Tanjug news agency said 12 died.", "Tanjug", "reported", "said"),
        ("BART administrators said fares will rise.", "BART", "reported", "said"),
        # figures: a named source's, never a sector that "showed" growth
        ("NHS Digital figures show 500 were waiting.", "NHS Digital", "reported", "show"),
        ("Construction also showed a sharp rise of 6 per cent.", None, "none", None),
        ("The second advance estimate released by Central Statistics Office (CSO) on Wednesday showed that growth is "
         "6.6 per cent.", "Central Statistics Office", "reported", "on Wednesday showed"),
        ("Recent modelling from the Institute for Fiscal Studies warned the list could reach 14 million.",
         "Institute for Fiscal Studies", "reported", "warned"),
        # more verbs of attribution; unnamed scientists and an unnamed one
        ("He criticised the lack of time given to residents.", "He", "reported", "criticised"),
        ("The Met Office attributed the heat to climate change.", "Met Office", "reported", "attributed"),
        ("With a month to go, government scientists are saying 2016 is the hottest year.",
         "Unnamed government scientists", "vague", "scientists are saying"),
        ("“Fares keep going up,” one pointed out.", "Unnamed sources", "vague", "one pointed out"),
        # a title with its complement before the name
        ("The council’s Director of Services Tom Gale told the meeting that 13 units were approved.", "Tom Gale",
         "reported", "told"),
        # according to a lowercase organisation's paper, sent to someone else
        ("Allocations were flat, according to the education ministry’s reply submitted to the National Assembly.",
         "The education ministry", "reported", "according to"),
        # "read" after a quotation: the paper's owner
        ("“Funding has stagnated since 2018,” read the HEC’s reply.", "HEC", "direct", "read"),
    ],
)
def test_attribute_news_batch_rules(sentence: str, claimant: str | None, kind: str, cue: str | None) -> None:
    assert attribute(sentence) == Attribution(claimant, kind, cue)


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        # quoted sentences with no source are the words of whoever the quotation's end names
        (["“We will fight for every home.", "We will win,” said Mayor Ann Cole."], [("Ann Cole", "direct")] * 2),
        # a quotation that goes on into the next paragraph leaves the first unclosed and opens again
        (["Cllr Ben Hart was unimpressed.", "“Look at where we are.", "It is impossible to fathom.",
          "“We are doing nothing for them,” said Cllr Hart."],
         [(None, "none"), ("Ben Hart", "direct"), ("Ben Hart", "direct"), ("Ben Hart", "direct")]),
        # "the figures" are those of the source that gave figures, even with another source between
        (["NHS Digital figures show 500 patients were waiting.", "The IFS warned the list could grow.",
          "In signs of progress, the figures show waits fell by 2,000."],
         [("NHS Digital", "reported"), ("IFS", "reported"), ("NHS Digital", "reported")]),
        # ... and figures nobody gave are unnamed
        (["Waiting times fell in June.", "The figures also show that infections rose."],
         [(None, "none"), ("Unnamed figures", "vague")]),
        # "the authority" is the authority named before
        (["The Land Transport Authority said trains were delayed.", "The authority said the incidents are unrelated."],
         [("Land Transport Authority", "reported")] * 2),
        # the name given with a title, its own titles removed
        (["It was presented by Education Minister Dr Khalid Iqbal Rana.", "The minister said 27 programmes are offered."],
         [(None, "none"), ("Khalid Iqbal Rana", "reported")]),
        # "It" after a paper quoted with "read"
        (["“Funding has stagnated,” read the HEC’s reply.", "It said grants were cut by 35 per cent."],
         [("HEC", "direct"), ("HEC", "reported")]),
    ],
)
def test_attribute_all_news_batch_rules(sentences: list[str], expected: list[tuple[str | None, str]]) -> None:
    assert [(a.claimant, a.kind) for a in attribute_all(sentences)] == expected


@pytest.mark.parametrize(
    ("sentence", "claimant", "kind", "cue"),
    [
        # an organisation's unnamed spokesperson or officials are the organisation
        ("An INMO spokesperson said the count was 500.", "INMO", "reported", "said"),
        ("A spokesperson from SRHD says some cases were linked.", "SRHD", "reported", "says"),
        ("Officials at the State Water Board announced a 25 percent cut.", "State Water Board", "reported", "announced"),
        # "X quoted Y as saying"; "according to him"
        ('"Four buses were buried," ANI quoted Gautam KC, chief of the district police, as saying', "Gautam KC", "direct",
         "quoted"),
        ("According to him, the policy helped.", "He", "reported", "According to"),
        # a hedge inside the quoted words is the speaker's, not the sentence's
        ("“I could tell it was not the animal it was thought to be,” he told Live Science.", "He", "direct", "told"),
        # "was said to be" is unnamed; "who were thought to be" is a relative clause's
        ("Toyota was said to be the first to pass 1 trillion yen.", "Unnamed sources", "vague", "was said to"),
        ("More than two dozen tourists who were thought to be hiking remained missing.", None, "none", None),
        # more verbs, a role written with a hyphen, a statement released, a scientist's title, a number is no name
        ("“Resources have been under strain for a decade,” Treasury director-general Dr Ana Piet outlined.", "Ana Piet",
         "direct", "outlined"),
        ("Dr. Kofi Addo refuted suggestions by the World Bank that the bank acted late.", "Kofi Addo", "reported",
         "refuted"),
        ("Nurses United released a statement saying they were not told.", "Nurses United", "reported", "saying"),
        ("NIWA Principal Scientist Chris Bran said the mean was 13.76C.", "Chris Bran", "reported", "said"),
        ("Nineteen states reported job losses.", None, "none", None),
    ],
)
def test_attribute_news_batch_3_rules(sentence: str, claimant: str | None, kind: str, cue: str | None) -> None:
    assert attribute(sentence) == Attribution(claimant, kind, cue)


def test_a_quotation_in_straight_quotes_goes_on_into_the_next_paragraph_and_ends_there() -> None:
    """A paragraph that opens a straight quotation again is still inside it; the quotation ends where its
    mark closes, so the unquoted sentences after it are nobody's quoted words."""
    sentences = ['"La Nina drove the weather.', '"Sea temperatures were high all year."',
                 "NIWA scientist Chris Bran said the mean was 13.76C.", "In New Zealand, May was the third-warmest on record.",
                 '"It was warm," Bran said.']
    assert [(a.claimant, a.kind) for a in attribute_all(sentences)] == [
        (None, "none"), (None, "none"), ("Chris Bran", "reported"), (None, "none"), ("Chris Bran", "direct")]


@pytest.mark.parametrize(
    ("sentence", "claimant", "kind", "cue"),
    [
        # a person's name, a comma, then words about them, with the closing comma left out
        ("“We did not get runoff,” Dan Hess, of the Weber Basin District told ABC4 News.", "Dan Hess", "direct", "told"),
        ("Cllr Tom Hale, North Herts District Council’s deputy leader and finance portfolio holder, said: “We have saved £9m.”",
         "Tom Hale",
         "direct", "said"),
        ("David Kerr, Chief Economist at the British Chambers of Commerce (BCC) said: “Inflation rose.”", "David Kerr",
         "direct", "said"),
        # ... but not a name that is another verb's subject
        ("Officer Tom C. Wall, 41, was taken to a hospital in Helena, police said.", "Police", "reported", "said"),
        # descriptive words between an inverted verb and the name
        ('"As of now 95 people are dead," said regional military spokesman Colonel Leo Galon.', "Leo Galon", "direct",
         "said"),
        # a fronted subordinate clause's verb is not the sentence's source
        ("After scientists claimed the heat was due to climate change, the World Meteorological Organization said it "
         "was premature.", "World Meteorological Organization", "reported", "said"),
        ("Spokesperson Isaac Mwangi dismissed the claims, stating that the budget is under Sh100 million.", "Isaac Mwangi",
         "reported", "stating"),
    ],
)
def test_attribute_news_batch_4_rules(sentence: str, claimant: str | None, kind: str, cue: str | None) -> None:
    assert attribute(sentence) == Attribution(claimant, kind, cue)


def test_a_quotation_is_the_words_of_whoever_opened_it_until_a_sentence_with_a_source_of_its_own() -> None:
    sentences = ['In a statement, the WMO said: "It is premature to blame climate change alone.',
                 "However, it is consistent with a changing climate.", '"India has seen a third heatwave since March.',
                 "The Pakistan Meteorological Department said that temperatures are above normal.",
                 "India recorded its warmest March."]
    assert [(a.claimant, a.kind) for a in attribute_all(sentences)] == [
        ("WMO", "direct"), ("WMO", "direct"), ("WMO", "direct"), ("Pakistan Meteorological Department", "reported"),
        (None, "none")]
