"""An organisation's name placed in a French sentence by its context: "de {epn}" -> "de l’Espace…",
"à {x}" -> "au Collège…", "avec {x}" -> "avec l’Association…", a sentence that starts with it ->
"L’Espace…".

    place_names("Le rôle de {x}.", {"x": OrgName("Café des Familles")})       # "Le rôle du Café des Familles."
    place_names_in_runs(["Le rôle de ", "{x}", "."], {"x": ...})   # ["Le rôle ", "du Café des Familles", "."]

A rich text paragraph is cut into runs at each change of style (a name in bold): the context of a
field is what comes before it in the paragraph, and a contracted form ("du", "des") takes the
preposition from the run before (`place_names_in_runs`).

A name holding braces (« Club {Code} ») is placed before the other fields of the text are filled:
`guarded(forms)` places it with its braces set apart, `unguarded(text)` gives them back after.

`forms` map a field name to an `OrgName` (or an `OrgList`): anything with `name`, `bare()`,
`subject()`, `de()` and `a()`. Plain Python, no import of the project (grammar re-exports these).
"""

from __future__ import annotations

import dataclasses
import re

_BEFORE = re.compile(r"(?:(?P<de>\b[Dd]e |\b[Dd][’'])|(?P<a>\b[àÀ] )|(?P<with>\b(?:avec|pour|par|entre|et|chez"
                     r"|envers|sur|vers|contre|sans) )|(?P<start>^\s*|(?<!\bcf)[.!?]\s+|\n\s*))$")


def _pattern(forms: dict, fields: re.Pattern | None) -> re.Pattern | None:
    if fields is not None:
        return fields
    if not forms:
        return None
    return re.compile(r"\{(" + "|".join(re.escape(k) for k in forms) + r")\}")


def _place(text: str, forms: dict, fields: re.Pattern | None, preceding: str = "") -> tuple[str, int]:
    """`text` with its name fields placed, and how many characters of `preceding` (the text before
    it in the paragraph) the first field took as its preposition ("de " before "du Café")."""
    fields = _pattern(forms, fields)
    if fields is None:
        return text, 0
    out, last, trim = [], 0, 0
    for match in fields.finditer(text):
        form = forms.get(match.group(1))
        if form is None or not form.name.strip():
            continue
        before = text[last:match.start()]
        context = _BEFORE.search(preceding + text[:match.start()])
        preposition = context and (context.group("de") or context.group("a"))
        if preposition:
            capital = preposition[0] in "DÀ"
            if len(before) >= len(preposition):
                before = before[:len(before) - len(preposition)]
            else:  # the preposition ends the run before: it goes with the name ("du" replaces "de")
                trim, before = len(preposition) - len(before), ""
            value = form.de() if context.group("de") else form.a()
            value = value[:1].upper() + value[1:] if capital else value
        elif context and context.group("with"):
            value = form.bare()
        elif context and context.group("start") is not None:
            value = form.subject()
        else:
            value = form.bare()
        out.append(before + value)
        last = match.end()
    out.append(text[last:])
    return "".join(out), trim


def place_names(text: str, forms: dict, fields: re.Pattern | None = None) -> str:
    """Replace each {field} naming an organisation by the form its context asks for. `forms`:
    field name -> OrgName; `fields`: the pattern of the fields (group 1: the name), by default the
    keys of `forms`. Other fields are left."""
    return _place(text, forms, fields)[0]


def place_names_in_runs(runs: list[str], forms: dict, fields: re.Pattern | None = None) -> list[str]:
    """`place_names` over the runs of one paragraph: each field's context is the paragraph before
    it; a preposition that ends a run before the field is moved into the field's run."""
    out: list[str] = []
    for text in runs:
        placed, trim = _place(text, forms, fields, "".join(out))
        i = len(out) - 1
        while trim > 0 and i >= 0:
            cut = min(trim, len(out[i]))
            out[i] = out[i][:len(out[i]) - cut]
            trim, i = trim - cut, i - 1
        out.append(placed)
    return out


_GUARD = str.maketrans({"{": "\ue000", "}": "\ue001"})
_UNGUARD = str.maketrans({"\ue000": "{", "\ue001": "}"})


def _guarded(form):
    if hasattr(form, "names"):  # an OrgList
        return dataclasses.replace(form, names=tuple(_guarded(n) for n in form.names))
    if "{" in form.name or "}" in form.name:
        return dataclasses.replace(form, name=form.name.translate(_GUARD))
    return form


def guarded(forms: dict) -> dict:
    """`forms` whose names' braces are set apart, so that filling the other fields after placing the
    names does not take « {Code} » in « Club {Code} » for a field."""
    return {key: _guarded(form) for key, form in forms.items()}


def unguarded(text: str) -> str:
    """The braces of the names placed with `guarded` forms, given back."""
    return text.translate(_UNGUARD)
