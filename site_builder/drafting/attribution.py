"""Who a sentence of news text says a claim comes from.

Rule-based and pure: regular expressions over one sentence (plus, for pronouns and bare surnames,
the sentences before it). No models, no I/O.

attribute(sentence, previous=()) -> Attribution(claimant, kind, cue)
-----------------------------------------------------------------------
``kind`` is one of the values of ``Claim.attribution`` in ``model.py``:

``reported``
    A named source, in the article's words: "According to Shugayev, ...", "Shugayev emphasized
    that ...", "Moscow has confirmed that ...", "..., the statistics office said." The claimant is
    the name without its titles ("Kremlin spokesman Dmitry Peskov" and "Russian President Vladimir
    Putin" give "Dmitry Peskov" and "Vladimir Putin"); an appositive is skipped ("Dmitry Peskov,
    the press secretary for Russian President Vladimir Putin, emphasized" gives "Dmitry Peskov").
    A government or institution named by a place is a claimant like any other ("Moscow", "Russia"),
    and so is a lowercase institution or role with its determiner ("The statistics office", "The
    minister", "Its leader"). A named organisation's officials, data or briefings are the organisation
    ("Customs and Border Protection (CBP) officials said", "National Weather Service data showed"); a
    study's findings and "the researchers" are the study's publisher when the article names it ("led by
    X", "released Sunday by X"). Titles of several words go ("City Manager Leif Ahnell" gives "Leif
    Ahnell"); a state written after a city ("Aurora, Colo.") is never part of a source. A named source
    wins over a hedge in the same sentence ("allegedly ..., according to the sheriff's office"). After
    a comma, an inverted verb names the source after it ("..., said Filippo Grandi, head of ...",
    "..., said the Washington Post"; never "told the Times", where the Times listens). A source described
    in words is the name in it ("the agency's Bureau of Labor Statistics", "the government website
    Inciweb", "NASA's midyear analysis" gives "NASA"), and data "obtained by CBS News" are CBS News's;
    an organisation described by its kind stays as written ("the U.N. refugee agency"). A newspaper or
    agency is its name ("The Sichuan Daily newspaper reported"), "Police in Hot Springs, Arkansas, said"
    gives "Hot Springs police", "modelling from the Institute for Fiscal Studies" the institute, and "the
    figures" the source that gave figures before ("NHS Digital figures show"). A source at the end of a
    sentence, after a comma, speaks for all of it ("The group posted a record profit, ..., Sheikh Ahmed
    said."). "show" attributes only figures ("the data show", not "Construction showed an uptick"), and a
    speech verb in a relative clause is no source ("a man they say committed ..."). An organisation's unnamed
    spokesperson or officials are the organisation ("an INMO spokesperson said", "Officials at the State
    Water Resources Control Board announced"); "ANI quoted X as saying" is X's; "According to him" is
    resolved as "he". A name, a comma and words about the person stand for the person even without the
    closing comma ("David Kern, Chief Economist at the British Chambers of Commerce said"), and words
    between an inverted verb and a name describe it ('"...," said regional military spokesman Colonel X').
    A fronted subordinate clause's verb is not the sentence's ("After scientists claimed ..., the WMO said").
``direct``
    The same, when the source's words are quoted as a whole: ``X said: "..."``, ``X said, "..."``,
    ``X said "..."``, ``"...," X said`` or ``"...," said X``, also when words or titles come before
    the quotation or the name (``So far, "...," Dr. X told CNN``, ``"...," PNP spokesperson P/BGen. X told
    reporters``). A quoted fragment inside reported speech (``X said the talks were "overdue."``) stays
    ``reported``, and a speech verb inside the quotation is the speaker's words, not a source. A quoted
    sentence with no source of its own is the words of whoever opened the quotation (``X said: "It is
    premature.`` then ``It is consistent with ...``), else of whoever the end of its quotation names (``"We
    will fight.`` then ``We will win," said X.``), across paragraphs too, until a sentence outside quotation
    marks has a source of its own.
``vague``
    An unnamed source: "Reports indicate", "Analysts suggest", "sources say", "experts say",
    "observers note", "Kremlin officials have described", "one trader said", "Authorities said", "Toyota was
    said to be" (but not "tourists who were thought to be"),
    "officials said" (unless just after a named organisation's officials), "administrators said", "people familiar with
    the matter said", "Some said", "according to reports", "it is believed", "reportedly", "a
    reported approval", "historical figures indicate", "according to previous reporting" (the
    outlet's own earlier reporting). A country's officials are unnamed ("U.S. officials said"); an
    organisation's are the organisation ("U.N. officials", "CBP officials"). The claimant is a short
    label: "Unnamed reports", "Unnamed analysts", "Unnamed Kremlin officials", "Unnamed sources
    familiar with the matter".
``none``
    No attribution: the article asserts it itself. The claimant is None. A source that is only
    mentioned ("has not gone unnoticed by global analysts") is not an attribution.

``cue`` is the cue as written in the sentence (verb with its auxiliary: "has confirmed").

When a sentence has several cues, the first one wins (it is the main clause's in news style).
Pronoun subjects ("He emphasized", "She added") are resolved, best effort, to the last named
person in ``previous`` (the sentences before, nearest last); "It"/"They" to the last claimant of any
kind. A bare surname ("According to Shugayev") is expanded to the full name when ``previous`` has
it ("Dmitry Shugayev"). Unresolved pronouns are returned as written ("He").

Known limits: a plural common noun that starts the sentence and is not in the list of unnamed
sources is taken for a name ("Exporters said" gives "Exporters", reported); a qualifier that starts
the sentence keeps its capital ("Unnamed Shipping firms"); "he"/"she" is resolved by proximity, not
by grammar; cues in a subordinate clause after the main verb can win over it.

The signals shown to editors are not computed here: they are the check-worthiness model's own
largest feature contributions (``CheckworthinessModel.explain``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Attribution", "attribute", "attribute_all"]

KINDS = ("direct", "reported", "vague", "none")


@dataclass(frozen=True)
class Attribution:
    claimant: str | None  # "Dmitry Shugayev", "Moscow", "Unnamed analysts"; None for the article
    kind: str  # "direct" | "reported" | "vague" | "none"
    cue: str | None  # the cue as written: "According to", "emphasized", "Reports indicate"


NONE = Attribution(None, "none", None)


# ------------------------------------------------------------------------------------------------
# Vocabulary


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _alternation(words: frozenset[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


# Verbs that attribute a statement to their subject, in the forms news text uses.
_SPEECH_VERBS = _words(
    """said says say told tells tell emphasized emphasised emphasizes emphasises emphasize
    highlighted highlights stated states noted notes note claimed claims claim confirmed confirms
    confirm added adds argued argues argue warned warns warn insisted insists insist announced
    announces asserted asserts explained explains stressed stresses stress underlined underlines
    acknowledged acknowledges admitted admits admit denied denies deny reported reports report
    revealed reveals maintained maintains maintain declared declares suggested suggests suggest
    indicated indicates indicate believed believes believe estimated estimates estimate described
    describes describe predicted predicts predict alleged alleges allege wrote writes observed
    observes observe called calls expected expects expect think thinks thought fear fears feared
    contended contends contend concluded concludes conclude recalled recalls accused accuses urged
    urges vowed vows promised promises forecast replied replies shouted tweeted posted reiterated
    reiterates re-iterated credited credits blamed blames anticipates anticipated shows showed show
    concedes conceded advised advises advise recommended recommends recommend underscored underscores
    cites cited cite criticised criticized criticises criticizes attributed attributes deemed deems
    outlined outlines refuted refutes rebutted"""
)
# Verbs that are speech only when no object follows: "he added." / "added that" but "added 661,000 jobs".
_BARE_SPEECH_VERBS = _words("added adds")
_BARE_SPEECH_AFTER = re.compile(r"\s*(?:that\b|in a statement\b|on \w+day\b|[,:;.!?”\"’]|$)")
# Verbs that attribute only for a source of figures: "the data show", "a poll showed", but "Construction showed an uptick".
_SHOW_VERBS = _words("show shows showed")
_FIGURES_SUBJECT = re.compile(
    r"\b(?:data|figures|statistics|numbers|records|estimates|briefings|tables|tallies|documents|filings|report|study|survey|"
    r"poll|analysis|research|results|findings|modell?ing|projections)\b", re.IGNORECASE
)
# A participle after the main clause: "Mayor X spoke on Monday, telling reporters that ..."
_PARTICIPLE = re.compile(
    r"(?:,|\b(?:released|issued|put out|posted) (?:a|an) (?:\w+ )?(?:statement|release))\s+(?P<verb>telling|saying|"
    r"adding|noting|warning|arguing|insisting|claiming|explaining|stressing|declaring|acknowledging|admitting|"
    r"stating)\b"
)  # also "X released a statement saying ..."
# Words allowed between a subject and its verb: "has", "have also", "privately", "on Monday".
_BETWEEN = (
    r"(?:(?:has|have|had|also|previously|again|later|earlier|repeatedly|once|then|recently|"
    r"privately|publicly|openly|further|already|long|now|lately|since|first|in turn|on (?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)|[a-z]+ed and)\s+)*"  # "he returned and explained that"
)
_VERB = re.compile(
    rf"\b{_BETWEEN}(?P<verb>{_alternation(_SPEECH_VERBS)}|points? out|pointed out|points? to|pointed to|"
    r"(?:is|are|was|were) (?:saying|citing|claiming|arguing|warning|reporting)|"  # "scientists are saying"
    r"(?:found|finds|find)(?=\s+that\b))\b"
)
_INVERTED_VERBS = (r"said|says|added|adds|told|wrote|argued|noted|explained|insisted|warned|declared|stated|"
                   r"replied|read")  # '"...," read the commission's reply'
_INVERTED = re.compile(rf"(?:[,!?][”\"’']?|[”\"’'])\s+(?P<verb>{_INVERTED_VERBS})\s+(?P<who>.+)")
_INVERTED_BEFORE = re.compile(r"(?:[,!?][”\"’']?|[”\"’'])\s+$")
# "told" is no inversion: in "..., told the Times" the name after it is the listener.
_INVERTED_AFTER = re.compile(rf"(?!told\b)(?:{_INVERTED_VERBS})\s+(?:the\s+(?=[A-Z]))?(?P<who>.+)")
_ACCORDING = re.compile(
    r"\b[Aa]ccording to\s+(?P<source>[^,;:!?()“”\"]+?)(?=[,;:!?()“”\"]|\.?\s*$)"
)
_IT_IS = re.compile(
    r"(?<!\bwho )(?<!\bwhich )(?<!\bthat )\b(?:is|are|was|were) (?:widely |generally |also )?"
    r"(?:said|believed|thought|reported|understood|rumou?red) to\b|"  # "Toyota was said to be", not "who were thought to"
    r"\b[Ii]t (?:is|was|has been|had been) (?:widely |generally |also |now )?"
    r"(?:believed|reported|said|understood|thought|claimed|alleged|rumou?red|expected|estimated|"
    r"feared|known)\b"
)
_REPORTEDLY = re.compile(
    r"\b(?P<cue>reportedly|allegedly|purportedly|reputedly|rumou?red)\b|"
    r"\b(?:[Aa]n?|[Tt]he) (?P<adj>reported)\b"
)

# Nouns for unnamed sources: "Analysts suggest", "one trader said", "people familiar with ...".
_VAGUE_NOUNS = _words(
    """reports sources analysts experts observers officials critics insiders diplomats
    commentators witnesses residents economists scientists researchers investigators mediators
    negotiators lawmakers legislators activists campaigners protesters scholars historians bankers
    investors traders firms companies groups people source analyst expert observer official
    critic insider diplomat trader commentator witness resident economist investor banker
    authorities administrators members managers employees workers figures data statistics estimates"""
)
# Before the noun: "some analysts", "one trader", "the officials" (dropped from the label).
_QUANTIFIERS = _words(
    "some many several most other others certain unnamed anonymous a an one the few numerous"
)
_VAGUE_NOUN_AT_END = re.compile(
    rf"(?<![\w’'-])(?P<noun>{_alternation(_VAGUE_NOUNS)})"
    rf"(?P<pp>\s+(?:in|at|from|inside|close to|familiar with)\s+[^,;:“”\"]+?)?$",
    re.IGNORECASE,
)
# "the researchers" are a study's authors, named or not: reported, the study's publisher when it is known.
_AUTHORS = _words("researchers scientists investigators")
_FIGURES = _words("figures data statistics estimates")  # "the figures show": the figures of a source named before
_TIME_NOUNS = _words("day week weekend month year morning afternoon evening night")
_MONTH_AND_DAY_NAMES = _words(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday"""
)
_SOME = _words("Some Many Others")
_PREPOSITIONS = _words(
    "by of to for from with at in on into among about than across between against over under via"
)
_PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "any"}
_OBJECT_PRONOUNS = {"him": "He", "her": "She", "them": "They"}
_STOP_BEFORE_NOUN = _PREPOSITIONS | _words(
    """the this that these those and or but as when while if than then also said says told
    is are was were has have had be been its their his her our"""
)
# Capitalised words that start a sentence or clause and are not names.
_NOT_NAMES = _words(
    """The This That These Those A An In On At For From By With But And Or So Yet However
    Meanwhile Still Also After Before When While If As Although Though Despite According During
    Since Because Once Then Thus Moreover Indeed Its Their His Her Our My Your We I You There Here
    Some Many Several Most Both All Each No Not Nobody One Two Three What Why How Who Which Where
    Asked Speaking Earlier Later Today Yesterday Even Only Just Instead Now Perhaps Overall Rather
    Nearly Almost About Around Last Next Among Amid Four Five Six Seven Eight Nine Ten Eleven Twelve Fifteen
    Twenty Thirty Fifty Nineteen Hundreds Thousands Dozens Millions"""
)
# Titles removed from the front of a person's name ("Prime Minister Narendra Modi").
_TITLES = _words(
    """President Vice Prime Minister Premier Chancellor Secretary Governor Gov. Senator Sen.
    Representative Rep. Mr. Mrs. Ms. Dr. Prof. Professor Director Chairman Chairwoman Chair Chief
    Executive Spokesman Spokeswoman Spokesperson Ambassador Deputy King Queen Prince Princess Pope
    Judge Justice Mayor Admiral Adm. Colonel Col. Lt. Lieutenant Captain Capt. Sergeant Sgt.
    Commander Marshal Gen. General Air Sheikh Emir Rev. Bishop Cardinal Analyst Economist
    Commissioner Councillor Councilor Leader Opposition Former Foreign Defence Defense Finance Staff
    Member Councilman Councilwoman Councilmember Alderman Alderwoman Police Sheriff Superintendent
    Manager Administrator Attorney Clerk Officer Inspector Detective Trooper Treasurer Auditor
    Principal Dean Coach Interim Acting Assistant Press Dr Mr Mrs Ms Cllr Prof BGen. LtGen. MGen. Brig. Maj.
    Scientist Researcher"""
)
# Titles that can stand before a surname alone ("President Putin", "Mr. Oduya").
_HONORIFICS = _words(
    """President Minister Premier Chancellor Governor Gov. Senator Sen. Rep. Mr. Mrs. Ms. Dr. Prof.
    Professor Mayor Judge King Queen Pope Rev. Adm. Col. Capt. Lt. Sgt. Gen. Dr Mr Mrs Ms Cllr Prof"""
)
# Words that make a capitalised phrase an organisation or a place, not a person.
_ORG_WORDS = _words(
    """Ministry Department Service Force Forces Council Office Agency Bank Group Committee
    Commission Government Kremlin Parliament Duma Army Navy Corps Union Organization Organisation
    Federation Republic Cooperation Security Affairs Court University Institute Center Centre Fund
    Corp Inc Ltd Co Company Partners Capital Systems System House Nations States Kingdom Media
    News Times Post Press Authority Board Party Trust Energy Storage Freight Rail Delhi York Asia
    East West Pacific Europe America Arabia Africa Korea Congress Senate Conference Project
    University Association Society Foundation Network Coalition Alliance Mayors Safety Program
    Programme Report Survey Study Statistics Bureau Police Administration Observatory Laboratory Museum
    Hospital Clinic Health Centers County Counties"""
)
# Places that stand for their governments ("Moscow has confirmed"): never a "he" or "she".
_GOVERNMENTS = _words(
    """Moscow Russia Kremlin India Delhi Washington America Beijing China Kyiv Kiev Ukraine
    Islamabad Pakistan Tehran Iran London Britain Paris France Berlin Germany Brussels Tokyo Japan
    Ankara Turkey Jerusalem Israel Riyadh Minsk Belarus Pyongyang Seoul Canberra Ottawa Canada"""
)
# A lowercase subject that names a source: "the statistics office said", "Its leader said".
_ROLE_NOUNS = _words(
    """spokesman spokeswoman spokesperson minister ministry official leader president chief
    director government agency office department police army military court company bank embassy
    union group committee commission council regulator prosecutor prosecutors statement report
    study survey secretary ambassador governor mayor district board university hospital administration
    campaign state city county poll findings results administrator commissioner manager sheriff authority"""
)
# A named organisation's people or papers: "Customs and Border Protection (CBP) officials", "Census Bureau data".
_ORG_GROUP = re.compile(
    r"(?P<org>[A-Z][\w’'.&-]*(?:\s+(?:(?:of|for|and|on|de)\s+)?[A-Z][\w’'.&-]*)*)(?:\s*\([A-Z][\w.&-]*\))?\s+"
    r"(?:officials|spokespeople|representatives|administrators|executives|researchers|scientists|(?:[a-z][\w-]*\s+){0,3}"
    r"(?P<data>data|figures|statistics|records|briefings|estimates|tables|numbers|filings|documents))$"
)
# A lowercase organisation named again: "the agency" is the "Environmental Protection Agency" named before.
_ORG_NOUNS = _words("agency department ministry bureau commission committee council board university hospital authority")
_SPOKESPEOPLE = _words("spokesman spokeswoman spokesperson")
_PERSON_ROLES = _words(
    """spokesman spokeswoman spokesperson minister official leader president chief director
    prosecutor secretary ambassador governor mayor administrator commissioner manager sheriff"""
)
_ROLE_SUBJECT = re.compile(
    rf"(?:^|(?<=[\s,;(]))((?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|(?:[A-Z][\w.]*\s+){{0,3}}[A-Z]\w+[’']s)\s+"
    rf"(?:[\w’'.-]+\s+){{0,4}}?(?:{_alternation(_ROLE_NOUNS)})(?:\s+of\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)?|"
    rf"(?:[Aa]n?|[Oo]ne)\s+(?:new\s+|recent\s+|separate\s+|major\s+)?(?:report|study|survey|poll))$"
)
# Titles written short before a name: "Gov. Bobby Jindal" introduces "the governor".
_ROLE_ABBREVIATIONS = {"governor": ("Gov.",), "senator": ("Sen.",), "representative": ("Rep.",),
                       "general": ("Gen.",), "professor": ("Prof.",), "president": ("Pres.",)}
