"""Who a sentence of news text says a claim comes from.

Rule-based and pure: regular expressions over one sentence (plus, for pronouns and bare surnames,
the sentences before it). No models, no I/O. ``words`` holds the vocabulary and patterns, ``names``
reads names and titles, ``sentence`` attributes one sentence, ``context`` a whole article.

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

from .context import attribute_all
from .sentence import Attribution, attribute

__all__ = ["Attribution", "attribute", "attribute_all"]
