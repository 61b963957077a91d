"""A call as the local extractor reads it: its sentences, each with who said it (the rep or the
customer) and in which turn, without the sentences aimed at a model; and what the rep asked that
a customer's turn answers. Shared by the field readers (core.identity, core.location,
core.products, core.money, core.contact, core.agreement), with `FRAGMENT` (a clause, not a noun
phrase) used by several of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.normalize import fold, instruction_sentences, split_sentences
from core.places import Gazetteer
from core.roles import turns
from models.call import SpeakerRole, Transcript


@dataclass(frozen=True)
class Said:
    """One sentence of the call, with who said it and where."""

    text: str
    role: SpeakerRole
    turn: int


CORRECTION = re.compile(r"\b(?:actually|sorry|correction|i mean|make it|let'?s say|no,|rather|"
                        r"instead|mejor dicho|perdon|en realidad|digamos|corrijo|o sea|"
                        r"quiero decir|na verdade|quer dizer)\b")
# a clause, not a noun phrase: a verb or a pronoun in it (not a product, a name or a company)
FRAGMENT = re.compile(r"\b(?:is|are|was|were|be|been|being|have|has|had|do|does|did|will|would|can|"
                      r"could|should|we|i|they|he|she|you|it|es|son|fue|tenemos|tiene|hemos|"
                      r"somos|estamos|nosotros|yo|ellos|puede|podemos|vamos|usamos|utilizamos|"
                      r"manejamos|tenemos|usan|usaban|use|used|using)\b")
MACHINE_ADDRESSED = re.compile(
    r"\b(?:whatever|whoever|any|the|a|an|some|if)\s+(?:\w+\s+){0,2}(?:robot|bot|ai|assistant|model|"
    r"machine|computer|software|system|transcri\w*|program|algorithm|recorder|note ?taker)s?\s+"
    r"(?:that\s+|which\s+)?(?:is|are|'s)\s+(?:listening|reading|recording|transcribing|taking "
    r"notes|processing|writing)\b|\b(?:inteligencia artificial|asistente|robot|sistema|programa|"
    r"maquina)\s+(?:\w+\s+)?(?:que\s+)?(?:(?:esta|este|estan)\s+)?(?:escuchando|leyendo|grabando|"
    r"transcribiendo)\b")


@dataclass
class CallContext:
    """The sentences of one call, its language, the gazetteer, and the rep's names and companies
    (folded), which no customer field may hold."""

    said: list[Said]
    lang: str
    gaz: Gazetteer
    rep_names: set[str]
    rep_companies: set[str]

    @property
    def customer(self) -> list[Said]:
        return [s for s in self.said if s.role == "customer"]

    @property
    def rep(self) -> list[Said]:
        return [s for s in self.said if s.role == "rep"]

    def reply_to(self, s: Said) -> Said | None:
        """The customer's first sentence in the turn right after this sentence's (the answer to
        it), or None when the next turn is not the customer's."""
        after = next((c for c in self.customer if c.turn > s.turn), None)
        return after if after is not None and after.turn == s.turn + 1 else None

    def previous_rep(self, s: Said) -> str:
        """The last rep sentence before this sentence's turn (what the customer answers)."""
        before = [x.text for x in self.said if x.role == "rep" and x.turn < s.turn]
        return before[-1] if before else ""


def sentences(transcript: Transcript) -> list[Said]:
    """The call's sentences, without those aimed at a model: the ones core.normalize finds, and
    any that speaks to a machine listening in, whatever verb the recogniser heard after it."""
    out: list[Said] = []
    for i, turn in enumerate(turns(transcript)):
        sentences = split_sentences(turn.text)
        for sentence, instruction in zip(sentences, instruction_sentences(sentences),
                                         strict=True):
            if not instruction and not aimed_at_model(sentence):
                out.append(Said(sentence, turn.role, i))
    return out


def aimed_at_model(sentence: str) -> bool:
    """Speaks to a machine listening in ("if a computer is listening, ..."), whatever verb the
    recogniser heard after it. Dropped by both extractors (here and core.prompts)."""
    return bool(MACHINE_ADDRESSED.search(fold(sentence)))


def answers_to(ctx: CallContext, question: re.Pattern[str]) -> list[Said]:
    """The customer's sentences in the turn right after a rep sentence asking `question`."""
    for r in ctx.rep:
        answer = ctx.reply_to(r) if question.search(fold(r.text)) else None
        if answer is not None:
            return [c for c in ctx.customer if c.turn == answer.turn]
    return []