# "In the U.S. Conference of Mayors report, ..." names its source before the comma.
_IN_REPORT = re.compile(r"^(?:In|From)\s+(?:the|a|its|their)\s+(?P<source>[A-Z][^,;]*?)\s+(?:report|study|survey|analysis),")
_NAME_TOKEN = re.compile(r"[A-Z][\w’'.&-]*$")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_ACRONYM = re.compile(r"[A-Z]{2,}|(?:[A-Z]\.){2,}")  # "CBP", "U.N."
# US states as news style writes them after a city ("Aurora, Colo."): a place, never a source.
_STATE_ABBREVIATIONS = _words(
    """Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md. Mass. Mich. Minn. Miss.
    Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C. S.D. Tenn. Vt. Va. Wash.
    W.Va. Wis. Wyo."""
)
# A country's officials are unnamed ones ("U.S. officials said"); an organisation's are the organisation.
_COUNTRY_ACRONYMS = _words("U.S. US U.K. UK UAE U.A.E. USA U.S.A. EU E.U. PRC DPRK ROK")
_CONNECTORS = _words("of for and de van von der da di bin al la le du del dos ibn")
_PARTIES = _words("Republican Democratic Democrat Labour Labor Conservative Liberal Independent GOP DFL")
_OPEN_QUOTES = "“\"‘'«"
_CLOSE_QUOTES = "”\"’'»"
# After the verb: 'said: "', 'told reporters, "', 'said "' or 'said that "'.
_DIRECT_AFTER = re.compile(
    rf"\s*(?:[\w’'-]+(?:\s+|(?=[:,]))){{0,3}}?[:,]\s*[{_OPEN_QUOTES}]|"
    r"\s*(?:(?:reporters|journalists|the press|the media|the crowd|an audience|supporters|lawmakers|him|her|"
    r"them|us|me)\s+)?(?:that\s+)?[“\"«]"
)
# Institutions named by a lowercase noun after a place: "Detroit police said", "police said".
_INSTITUTIONS = _words("police prosecutors firefighters")
# "new research from Canada’s York University", "three studies released Wednesday from the Global Carbon Project"
_PUBLICATION_OF = re.compile(
    r"\b(?:research|stud(?:y|ies)|reports?|surveys?|analys[ie]s|polls?|modell?ing|projections?|forecasts?)\b"
    r",?(?:\s+(?:released|published|issued|compiled|conducted|led|commissioned)(?:\s+\w+day)?)?\s+(?:by|from)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w’'.&-]*(?:\s+(?:(?:of|for|and|on|de)\s+)?[A-Z][\w’'.&-]*)*)"
)
# A claimant that is a publication, to be resolved to its publisher: "The report", "Friday's report".
_PUBLICATION_CLAIMANT = re.compile(
    r"^(?:(?:the|a|an|one|this|that|its|their|[\w’']+[’']s)\s+)?(?:new\s+|latest\s+|annual\s+|major\s+)?"
    r"(?:police\s+|news\s+|agency\s+|department\s+)?"  # "the police statement": the police's
    r"(?:report|study|survey|analysis|research|data|figures|statistics|poll|findings|results|researchers|"
    r"scientists|investigators|statement|release|website)$",
    re.IGNORECASE,
)
# A source's data: "figures from the agency", "preliminary government data obtained by CBS News".
_DATA_NOUNS = "data|figures?|numbers|statistics|records|estimates?|tallies|documents"
_DATA_PARTICIPLES = "obtained|released|compiled|published|provided|reviewed"
_DATA_FROM = re.compile(
    rf"^(?:[\w-]+\s+){{0,3}}?(?:{_DATA_NOUNS})\s+(?:(?:{_DATA_PARTICIPLES})\s+)?(?:from|by|of)\s+(?P<source>.+)$"
)
_DATA_BY = re.compile(
    rf"\b(?:{_DATA_NOUNS})\s+(?:{_DATA_PARTICIPLES})\s+by\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w.&-]*(?:\s+(?:(?:of|for|and|on)\s+)?[A-Z][\w.&-]*)*)"
    r"(?:\s*\([A-Z][\w.&-]*\))?(?:\s+(?:on\s+)?\w+day|\s+last\s+(?:week|month))?$"  # "(CSO) on Wednesday"
)
_EARLIER_REPORTING = re.compile(r"\b(?:previous|earlier|prior) reporting\b|\b(?:previously|earlier) reported\b")
# A name in a source described in words: capitalised words, "of"/"for"/"and" between them, a possessive at the end.
_NAME_IN = re.compile(r"[A-Z][\w.&-]*(?:\s+(?:(?:of|for|and|on)\s+)?[A-Z][\w.&-]*)*(?:[’']s\b)?")
# A lowercase organisation's paper: "the education ministry’s reply" is the ministry's.
_OWNED_PAPER = re.compile(
    r"(?P<owner>(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}(?:ministry|department|agency|office|commission|council|board|"
    r"authority|government|court|police))[’']s\s+(?:\w+\s+)?(?:reply|response|statement|letter|report|figures|data|"
    r"estimates?|website|submission|records|filing|analysis)"
)
# What may follow a speech verb that ends its sentence: "..., Sheikh Ahmed said in a statement on Thursday."
_FINAL_SOURCE = re.compile(
    r"(?:\s+(?:in a statement|in an interview|on \w+day|last week|this week|yesterday|today|on Thursday|"
    r"reporters|journalists|the \w+|[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*))*\s*[.!]?[”\"’]?\s*$"
)
_QUOTED_AS_SAYING = re.compile(r"\bquoted\s+(?P<who>[A-Z][^,]*?)(?:,[^,]+,)?\s+as\s+saying\b")
# An organisation's unnamed spokesperson, or its officials: "an INMO spokesperson", "A spokesperson from SRHD",
# "Officials at the State Water Resources Control Board".
_ORG_NAME = r"(?P<org>[A-Z][\w’'.&-]*(?:\s+(?:(?:of|for|and|on)\s+)?[A-Z][\w’'.&-]*)*)"
_ORG_SPOKESPERSON = re.compile(
    rf"(?:^|(?<=\s))(?:[Aa]n?|[Tt]he)\s+(?:{_ORG_NAME}\s+(?:spokesperson|spokesman|spokeswoman)|"
    rf"(?:spokesperson|spokesman|spokeswoman)\s+(?:from|for|of|at)\s+(?:the\s+)?{_ORG_NAME.replace('org', 'org2')})$"
)
_OFFICIALS_AT = re.compile(
    rf"(?:^|(?<=\s))(?:[Oo]fficials|[Ss]pokespeople|[Rr]epresentatives|[Aa]dministrators|[Rr]esearchers|[Ss]cientists)"
    rf"\s+(?:at|from|of|with)\s+(?:the\s+)?{_ORG_NAME}$"
)
_FRONTED_CLAUSE = re.compile(r"\s*(?:After|Before|While|Although|Though|Since|Because|When|Whereas|Even though|As)\b[^,]*,")
# Descriptive words before a name after an inverted verb: '..." said regional military spokesman Colonel X'
_DESCRIBED = re.compile(
    r"(?:[a-z][\w’'-]*\s+){0,4}?(?:spokesman|spokeswoman|spokesperson|official|director|chief|minister|secretary|head|"
    r"leader|president|commander|analyst|economist|professor|manager|officer|governor|mayor|superintendent)\s+(?=[A-Z])"
)
_CLAUSE_VERBS = _words("was were is are has have had will would who whom which that said says told")
_GLUED_QUOTE = re.compile(r"([,.!?][”\"])(?=[A-Za-z])")
# A quotation opened in the text before a source: 'So far, "it's a typical season," Dr. Jhung told CNN.'
_OPENING_QUOTE = re.compile(r"(?:^|[\s(])[“\"«]")
# A source that is a speech verb's subject only in a relative clause: "a man they say committed ...", "a lull the
# administration has attributed to ...": the verb is followed by another verb, or by "to" instead of its object.
_CLAUSE_WORDS = _words(
    """and but or nor so then because as when while after before since although though if yet now also where
    whereas once until unless ago today yesterday tonight that"""
)
_GAP_AFTER = re.compile(r"\s+(?:(?:was|were|is|are|had|has|have|would|will|could|did|\w+ed)\s|to\s)")
# "Police in Hot Springs, Arkansas, said": the place's police.
_INSTITUTION_IN = re.compile(
    r"(?:^|(?<=[\s(—–-]))(?P<institution>[Pp]olice|[Pp]rosecutors|[Ff]irefighters)\s+in\s+"
    r"(?P<place>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?,?$"
)
# What a news organisation is called after its name: "The Sichuan Daily newspaper", "the Xinhua news agency".
_MEDIA_KINDS = _words("newspaper paper daily weekly magazine website broadcaster network channel tabloid outlet agency news")
_THAT_IS_ACCORDING = re.compile(r"^(?:That|This)(?:'s|’s| is| was)\s+according to\s+(?P<source>[^;:!?()“”\"]+)")


