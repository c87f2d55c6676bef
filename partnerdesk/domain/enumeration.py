"""Lists of names in a sentence: "A, B et C" / "A, B and C", and several organisations at once.

    join_words(["A", "B", "C"], "et")        # "A, B et C"
    english_count_words(3)                   # "three"
    partners = OrgList((OrgName("Association Les Amis"), OrgName("Café des Familles")))
    partners.subject()     # "L’Association Les Amis et le Café des Familles"
    partners.de()          # "de l’Association Les Amis et du Café des Familles"
    partners.agree("représenté", "représentée")   # "représentés"

`OrgList` answers what `grammar.place_names` asks of an `OrgName`, so a field standing for every
partner takes its forms by context as a single name does.
"""

from __future__ import annotations

from dataclasses import dataclass

from partnerdesk.domain.grammar import OrgName

_ENGLISH_UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                  "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
                  "twenty")


def join_words(items: list[str] | tuple[str, ...], conjunction: str) -> str:
    """"A", "A et B", "A, B et C" (no comma before the conjunction, in French as in British English)."""
    items = [i for i in items if i]
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def english_count_words(n: int) -> str:
    """0–20 in English words ("three"), larger numbers in figures."""
    return _ENGLISH_UNITS[n] if 0 <= n <= 20 else str(n)


@dataclass(frozen=True)
class OrgList:
    """Several organisations named together, each with its own article: "l’Association Les Amis, la
    Mairie de Saint-Aubin et le Café des Familles". A preposition that contracts is repeated before
    each name ("de l’…, de la … et du …"), as French writes it."""

    names: tuple[OrgName, ...]

    @property
    def name(self) -> str:
        """What `place_names` checks before placing a form: blank when no partner has a name."""
        return join_words([n.name.strip() for n in self.names], "et")

    def _join(self, forms: list[str]) -> str:
        return join_words(forms, "et")

    def _named(self) -> list[OrgName]:
        return [n for n in self.names if n.name.strip()]

    def bare(self) -> str:
        return self._join([n.bare() for n in self._named()])

    def subject(self) -> str:
        text = self.bare()
        return text[:1].upper() + text[1:]

    def de(self) -> str:
        return self._join([n.de() for n in self._named()])

    def a(self) -> str:
        return self._join([n.a() for n in self._named()])

    def with_(self, preposition: str) -> str:
        return f"{preposition} {self.bare()}"

    @property
    def plural(self) -> bool:
        named = self._named()
        return len(named) > 1 or any(n.plural for n in named)

    @property
    def feminine(self) -> bool:
        """Feminine only when every organisation is (French agreement of a mixed list is masculine)."""
        named = self._named()
        return bool(named) and all(n.feminine for n in named)

    def agree(self, masculine: str, feminine: str) -> str:
        word = feminine if self.feminine else masculine
        return word + "s" if self.plural and not word.endswith("s") else word
