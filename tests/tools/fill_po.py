"""Fill msgstr of a .po file from a {msgid: msgstr} dict in a python file. Usage: fill_po.py PO DICT.py"""
import sys, runpy
from babel.messages.pofile import read_po, write_po
po, dpath = sys.argv[1], sys.argv[2]
mapping = runpy.run_path(dpath)["T"]
with open(po, "rb") as f:
    cat = read_po(f, locale="fr")
missing = []
for m in cat:
    if not m.id: continue
    if m.id in mapping:
        m.string = mapping[m.id]
    elif not m.string:
        missing.append(m.id)
with open(po, "wb") as f:
    write_po(f, cat, width=100, omit_header=False, sort_output=False)
print("still missing:", missing)