# ------------------------------------------------------------------------------------------------
# attribute


def attribute(sentence: str, previous: Sequence[str] = ()) -> Attribution:
    """How ``sentence`` attributes what it says (see the module docstring)."""
    sentence = _GLUED_QUOTE.sub(r"\1 ", sentence)  # '... County,”he said': a closing quote glued to the next word
    found = [f for f in (_according(sentence), _impersonal(sentence), _subject_verb(sentence), _in_report(sentence),
                         _quoted_as_saying(sentence)) if f]
    if not found:
        return NONE
    found = [f for f in found if not _inside_quotes(sentence, f[0])] or found  # the quoted words' own hedges
    if any(a.kind in ("direct", "reported") for _, a in found):
        # "He allegedly fled ..., according to the sheriff's office": the adverb hedges what the source says
        found = [f for f in found if f[1].cue not in ("reportedly", "allegedly", "purportedly", "reputedly")] or found
    _, attribution = min(found, key=lambda f: f[0])
    if attribution.kind in ("direct", "reported"):
        attribution = _resolve(attribution, previous)
    return attribution


_Found = tuple[int, Attribution]  # where the attribution starts in the sentence, and what it is


def _according(sentence: str) -> _Found | None:
    """"According to Shugayev, ..." / "..., according to the statistics office." """
    match = _ACCORDING.search(sentence)
    if match is None:
        return None
    source = re.split(r"\s+(?:who|which|that|whose)\s+|\s+(?:submitted|presented|sent|given|delivered|addressed)\s+to\s+",
                      match.group("source").strip(), maxsplit=1)[0]
    cue = sentence[match.start() : match.start() + len("according to")]
    if source.lower() in _OBJECT_PRONOUNS:  # "According to him": he, resolved as any "he"
        return match.start(), Attribution(_OBJECT_PRONOUNS[source.lower()], "reported", cue)
    owner = _OWNED_PAPER.fullmatch(source)
    if owner is not None:  # "the education ministry’s reply": the ministry
        return match.start(), Attribution(_capitalise(owner.group("owner")), "reported", cue)
    while (data := _DATA_FROM.match(source)) is not None:  # "figures from the agency": the agency
        source = data.group("source")
    publisher = _publisher(source)
    if publisher:
        return match.start(), Attribution(publisher, "reported", cue)
    label = _vague_label(source)
    if label is not None:
        return match.start(), Attribution(label, "vague", cue)
    if _EARLIER_REPORTING.search(source):
        return match.start(), Attribution("Earlier reporting", "vague", cue)
    named = _named_in(source) if source[:1].islower() or re.search(r"[’']s\s", source) else None
    if named is not None:
        return match.start(), Attribution(named, "reported", cue)
    # "According to Reuters the deal ..." (no comma): the name only
    if re.match(r"the [A-Z]", source):
        source = source[4:]  # "the Kremlin"
    claimant = _name_at_start(source) if source[:1].isupper() else _capitalise(source)
    return match.start(), Attribution(claimant or _capitalise(source), "reported", cue)


