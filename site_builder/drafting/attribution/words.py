"""The words and patterns the attribution rules read: speech verbs, titles, unnamed sources, organisations,
quotation marks. Data only, no rules."""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _alternation(words: frozenset[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


# Verbs that attribute a statement to their subject, in the forms news text uses.
SPEECH_VERBS = _words(
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
BARE_SPEECH_VERBS = _words("added adds")
BARE_SPEECH_AFTER = re.compile(r"\s*(?:that\b|in a statement\b|on \w+day\b|[,:;.!?”\"’]|$)")
# A source's figures and papers: "Census Bureau data", "daily situation briefings".
FIGURE_NOUNS = "data|figures|statistics|records|briefings|estimates|tables|numbers|filings|documents"
# Verbs that attribute only for a source of figures: "the data show", "a poll showed", not "Construction showed".
SHOW_VERBS = _words("show shows showed")
FIGURES_SUBJECT = re.compile(
    rf"\b(?:{FIGURE_NOUNS}|tallies|report|study|survey|poll|analysis|research|results|findings|modell?ing|"
    r"projections)\b", re.IGNORECASE
)
# A participle after the main clause: "Mayor X spoke on Monday, telling reporters that ..."
PARTICIPLE = re.compile(
    r"(?:,|\b(?:released|issued|put out|posted) (?:a|an) (?:\w+ )?(?:statement|release))\s+(?P<verb>telling|saying|"
    r"adding|noting|warning|arguing|insisting|claiming|explaining|stressing|declaring|acknowledging|admitting|"
    r"stating)\b"
)  # also "X released a statement saying ..."
# Words allowed between a subject and its verb: "has", "have also", "privately", "on Monday".
BETWEEN = (
    r"(?:(?:has|have|had|also|previously|again|later|earlier|repeatedly|once|then|recently|"
    r"privately|publicly|openly|further|already|long|now|lately|since|first|in turn|"
    r"on (?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)|[a-z]+ed and)\s+)*"  # "he returned and explained that"
)
VERB = re.compile(
    rf"\b{BETWEEN}(?P<verb>{_alternation(SPEECH_VERBS)}|points? out|pointed out|points? to|pointed to|"
    r"(?:is|are|was|were) (?:saying|citing|claiming|arguing|warning|reporting)|"  # "scientists are saying"
    r"(?:found|finds|find)(?=\s+that\b))\b"
)
INVERTED_VERBS = (r"said|says|added|adds|told|wrote|argued|noted|explained|insisted|warned|declared|stated|"
                   r"replied|read")  # '"...," read the commission's reply'
INVERTED = re.compile(rf"(?:[,!?][”\"’']?|[”\"’'])\s+(?P<verb>{INVERTED_VERBS})\s+(?P<who>.+)")
INVERTED_BEFORE = re.compile(r"(?:[,!?][”\"’']?|[”\"’'])\s+$")
# "told" is no inversion: in "..., told the Times" the name after it is the listener.
INVERTED_AFTER = re.compile(rf"(?!told\b)(?:{INVERTED_VERBS})\s+(?:the\s+(?=[A-Z]))?(?P<who>.+)")
ACCORDING = re.compile(
    r"\b[Aa]ccording to\s+(?P<source>[^,;:!?()“”\"]+?)(?=[,;:!?()“”\"]|\.?\s*$)"
)
IT_IS = re.compile(
    r"(?<!\bwho )(?<!\bwhich )(?<!\bthat )\b(?:is|are|was|were) (?:widely |generally |also )?"
    r"(?:said|believed|thought|reported|understood|rumou?red) to\b|"  # "Toyota was said to be", not "who were thought"
    r"\b[Ii]t (?:is|was|has been|had been) (?:widely |generally |also |now )?"
    r"(?:believed|reported|said|understood|thought|claimed|alleged|rumou?red|expected|estimated|"
    r"feared|known)\b"
)
REPORTEDLY = re.compile(
    r"\b(?P<cue>reportedly|allegedly|purportedly|reputedly|rumou?red)\b|"
    r"\b(?:[Aa]n?|[Tt]he) (?P<adj>reported)\b"
)

# Nouns for unnamed sources: "Analysts suggest", "one trader said", "people familiar with ...".
VAGUE_NOUNS = _words(
    """reports sources analysts experts observers officials critics insiders diplomats
    commentators witnesses residents economists scientists researchers investigators mediators
    negotiators lawmakers legislators activists campaigners protesters scholars historians bankers
    investors traders firms companies groups people source analyst expert observer official
    critic insider diplomat trader commentator witness resident economist investor banker
    authorities administrators members managers employees workers figures data statistics estimates"""
)
# Before the noun: "some analysts", "one trader", "the officials" (dropped from the label).
QUANTIFIERS = _words(
    "some many several most other others certain unnamed anonymous a an one the few numerous"
)
VAGUE_NOUN_AT_END = re.compile(
    rf"(?<![\w’'-])(?P<noun>{_alternation(VAGUE_NOUNS)})"
    rf"(?P<pp>\s+(?:in|at|from|inside|close to|familiar with)\s+[^,;:“”\"]+?)?$",
    re.IGNORECASE,
)
# "the researchers" are a study's authors, named or not: reported, the study's publisher when it is known.
AUTHORS = _words("researchers scientists investigators")
FIGURES = _words("figures data statistics estimates")  # "the figures show": the figures of a source named before
TIME_NOUNS = _words("day week weekend month year morning afternoon evening night")
MONTH_AND_DAY_NAMES = _words(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday"""
)
SOME = _words("Some Many Others")
PREPOSITIONS = _words(
    "by of to for from with at in on into among about than across between against over under via"
)
PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "any"}
OBJECT_PRONOUNS = {"him": "He", "her": "She", "them": "They"}
STOP_BEFORE_NOUN = PREPOSITIONS | _words(
    """the this that these those and or but as when while if than then also said says told
    is are was were has have had be been its their his her our"""
)
# Capitalised words that start a sentence or clause and are not names.
NOT_NAMES = _words(
    """The This That These Those A An In On At For From By With But And Or So Yet However
    Meanwhile Still Also After Before When While If As Although Though Despite According During
    Since Because Once Then Thus Moreover Indeed Its Their His Her Our My Your We I You There Here
    Some Many Several Most Both All Each No Not Nobody One Two Three What Why How Who Which Where
    Asked Speaking Earlier Later Today Yesterday Even Only Just Instead Now Perhaps Overall Rather
    Nearly Almost About Around Last Next Among Amid Four Five Six Seven Eight Nine Ten Eleven Twelve Fifteen
    Twenty Thirty Fifty Nineteen Hundreds Thousands Dozens Millions"""
)
# Titles removed from the front of a person's name ("Prime Minister Narendra Modi").
TITLES = _words(
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
HONORIFICS = _words(
    """President Minister Premier Chancellor Governor Gov. Senator Sen. Rep. Mr. Mrs. Ms. Dr. Prof.
    Professor Mayor Judge King Queen Pope Rev. Adm. Col. Capt. Lt. Sgt. Gen. Dr Mr Mrs Ms Cllr Prof"""
)
# Words that make a capitalised phrase an organisation or a place, not a person.
ORG_WORDS = _words(
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
GOVERNMENTS = _words(
    """Moscow Russia Kremlin India Delhi Washington America Beijing China Kyiv Kiev Ukraine
    Islamabad Pakistan Tehran Iran London Britain Paris France Berlin Germany Brussels Tokyo Japan
    Ankara Turkey Jerusalem Israel Riyadh Minsk Belarus Pyongyang Seoul Canberra Ottawa Canada"""
)
# A lowercase subject that names a source: "the statistics office said", "Its leader said".
ROLE_NOUNS = _words(
    """spokesman spokeswoman spokesperson minister ministry official leader president chief
    director government agency office department police army military court company bank embassy
    union group committee commission council regulator prosecutor prosecutors statement report
    study survey secretary ambassador governor mayor district board university hospital administration
    campaign state city county poll findings results administrator commissioner manager sheriff authority"""
)
# A named organisation's people or papers: "Customs and Border Protection (CBP) officials", "Census Bureau data".
ORG_GROUP = re.compile(
    r"(?P<org>[A-Z][\w’'.&-]*(?:\s+(?:(?:of|for|and|on|de)\s+)?[A-Z][\w’'.&-]*)*)(?:\s*\([A-Z][\w.&-]*\))?\s+"
    r"(?:officials|spokespeople|representatives|administrators|executives|researchers|scientists|"
    rf"(?:[a-z][\w-]*\s+){{0,3}}(?P<data>{FIGURE_NOUNS}))$"
)
# A lowercase organisation named again: "the agency" is the "Environmental Protection Agency" named before.
ORG_NOUNS = _words("agency department ministry bureau commission committee council board university hospital authority")
SPOKESPEOPLE = _words("spokesman spokeswoman spokesperson")
PERSON_ROLES = _words(
    """spokesman spokeswoman spokesperson minister official leader president chief director
    prosecutor secretary ambassador governor mayor administrator commissioner manager sheriff"""
)
ROLE_SUBJECT = re.compile(
    rf"(?:^|(?<=[\s,;(]))((?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|(?:[A-Z][\w.]*\s+){{0,3}}[A-Z]\w+[’']s)\s+"
    rf"(?:[\w’'.-]+\s+){{0,4}}?(?:{_alternation(ROLE_NOUNS)})(?:\s+of\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)?|"
    rf"(?:[Aa]n?|[Oo]ne)\s+(?:new\s+|recent\s+|separate\s+|major\s+)?(?:report|study|survey|poll))$"
)
# Titles written short before a name: "Gov. Bobby Jindal" introduces "the governor".
ROLE_ABBREVIATIONS = {"governor": ("Gov.",), "senator": ("Sen.",), "representative": ("Rep.",),
                       "general": ("Gen.",), "professor": ("Prof.",), "president": ("Pres.",)}
# "In the U.S. Conference of Mayors report, ..." names its source before the comma.
IN_REPORT = re.compile(
    r"^(?:In|From)\s+(?:the|a|its|their)\s+(?P<source>[A-Z][^,;]*?)\s+(?:report|study|survey|analysis),"
)
NAME_TOKEN = re.compile(r"[A-Z][\w’'.&-]*$")
INITIALS = re.compile(r"(?:[A-Z]\.)+")
ACRONYM = re.compile(r"[A-Z]{2,}|(?:[A-Z]\.){2,}")  # "CBP", "U.N."
# US states as news style writes them after a city ("Aurora, Colo."): a place, never a source.
STATE_ABBREVIATIONS = _words(
    """Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md. Mass. Mich. Minn. Miss.
    Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C. S.D. Tenn. Vt. Va. Wash.
    W.Va. Wis. Wyo."""
)
# A country's officials are unnamed ones ("U.S. officials said"); an organisation's are the organisation.
COUNTRY_ACRONYMS = _words("U.S. US U.K. UK UAE U.A.E. USA U.S.A. EU E.U. PRC DPRK ROK")
CONNECTORS = _words("of for and de van von der da di bin al la le du del dos ibn")
PARTIES = _words("Republican Democratic Democrat Labour Labor Conservative Liberal Independent GOP DFL")
OPEN_QUOTES = "“\"‘'«"
CLOSE_QUOTES = "”\"’'»"
# After the verb: 'said: "', 'told reporters, "', 'said "' or 'said that "'.
DIRECT_AFTER = re.compile(
    rf"\s*(?:[\w’'-]+(?:\s+|(?=[:,]))){{0,3}}?[:,]\s*[{OPEN_QUOTES}]|"
    r"\s*(?:(?:reporters|journalists|the press|the media|the crowd|an audience|supporters|lawmakers|him|her|"
    r"them|us|me)\s+)?(?:that\s+)?[“\"«]"
)
# Institutions named by a lowercase noun after a place: "Detroit police said", "police said".
INSTITUTIONS = _words("police prosecutors firefighters")
# "new research from Canada’s York University", "three studies released Wednesday from the Global Carbon Project"
PUBLICATION_OF = re.compile(
    r"\b(?:research|stud(?:y|ies)|reports?|surveys?|analys[ie]s|polls?|modell?ing|projections?|forecasts?)\b"
    r",?(?:\s+(?:released|published|issued|compiled|conducted|led|commissioned)(?:\s+\w+day)?)?"
    r"\s+(?:by|from)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w’'.&-]*(?:\s+(?:(?:of|for|and|on|de)\s+)?[A-Z][\w’'.&-]*)*)"
)
# A claimant that is a publication, to be resolved to its publisher: "The report", "Friday's report".
PUBLICATION_CLAIMANT = re.compile(
    r"^(?:(?:the|a|an|one|this|that|its|their|[\w’']+[’']s)\s+)?(?:new\s+|latest\s+|annual\s+|major\s+)?"
    r"(?:police\s+|news\s+|agency\s+|department\s+)?"  # "the police statement": the police's
    r"(?:report|study|survey|analysis|research|data|figures|statistics|poll|findings|results|researchers|"
    r"scientists|investigators|statement|release|website)$",
    re.IGNORECASE,
)
# A source's data: "figures from the agency", "preliminary government data obtained by CBS News".
DATA_NOUNS = "data|figures?|numbers|statistics|records|estimates?|tallies|documents"
DATA_PARTICIPLES = "obtained|released|compiled|published|provided|reviewed"
DATA_FROM = re.compile(
    rf"^(?:[\w-]+\s+){{0,3}}?(?:{DATA_NOUNS})\s+(?:(?:{DATA_PARTICIPLES})\s+)?(?:from|by|of)\s+(?P<source>.+)$"
)
DATA_BY = re.compile(
    rf"\b(?:{DATA_NOUNS})\s+(?:{DATA_PARTICIPLES})\s+by\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w.&-]*(?:\s+(?:(?:of|for|and|on)\s+)?[A-Z][\w.&-]*)*)"
    r"(?:\s*\([A-Z][\w.&-]*\))?(?:\s+(?:on\s+)?\w+day|\s+last\s+(?:week|month))?$"  # "(CSO) on Wednesday"
)
EARLIER_REPORTING = re.compile(r"\b(?:previous|earlier|prior) reporting\b|\b(?:previously|earlier) reported\b")
# A name in a source described in words: capitalised words, "of"/"for"/"and" between them, a possessive at the end.
NAME_IN = re.compile(r"[A-Z][\w.&-]*(?:\s+(?:(?:of|for|and|on)\s+)?[A-Z][\w.&-]*)*(?:[’']s\b)?")
# A lowercase organisation's paper: "the education ministry’s reply" is the ministry's.
OWNED_PAPER = re.compile(
    r"(?P<owner>(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}(?:ministry|department|agency|office|commission|council|board|"
    r"authority|government|court|police))[’']s\s+(?:\w+\s+)?(?:reply|response|statement|letter|report|figures|data|"
    r"estimates?|website|submission|records|filing|analysis)"
)
# What may follow a speech verb that ends its sentence: "..., Sheikh Ahmed said in a statement on Thursday."
FINAL_SOURCE = re.compile(
    r"(?:\s+(?:in a statement|in an interview|on \w+day|last week|this week|yesterday|today|on Thursday|"
    r"reporters|journalists|the \w+|[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*))*\s*[.!]?[”\"’]?\s*$"
)
QUOTED_AS_SAYING = re.compile(r"\bquoted\s+(?P<who>[A-Z][^,]*?)(?:,[^,]+,)?\s+as\s+saying\b")
# An organisation's unnamed spokesperson, or its officials: "an INMO spokesperson", "A spokesperson from SRHD",
# "Officials at the State Water Resources Control Board".
ORG_NAME = r"(?P<org>[A-Z][\w’'.&-]*(?:\s+(?:(?:of|for|and|on)\s+)?[A-Z][\w’'.&-]*)*)"
ORG_SPOKESPERSON = re.compile(
    rf"(?:^|(?<=\s))(?:[Aa]n?|[Tt]he)\s+(?:{ORG_NAME}\s+(?:{_alternation(SPOKESPEOPLE)})|"
    rf"(?:{_alternation(SPOKESPEOPLE)})\s+(?:from|for|of|at)\s+(?:the\s+)?{ORG_NAME.replace('org', 'org2')})$"
)
OFFICIALS_AT = re.compile(
    rf"(?:^|(?<=\s))(?:[Oo]fficials|[Ss]pokespeople|[Rr]epresentatives|[Aa]dministrators|[Rr]esearchers|[Ss]cientists)"
    rf"\s+(?:at|from|of|with)\s+(?:the\s+)?{ORG_NAME}$"
)
FRONTED_CLAUSE = re.compile(
    r"\s*(?:After|Before|While|Although|Though|Since|Because|When|Whereas|Even though|As)\b[^,]*,"
)
# Descriptive words before a name after an inverted verb: '..." said regional military spokesman Colonel X'
DESCRIBED = re.compile(
    rf"(?:[a-z][\w’'-]*\s+){{0,4}}?(?:{_alternation(SPOKESPEOPLE)}|official|director|chief|minister|secretary|head|"
    r"leader|president|commander|analyst|economist|professor|manager|officer|governor|mayor|superintendent)\s+(?=[A-Z])"
)
CLAUSE_VERBS = _words("was were is are has have had will would who whom which that said says told")
GLUED_QUOTE = re.compile(r"([,.!?][”\"])(?=[A-Za-z])")
# A quotation opened in the text before a source: 'So far, "it's a typical season," Dr. Jhung told CNN.'
OPENING_QUOTE = re.compile(r"(?:^|[\s(])[“\"«]")
# A source that is a speech verb's subject only in a relative clause: "a man they say committed ...", "a lull the
# administration has attributed to ...": the verb is followed by another verb, or by "to" instead of its object.
CLAUSE_WORDS = _words(
    """and but or nor so then because as when while after before since although though if yet now also where
    whereas once until unless ago today yesterday tonight that"""
)
GAP_AFTER = re.compile(r"\s+(?:(?:was|were|is|are|had|has|have|would|will|could|did|\w+ed)\s|to\s)")
# "Police in Hot Springs, Arkansas, said": the place's police.
INSTITUTION_IN = re.compile(
    r"(?:^|(?<=[\s(—–-]))(?P<institution>[Pp]olice|[Pp]rosecutors|[Ff]irefighters)\s+in\s+"
    r"(?P<place>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?,?$"
)
# What a news organisation is called after its name: "The Sichuan Daily newspaper", "the Xinhua news agency".
MEDIA_KINDS = _words(
    "newspaper paper daily weekly magazine website broadcaster network channel tabloid outlet agency news"
)
THAT_IS_ACCORDING = re.compile(r"^(?:That|This)(?:'s|’s| is| was)\s+according to\s+(?P<source>[^;:!?()“”\"]+)")

# Two or more capitalised words, "de", "van", ... between them: a name, maybe with its titles.
CAPITALISED_RUN = re.compile(
    r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|(?:de|van|von|bin|al)\b))*\s+[A-Z][\w’'.-]*"
)

# A preposition just before a capitalised word: "in Green Bay", "on Election Day" name no person.
PLACE_BEFORE = re.compile(rf"\b(?i:{_alternation(PREPOSITIONS)})\s+(?:the\s+)?$")

# A capitalised word alone (not possessive, not followed by another): a surname said again, perhaps.
SURNAME = re.compile(r"(?<![\w’'.-])[A-Z][a-z][\w’'-]*\b(?![’']s\b|\s+[A-Z])")