def _named_in(phrase: str) -> str | None:
    """The name in a source described in words: "the agency's Bureau of Labor Statistics" -> "Bureau of Labor
    Statistics", "the government website Inciweb" -> "Inciweb", "the preliminary Customs and Border Protection
    data" -> "Customs and Border Protection", "NASA's midyear climate analysis" -> "NASA". None when the
    phrase names none, or is an organisation described by its kind ("the U.N. refugee agency")."""
    words = phrase.split()
    if not words or words[-1].lower() in _ROLE_NOUNS | _ORG_NOUNS | _INSTITUTIONS:
        return None
    runs = [run.group() for run in _NAME_IN.finditer(phrase) if run.group() not in _NOT_NAMES]
    if not runs:
        return None
    owned = [run for run in runs if not run.endswith(("’s", "'s"))]
    return _strip_titles((owned[-1] if owned else runs[-1][:-2]).split()) or None  # "sheriff’s Sergeant X": X


def _quoted_as_saying(sentence: str) -> _Found | None:
    """'"...," ANI quoted Gautam KC, chief of the district police, as saying': the person quoted."""
    match = _QUOTED_AS_SAYING.search(sentence)
    if match is None:
        return None
    who = _name_at_start(match.group("who"))
    if who is None:
        return None
    kind = "direct" if sentence.lstrip()[:1] in _OPEN_QUOTES or _DIRECT_AFTER.match(sentence, match.end()) else "reported"
    return match.start(), Attribution(who, kind, "quoted")


def _in_report(sentence: str) -> _Found | None:
    """"In the U.S. Conference of Mayors report, Los Angeles listed ..." """
    match = _IN_REPORT.match(sentence.lstrip())
    if match is None:
        return None
    return 10**6, Attribution(match.group("source"), "reported", match.group().split()[0])  # any cue wins over it


def _impersonal(sentence: str) -> _Found | None:
    """"It is believed that ...", "reportedly", "a reported approval"."""
    match = _IT_IS.search(sentence)
    if match is not None:
        return match.start(), Attribution("Unnamed sources", "vague", match.group())
    match = _REPORTEDLY.search(sentence)
    if match is not None:
        cue = match.group("cue") or match.group("adj")
        return match.start(), Attribution("Unnamed reports", "vague", cue)
    return None


def _subject_verb(sentence: str) -> _Found | None:
    """The subject of the first speech verb that has one, or ``"...," said NAME``; a source that ends the sentence
    after a comma ("..., Sheikh Ahmed said.") speaks for all of it."""
    matches = [match for match in _VERB.finditer(sentence) if not _inside_quotes(sentence, match.start("verb"))]
    fronted = _FRONTED_CLAUSE.match(sentence)
    if fronted is not None and any(m.start() >= fronted.end() for m in matches):
        # "After scientists claimed ..., the WMO said": the main clause's source, not the subordinate clause's
        matches = [m for m in matches if m.start() >= fronted.end()]
    if len(matches) > 1 and _FINAL_SOURCE.match(sentence, matches[-1].end()) and re.search(
        r",[”\"]?\s+[^,]+$", sentence[: matches[-1].start()]
    ):
        matches = matches[-1:] + matches[:-1]
    for match in matches:
        if re.search(r"[’']s\s*$", sentence[: match.start()]):
            continue  # "Friday's report also said": "report" is a noun here
        if (match.group("verb") in _SHOW_VERBS and not _FIGURES_SUBJECT.search(sentence, 0, match.start())
                and not re.match(r"\s+that\b", sentence[match.end() :])):
            continue  # "Construction also showed a sharp uptick" (but "it showed that ...")
        if match.group("verb") in _BARE_SPEECH_VERBS and not _BARE_SPEECH_AFTER.match(sentence, match.end()):
            continue  # "The United States added 661,000 jobs"
        if _inverted_source(sentence, match.start("verb")) is not None:
            break  # "..., said Filippo Grandi, head of ...": the source follows the verb
        subject = _subject_before(sentence[: match.start()])
        if subject is None:
            continue
        start, claimant, kind = subject
        if claimant.lower() in _PRONOUNS and re.search(r"\b(?:who|whom|which|that)\s*$", sentence[:start]):
            continue  # "a deputy, whom they believe was killed ...": a relative clause, not the sentence's source
        if _in_relative_clause(sentence, start, match.end()):
            continue
        cue = match.group().strip()
        if kind == "vague":
            return start, Attribution(claimant, "vague", sentence[start : match.end()])
        if _quoted_around(sentence, start, match.end()):
            kind = "direct"
        return start, Attribution(claimant, kind, cue)
    match = _INVERTED.search(sentence)
    if match is not None:
        who = _inverted_source(sentence, match.start("verb"))
        if who is not None:
            kind = "direct" if sentence.lstrip()[:1] in _OPEN_QUOTES else "reported"
            return match.start("verb"), Attribution(who, kind, match.group("verb"))
    match = _PARTICIPLE.search(sentence)
    if match is not None:  # "Mayor Carlos Mendez spoke on Monday, telling reporters that “...”"
        words = sentence.split()
        who = None
        if words and words[0].lower() in ("he", "she"):
            who = _capitalise(words[0].lower())
        else:
            opening = re.match(r"(\w+)(?:\s+\w+){0,2},\s+", sentence.lstrip())
            # "Earlier, Trump exhorted his supporters, telling them ...": the subject after the opening
            start = opening.end() if opening is not None and opening.group(1) in _NOT_NAMES else 0
            who = _name_at_start(sentence.lstrip()[start:])
        if who is not None:
            kind = "direct" if _DIRECT_AFTER.match(sentence, match.end()) else "reported"
            return match.start("verb"), Attribution(who, kind, match.group("verb"))
    return None


def _inside_quotes(sentence: str, at: int) -> bool:
    """Whether ``at`` is inside quoted words: after more opening than closing curly quotes, or an odd number of
    straight ones (the speaker's own "the ministry has confirmed" is not the sentence's source)."""
    before = sentence[:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _in_relative_clause(sentence: str, subject_start: int, verb_end: int) -> bool:
    """"a man they say committed ...", "a lull the administration has attributed to ...": a noun just before the
    subject, and the verb followed by another verb or by "to" instead of its object."""
    before = sentence[:subject_start].split()
    while before and before[-1] in ("the", "a", "an"):
        before.pop()  # "the Trump administration": the subject's own article
    word = before[-1] if before else ""
    return (word.isalpha() and word.islower() and word not in _CLAUSE_WORDS and word not in _TIME_NOUNS
            and _GAP_AFTER.match(sentence, verb_end) is not None)


def _inverted_source(sentence: str, verb_start: int) -> str | None:
    """The name after an inverted verb ("..., said Filippo Grandi", "..., said the Washington Post"), if any."""
    match = _INVERTED_AFTER.match(sentence, verb_start)
    if match is None or not _INVERTED_BEFORE.search(sentence[:verb_start]):
        return None
    who = match.group("who")
    described = _DESCRIBED.match(who)
    name = _name_at_start(who[described.end() :] if described else who)
    return name[:-2] if name and name.endswith(("’s", "'s")) else name  # "read the HEC’s reply": the HEC


def _subject_before(before: str) -> tuple[int, str, str] | None:
    """(start, claimant, kind) of the subject that ends ``before``, the text up to the verb."""
    text = before.rstrip()
    police = _INSTITUTION_IN.search(text)
    if police is not None:
        return police.start(), f"{police.group('place')} {police.group('institution').lower()}", "reported"
    if text.endswith(")"):  # "Sen. Maria Cantu (D-Ariz.) said"
        text = text[: text.rfind("(")].rstrip() if "(" in text else text
    if text.endswith(","):
        # "Dmitry Peskov, the press secretary for ..., emphasized": skip the appositive, and a place in it
        # ("Gerald Meehl, a scientist at a centre in Boulder, Colo., told")
        end = comma = len(text) - 1
        while (comma := text.rfind(",", 0, comma)) >= 0:
            segment = text[comma + 1 : end].strip()
            if segment[:1].islower():
                break
            if not (segment in _STATE_ABBREVIATIONS or re.fullmatch(r"[A-Z][\w.]*(?: [A-Z][\w.]*)?", segment)):
                comma = -1
                break
            end = comma
        text = text[:comma] if comma >= 0 else text[:-1]
    if not text:
        return None
    if "," in text:  # "“...,” Jana Novak, the city’s press secretary said": an appositive with no closing comma
        comma = text.rfind(",")
        segment, head = text[comma + 1 :].split(), text[:comma].rstrip()
        if 0 < len(segment) <= 6 and segment[-1] in _PERSON_ROLES:
            run = _name_run(head.split())
            start = len(head) - len(" ".join(run))
            name = _strip_titles(run) if run else ""
            if _looks_like_person(name) and not _after_preposition(head, start):
                return start, name, "reported"
        person = _person_then_appositive(text)
        if person is not None:
            return person

    for pattern in (_ORG_SPOKESPERSON, _OFFICIALS_AT):
        org = pattern.search(text)
        if org is not None:
            name = org.group("org") or org.groupdict().get("org2")
            if name and (_is_org(name) or _ACRONYM.fullmatch(name)):
                return org.start(), name, "reported"
    group = _ORG_GROUP.search(text)
    if group is not None:  # "Customs and Border Protection (CBP) officials", "Census Bureau data"
        words = group.group("org").split()
        while words and (words[0] in _NOT_NAMES or words[0] in _MONTH_AND_DAY_NAMES):
            words.pop(0)
        named = [w for w in words if w not in _CONNECTORS]
        acronym = len(named) == 1 and named[0] not in _COUNTRY_ACRONYMS and bool(_ACRONYM.fullmatch(named[0]))
        if words and (len(named) >= 2 or acronym  # "U.N. officials", "CBP officials"; "U.S. officials" are vague
                      or (group.group("data") and any(w.strip(".,") in _ORG_WORDS for w in named))):
            start = group.end("org") - len(" ".join(words))
            person = _looks_like_person(" ".join(words)) and len(named) == len(words) and "(" not in group.group()
            if not _after_preposition(text, start) and not person:
                return start, " ".join(words), "reported"

    data = _DATA_BY.search(text)
    if data is not None:  # "preliminary government data obtained by CBS News shows": CBS News
        return data.start("name"), data.group("name"), "reported"
    publication = _PUBLICATION_OF.search(text)
    if publication is not None and publication.end() == len(text):  # "Recent modelling from the Institute for ..."
        return publication.start("name"), publication.group("name"), "reported"
    vague = _vague_subject(text)
    if vague is not None:
        start, noun_start, label = vague
        if re.search(r"\bthan\b(?:\s+\S+){0,3}\s*$", text[:start]):
            return None  # "more than the 15,000 economists expected": a comparison, not a source
        the = re.search(r"(?:^|(?<=\s))(?:[Tt]he|[Ii]ts|[Tt]heir)\s+$", text[:noun_start])
        if the is not None and text[noun_start:].lower() in _AUTHORS | _FIGURES:  # "The researchers": the study's
            return the.start(), _capitalise(text[the.start() : noun_start]) + text[noun_start:], "reported"
        if not _after_preposition(text, start):
            return noun_start, label, "vague"
    words = text.split()
    if words[-1] in _SOME or words[-1] in ("one", "another", "some", "others", "many"):  # '"...," one pointed out'
        return len(text) - len(words[-1]), "Unnamed sources", "vague"
    kinds = 0
    while kinds < min(2, len(words) - 1) and words[-1 - kinds] in _MEDIA_KINDS:
        kinds += 1
    media = _name_run(words[: len(words) - kinds]) if kinds else []
    if media:  # "The Sichuan Daily newspaper reported", "the Xinhua news agency said"
        start = len(" ".join(words[: len(words) - kinds])) - len(" ".join(media))
        if not _after_preposition(text, start):
            return start, " ".join(media), "reported"
    if words[-1].lower() in _PRONOUNS and (len(words) == 1 or words[-2].lower() not in _PREPOSITIONS):
        return len(text) - len(words[-1]), _capitalise(words[-1]), "reported"

    if words[-1].lower() in _INSTITUTIONS:  # "Detroit police said", "police said"
        place = _name_run(words[:-1])
        start = len(text) - len(" ".join([*place, words[-1]]))
        if place and not _after_preposition(text, start):
            return start, " ".join([*place, words[-1]]), "reported"
        if len(words) == 1 or words[-2].lower() not in _PREPOSITIONS:
            return len(text) - len(words[-1]), _capitalise(words[-1]), "reported"
    run = _name_run(words)
    if run:
        start = len(text) - len(" ".join(run))
        if not _after_preposition(text, start):
            name = _strip_titles(run)
            return (start, name, "reported") if name else None
        # "by Russia" is no subject ("Critics in the U.S. Congress" was handled above), but
        # "The state of Minnesota" is
    role = _ROLE_SUBJECT.search(text)
    if role is not None:
        phrase = role.group(1)
        owner = re.match(r"((?:[A-Z][\w.]*\s+){0,3}[A-Z]\w+)[’']s\s", phrase)
        if owner is not None:  # "Republican Gov. Scott Walker’s administration" -> "Scott Walker’s administration"
            words = [w for w in owner.group(1).split() if w not in _NOT_NAMES]
            name = _strip_titles([w for w in words if w not in _PARTIES]) or owner.group(1)
            phrase = name + phrase[owner.end(1) :]
        return role.start(1), _capitalise(phrase), "reported"
    return None


def _person_then_appositive(text: str) -> tuple[int, str, str] | None:
    """"Cllr Terry Hone, North Herts District Council’s deputy leader ...", "David Kern, Chief Economist at the
    British Chambers of Commerce (BCC)", '"...," Darren Hess, of the Weber Basin District': a clause that opens with
    a person's name and a comma, then words describing them (the appositive's closing comma left out)."""
    quote = max(text.rfind(mark) for mark in _CLOSE_QUOTES)
    offset = quote + 1 if quote >= 0 and text[quote + 1 : quote + 2] in ("", " ") else 0
    clause = text[offset:]
    head, comma, rest = clause.partition(",")
    words = head.split()
    if not comma or not words or words[0] in _NOT_NAMES or not all(_NAME_TOKEN.match(w) for w in words):
        return None
    described = re.sub(r"\s[–—-]\s.*?\s[–—-](?=\s|$)", " ", rest).split()  # "– which came fifth ... –" aside
    if not 0 < len(described) <= 30 or not any(w[:1].islower() for w in described) or described[0][:1].isdigit():
        return None
    if any(w in _CLAUSE_VERBS for w in described):
        return None  # "Officer X, 41, was taken to ...", "Mayor X, who said ...": the name is another verb's subject
    name = _strip_titles(words)
    if not _looks_like_person(name):
        return None
    return offset + clause.find(head.strip()), name, "reported"


def _after_preposition(text: str, start: int) -> bool:
    """Whether the phrase at ``start`` is the object of a preposition ("by global analysts")."""
    before = text[:start].split()
    if before and before[-1].lower() == "the":
        before.pop()
    return bool(before) and before[-1].lower() in _PREPOSITIONS


def _name_run(words: list[str]) -> list[str]:
    """The capitalised words (with "of", "de", ... between them) that end ``words``."""
    run: list[str] = []
    for word in reversed(words):
        if _NAME_TOKEN.match(word):
            run.insert(0, word)
        elif word in _CONNECTORS and run:
            run.insert(0, word)
        else:
            break
    states = [i for i, word in enumerate(run) if word in _STATE_ABBREVIATIONS]
    if states:  # "in Aurora, Colo. Police said": the place (or the sentence it ended) is no part of the source
        run = run[states[-1] + 1 :]
    while run and (run[0] in _CONNECTORS or run[0] in _NOT_NAMES):
        run.pop(0)
    if len(run) == 1 and run[0].lower() in _VAGUE_NOUNS:
        return []
    return run


def _is_title(word: str) -> bool:
    """"Mayor", "Sen.", and plurals before a list of names ("Representatives Cortney Niland, ...")."""
    return word in _TITLES or (word.endswith("s") and word[:-1] in _TITLES)


def _strip_titles(run: list[str]) -> str:
    """"Russian President Vladimir Putin" -> "Vladimir Putin"; "Jana Novak of Helix" -> "Jana Novak"."""
    last_title = max((i for i, word in enumerate(run) if _is_title(word)), default=-1)
    rest = run[last_title + 1 :]
    if last_title >= 0 and rest and rest[0] in _CONNECTORS:
        # "Commissioner of Administration Kristy Nichols": the title's complement, then the name
        tail: list[str] = []
        for at in range(len(rest) - 1, -1, -1):
            word = rest[at]
            if word in _CONNECTORS or word.strip(".,’'") in _ORG_WORDS or _is_title(word):
                break
            if len(tail) >= 2 and rest[at - 1] in _CONNECTORS:
                break  # "Director of Services Tom Gilligan": "Services" is the title's, the name has begun
            tail.insert(0, word)
        rest = tail
    if last_title >= 0 and (len(rest) >= 2 or (len(rest) == 1 and run[last_title] in _HONORIFICS)):
        run = rest
    if "of" in run:  # a person "of" an organisation is the person; a "Ministry of Defense" stays
        person = run[: run.index("of")]
        if _looks_like_person(" ".join(person)):
            run = person
    return " ".join(run)


def _name_at_start(text: str) -> str | None:
    """The name that starts ``text``: "Omar Haddad, chief economist ..." -> "Omar Haddad"."""
    words: list[str] = []
    for word in text.split():
        if _is_title(word) or _INITIALS.fullmatch(word):
            words.append(word)  # "Mr.", "A.", "A.P.": the name goes on
            continue
        bare = word.rstrip(",.;:!?")
        if not (_NAME_TOKEN.match(bare) or (bare in _CONNECTORS and words)):
            break
        words.append(bare)
        if bare != word:
            break
    name = _strip_titles([w for w in words if w not in _NOT_NAMES])
    return name or None


def _quoted_around(sentence: str, subject_start: int, verb_end: int) -> bool:
    """``"...," X said`` or ``X said: "..."``: the source's words are quoted as a whole."""
    head = re.sub(r"\s+(?:the|The)$", "", sentence[:subject_start].rstrip())
    words = head.split()
    while len(words) > 1 and words[-1][-1:] not in _CLOSE_QUOTES + "," and (
        words[-1][:1].isupper() or any(part in _PERSON_ROLES | _ROLE_NOUNS for part in words[-1].lower().split("-"))
    ):
        words.pop()  # '...,” PNP spokesperson P/BGen. Randulf Tuaño told', '... Treasury director-general Dr X': titles
    head = head[: len(" ".join(words))] if words else head
    if head[-1:] and head[-1] in _CLOSE_QUOTES + ",":
        if sentence.lstrip()[:1] in _OPEN_QUOTES:
            return True
        quoted = head.rstrip(",").rstrip()  # 'So far, "it's a typical season," Dr. Jhung told CNN'
        if quoted[-1:] in _CLOSE_QUOTES and _OPENING_QUOTE.search(quoted[:-1]):
            return True
    return _DIRECT_AFTER.match(sentence, verb_end) is not None


def _vague_subject(text: str) -> tuple[int, int, str] | None:
    """An unnamed source that ends ``text``: (start, start of its noun, label).

    "global analysts" -> "Unnamed global analysts", "Kremlin officials" -> "Unnamed Kremlin
    officials", "some experts" -> "Unnamed experts", "people familiar with the talks" -> "Unnamed
    sources familiar with the talks".
    """
    match = _VAGUE_NOUN_AT_END.search(text)
    if match is None:
        return None
    qualifiers: list[str] = []
    start = match.start()
    for word_match in reversed(list(re.finditer(r"\S+", text[: match.start()]))):
        word = word_match.group()
        if (
            len(qualifiers) == 3
            or not re.fullmatch(r"[\w.-]+", word)  # punctuation, possessives
            or word.lower() in _STOP_BEFORE_NOUN
            or word in _MONTH_AND_DAY_NAMES
            or word in _NOT_NAMES
            or word.lower() in _TIME_NOUNS  # "Last month officials said"
        ):
            break
        qualifiers.insert(0, word)
        start = word_match.start()
    while qualifiers and qualifiers[0].lower() in _QUANTIFIERS:
        qualifiers.pop(0)
    noun = match.group("noun").lower()
    label = " ".join(["Unnamed", *qualifiers, "sources" if noun == "people" else noun])
    return start, match.start(), label + (match.group("pp") or "")


def _vague_label(phrase: str) -> str | None:
    """The label when all of ``phrase`` is an unnamed source ("reports", "Western analysts")."""
    phrase = phrase.strip()
    found = _vague_subject(phrase)
    if found is None or phrase[: found[0]].strip().lower() not in ("", *_QUANTIFIERS):
        return None
    return found[2]


def _capitalise(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]


def _publisher(phrase: str) -> str | None:
    """"new research from Canada’s York University" -> "York University"; None when it names no publisher."""
    match = _PUBLICATION_OF.search(phrase)
    if match is None:
        return None
    name = match.group("name").rstrip(".,")
    for mark in ("’s ", "'s "):  # "Canada’s York University": the possessive place is not the publisher
        if mark in name:
            name = name.rsplit(mark, 1)[1]
    return name or None


# ------------------------------------------------------------------------------------------------
# Across sentences


_LOOK_BACK = 40  # sentences before a sentence in which a person, organisation or title is looked for


def attribute_all(sentences: Sequence[str]) -> list[Attribution]:
    """``attribute`` for each sentence of an article, in order, with what the sentences around tell.

    On top of ``attribute(sentence, previous)``:

    - a quotation that continues the previous sentence's quoted words, or a named person's reported
      words, with no cue of its own, is the same claimant's, ``direct``;
    - "He"/"She" is the last person named as a claimant before, "It"/"They" the last claimant of any
      kind (so "the report ..., it says" stays with the report's publisher);
    - a publication ("The report", "Friday's report", "their report") is its publisher: the name in
      "report by X" / "study from X" in the sentences around, else the last organisation quoted;
    - a role ("The mayor", "the chief") is the person first introduced with that title
      ("Mayor Antonio Villaraigosa"); "the agency" is the agency named before, else the organisation
      the sentence opens with, else the last organisation quoted; an organisation said again by one
      word is given in full ("The Observatory" -> "Syrian Observatory for Human Rights");
    - "He"/"She" is never a name after a preposition ("in Green Bay", "on Election Day"), and a
      surname alone stands for the full name given before ("Trump" -> "Donald Trump");
    - a sentence with no cue that the next one attributes ("That's according to X") is X's.
    """
    found: list[Attribution] = []
    for index, sentence in enumerate(sentences):
        previous = sentences[max(0, index - _LOOK_BACK) : index]
        current = attribute(sentence, previous)
        if current.kind == "none" and found and _continues_quote(sentence, sentences[index - 1], found[-1]):
            current = Attribution(found[-1].claimant, "direct", found[-1].cue)
        elif current.kind == "none" and index + 1 < len(sentences):
            match = _THAT_IS_ACCORDING.match(sentences[index + 1].lstrip())
            if match is not None:
                source = _publisher(match.group("source")) or _name_at_start(match.group("source"))
                if source:
                    current = Attribution(source, "reported", "according to")
        elif current.kind in ("direct", "reported"):
            current = _in_context(current, sentences, index, found)
        elif current.claimant in ("Unnamed officials", "Unnamed authorities"):
            current = _officials_of(current, sentences, index, found)
        found.append(current)
    return _quoted_ahead(sentences, found)


def _quoted_ahead(sentences: Sequence[str], found: list[Attribution]) -> list[Attribution]:
    """Quoted sentences with no source of their own are the words of whoever opened the quotation ('the WMO
    said: "It is premature.' then 'It is consistent with ...') or, else, of whoever its end names ('“We will
    fight.' then 'We will win,” she said.'). A quotation may go on into the next paragraph, which opens with
    a quotation mark again and leaves the previous one unclosed, as news style does; a sentence outside quotation
    marks with a source of its own is past the quotation."""
    quoted: list[bool] = []  # the sentence is inside a quotation that it does not close
    closes: list[bool] = []
    ends: list[bool] = []  # the sentence ends a quotation opened in a sentence before it
    openers: list[int | None] = []  # the sentence that opened the quotation a sentence is in
    open_before = False
    opener: int | None = None
    for index, sentence in enumerate(sentences):
        if open_before and not any(mark in sentence for mark in "“”\"") and found[index].kind in ("reported", "vague"):
            open_before, opener = False, None  # 'The agency warned that ...': the quotation before ended with its paragraph
        is_open = open_before
        closed = False
        for at, mark in enumerate(sentence):
            if mark not in "“”\"":
                continue
            # a straight quote opens where a word starts after it: at the start, after a space or a bracket
            opening = mark == "“" or (mark == '"' and (at == 0 or sentence[at - 1] in " ([—–-")
                                      and sentence[at + 1 : at + 2].strip() != "")
            if opening:
                if not is_open and not open_before:
                    opener = index
                is_open = True
            elif is_open:
                is_open, closed = False, True
        quoted.append((open_before or sentence.lstrip()[:1] in "“\"") and not closed)
        closes.append(closed)
        ends.append(open_before and closed)
        openers.append(opener if open_before or is_open else None)
        open_before = is_open
    out = [Attribution(a.claimant, "direct", a.cue) if end and a.kind == "reported" and a.claimant else a
           for a, end in zip(found, ends)]  # 'We will win,” said Mayor Ann Cole.': her quoted words
    for index, current in enumerate(found):
        if current.kind != "none" or not (quoted[index] or ends[index]):
            continue
        start = openers[index]
        if start is not None and start < index and out[start].kind == "direct" and out[start].claimant:
            out[index] = Attribution(out[start].claimant, "direct", out[start].cue)
            continue
        end = next((later for later in range(index + 1, min(len(sentences), index + 8)) if closes[later]), None)
        if quoted[index] and end is not None and out[end].kind == "direct" and out[end].claimant:
            out[index] = Attribution(out[end].claimant, "direct", out[end].cue)
    return out


def _officials_of(found: Attribution, sentences: Sequence[str], index: int, earlier: list[Attribution]) -> Attribution:
    """"officials said" just after "Customs and Border Protection (CBP) officials said" are that organisation's."""
    for back in range(1, min(3, index) + 1):
        before = earlier[index - back]
        if before.kind == "reported" and before.claimant and (
            (before.cue or "").startswith(("officials ", "authorities "))  # a third sentence of the same officials
            or re.search(rf"{re.escape(before.claimant)}(?:\s*\([A-Z][\w.&-]*\))?\s+(?:officials|authorities)\b",
                         sentences[index - back])
        ):
            return Attribution(before.claimant, "reported", found.cue)
    return found


def _continues_quote(sentence: str, before: str, attribution: Attribution) -> bool:
    """Whether ``sentence`` is quoted words that go on from ``before``, which has a quotation and a source."""
    text = sentence.strip()
    if attribution.kind not in ("direct", "reported") or not text or text[0] not in _OPEN_QUOTES:
        return False
    # "He said the economy was good." then "“It said we had ...": a person's words go on in a quotation
    return any(mark in before for mark in "“”\"«»") or _looks_like_person(attribution.claimant or "")


def _in_context(found: Attribution, sentences: Sequence[str], index: int, earlier: list[Attribution]) -> Attribution:
    claimant = found.claimant or ""
    lowered = claimant.lower()
    previous = sentences[max(0, index - _LOOK_BACK) : index]  # where a name said again was introduced
    resolved: str | None = None
    if lowered in ("he", "she"):
        resolved = next((a.claimant for a in reversed(earlier[-8:]) if a.kind in ("direct", "reported")
                         and a.claimant and _looks_like_person(a.claimant)), None)
    elif lowered in ("it", "they"):
        resolved = next((a.claimant for a in reversed(earlier[-3:]) if a.kind in ("direct", "reported")
                         and a.claimant and a.claimant.lower() not in _PRONOUNS
                         and not (lowered == "it" and _looks_like_person(a.claimant))), None)
    elif _PUBLICATION_CLAIMANT.match(claimant):
        nearby = [*reversed(sentences[max(0, index - 8) : index + 1]), *sentences[index + 1 : index + 2]]
        noun = claimant.split()[-1].lower()
        resolved = (_data_source(noun, previous[::-1]) if noun in _FIGURES else None) or next(
            (p for p in map(_publisher, nearby) if p), None) or (
            _org_at_start(sentences[index]) if claimant.lower().startswith(("its ", "their ")) else None) or next(
            (a.claimant for a in reversed(earlier) if a.kind in ("direct", "reported") and a.claimant
             and not _looks_like_person(a.claimant) and a.claimant.lower() not in _PRONOUNS), None)
    elif re.fullmatch(r"(?:The|the|Its|its|Their|their)\s+(\w+)", claimant):
        role = claimant.split()[-1]
        if role.lower() in _PERSON_ROLES:
            resolved = _introduced_as(role, previous)
        elif role.lower() in _ORG_NOUNS:  # the agency named before, else the one this sentence opens with
            resolved = _named_org(role, previous) or _org_at_start(sentences[index]) or next(
                (a.claimant for a in reversed(earlier[-3:]) if a.kind in ("direct", "reported") and a.claimant
                 and _is_org(a.claimant)), None)
    elif (owner := re.fullmatch(r"([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)[’']s\s+(\w+)", claimant)) and (
        owner.group(2) in _PERSON_ROLES
    ):  # "NASA's administrator": the administrator named before, else NASA
        resolved = _introduced_as(owner.group(2), previous)
        resolved = resolved or (None if _looks_like_person(owner.group(1)) else owner.group(1))
    elif (spoke := re.fullmatch(r"(?:The|the)\s+(.+?)\s+(\w+)", claimant)) and spoke.group(2) in _SPOKESPEOPLE:
        # "the sheriff's office spokesman": the spokesman named before, else the office he speaks for
        resolved = _introduced_as(spoke.group(2), previous) or "The " + spoke.group(1)
    name = resolved or claimant
    if " " not in name and name.strip(".") in _ORG_WORDS and name.lower() not in _INSTITUTIONS:
        resolved = _named_org(name.strip("."), previous) or resolved  # "The Observatory" -> "Syrian Observatory ..."
    elif " " not in name and name[:1].isupper() and name.lower() not in _PRONOUNS:
        resolved = _full_name(name, previous) or resolved  # "Warren" -> "Lovely Warren"
    if not resolved and re.fullmatch(r"(?:The|the|Its|its|Their|their)\s+(\w+)", claimant) and claimant.split()[-1] in _FIGURES:
        return Attribution("Unnamed " + claimant.split()[-1], "vague", found.cue)  # "The figures show", no source before
    return Attribution(resolved, found.kind, found.cue) if resolved else found


def _data_source(noun: str, previous: Sequence[str]) -> str | None:
    """Whose ``noun`` ("figures") an earlier sentence gave, nearest first: "NHS Digital figures show" -> "NHS Digital"."""
    pattern = re.compile(rf"([A-Z][\w’'.&-]*(?:\s+(?:(?:of|for|and|on)\s+)?[A-Z][\w’'.&-]*)*)\s+{noun}\b")
    for sentence in previous:
        for match in reversed(list(pattern.finditer(sentence))):
            words = [w for w in match.group(1).split() if w not in _NOT_NAMES]
            if words:
                return " ".join(words)
    return None


def _is_org(name: str) -> bool:
    """"Arkansas State Police", "CBP", "U.N.", "Customs and Border Protection"."""
    words = name.split()
    return any(w.strip(".,’'") in _ORG_WORDS or _ACRONYM.fullmatch(w) for w in words) or (
        len(words) >= 3 and any(w in ("and", "of", "for") for w in words[1:-1]))


def _org_at_start(sentence: str) -> str | None:
    """"Arkansas State Police have arrested ..." -> "Arkansas State Police"."""
    name = _name_at_start(sentence.lstrip())
    return name if name is not None and _is_org(name) else None


def _named_org(noun: str, previous: Sequence[str]) -> str | None:
    """The organisation named before with ``noun`` in its name: "the agency" -> "Environmental Protection Agency"."""
    word = noun[:1].upper() + noun[1:].lower()
    pattern = re.compile(
        rf"(?:[A-Z][\w’'.&-]*\s+(?:(?:of|for|and|on)\s+)?)*{word}"
        r"(?:\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w’'.&-]*(?:\s+(?:and\s+)?[A-Z][\w’'.&-]*)*)?"
    )
    for sentence in reversed(previous):
        for match in reversed(list(pattern.finditer(sentence))):
            words = match.group().rstrip(".,").split()
            while words and words[0] in _NOT_NAMES:
                words.pop(0)
            if len(words) >= 2:
                return " ".join(words)
    return None


def _introduced_as(role: str, previous: Sequence[str]) -> str | None:
    """The name first given with the title ``role`` in the nearest sentence that has one ("Mayor Lovely Warren",
    "Gov. Bobby Jindal" for "the governor")."""
    titles = "|".join([rf"\b(?i:{re.escape(role)})", *(re.escape(a) for a in _ROLE_ABBREVIATIONS.get(role.lower(), ()))])
    pattern = re.compile(rf"(?:{titles})\s+((?:[A-Z][\w’'.-]*\s+){{0,3}}[A-Z][\w’'-]*[\w])")
    for sentence in reversed(previous):
        for match in pattern.finditer(sentence):
            name = _strip_titles(match.group(1).split())
            if name[:1].isupper() and _looks_like_person(name):
                return name
    return None


# ------------------------------------------------------------------------------------------------
# Pronouns and surnames


def _resolve(found: Attribution, previous: Sequence[str]) -> Attribution:
    """Replace a pronoun or a bare surname with the name it stands for, when ``previous`` has it."""
    claimant = found.claimant or ""
    if claimant.lower() in _PRONOUNS:
        recent = list(previous)[-8:]
        resolved = _antecedent(recent, persons_only=_PRONOUNS[claimant.lower()] == "person",
                               things_only=claimant.lower() == "it")
    elif " " not in claimant and claimant[:1].isupper():
        resolved = _full_name(claimant, list(previous)[-40:])
    else:
        resolved = None
    return Attribution(resolved, found.kind, found.cue) if resolved else found


def _antecedent(recent: list[str], persons_only: bool, things_only: bool = False) -> str | None:
    """The source or person the nearest earlier sentence names ("it": never a person)."""
    for sentence in reversed(recent):
        found = attribute(sentence)  # without ``previous``: one level only
        claimant = found.claimant
        if claimant and found.kind in ("direct", "reported") and claimant.lower() not in _PRONOUNS:
            if " " not in claimant:
                claimant = _full_name(claimant, recent) or claimant
            if things_only and _looks_like_person(claimant):
                continue
            if not persons_only or _could_be_person(claimant):
                return claimant
        names = [] if things_only else _people_named(sentence, recent)
        if names:
            return names[0]
    return None


_CAPITALISED_RUN = re.compile(
    r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|(?:de|van|von|bin|al)\b))*\s+[A-Z][\w’'.-]*"
)


_PLACE_BEFORE = re.compile(rf"\b(?i:{_alternation(_PREPOSITIONS)})\s+(?:the\s+)?$")


_SURNAME = re.compile(r"(?<![\w’'.-])[A-Z][a-z][\w’'-]*\b(?![’']s\b|\s+[A-Z])")


def _people_named(sentence: str, recent: Sequence[str]) -> list[str]:
    """The people ``sentence`` names, in order: full names, and surnames alone that ``recent`` gives in full
    ("At the rally in Green Bay, Trump continued" -> "Donald Trump")."""
    found = [(sentence.find(name), name) for name in _person_names(sentence)]
    for match in _SURNAME.finditer(sentence):
        if match.group() not in _NOT_NAMES and not _PLACE_BEFORE.search(sentence, 0, match.start()):
            name = _full_name(match.group(), recent)
            if name is not None:
                found.append((match.start(), name))
    return [name for _, name in sorted(found)]


def _person_names(sentence: str) -> list[str]:
    """Capitalised runs that look like a person's name, titles removed, in order."""
    names = []
    for match in _CAPITALISED_RUN.finditer(sentence):
        if _PLACE_BEFORE.search(sentence, 0, match.start()) and not _is_title(match.group().split()[0]):
            continue  # "the rally in Green Bay", "on Election Day": a place or a time, no person
        words = [w.rstrip(",;:") for w in match.group().split() if w not in _NOT_NAMES]
        if words and len(words[-1]) > 3:
            words[-1] = words[-1].rstrip(".")  # the sentence's period, not "Jr." or an initial
        if words and words[-1].endswith(("’s", "'s")):
            words[-1] = words[-1][:-2]  # "Mayor Anthony Silva’s announcement"
        name = _strip_titles(words)
        if _looks_like_person(name):
            names.append(name)
    return names


def _looks_like_person(name: str) -> bool:
    words = name.split()
    return (
        len(words) >= 2
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
        and not any(w.strip(".,’'") in _ORG_WORDS or w.endswith(("’s", "'s")) or re.fullmatch(r"[A-Z]{2,}", w)
                    or w == "and" for w in words)
    )


def _could_be_person(claimant: str) -> bool:
    """A full name, a person's role ("The minister"), or a surname that is not a government."""
    if " " not in claimant:
        return claimant.strip(".") not in _ORG_WORDS | _GOVERNMENTS
    return _looks_like_person(claimant) or claimant.split()[-1].lower() in _PERSON_ROLES


def _full_name(surname: str, previous: Sequence[str]) -> str | None:
    """"Shugayev" -> "Dmitry Shugayev" when a sentence before names him in full."""
    for sentence in reversed(previous):
        for name in _person_names(sentence):
            if name.split()[-1] == surname:
                return name
    return None
