"""import FILE, export-all -o FILE.zip, import-all FILE.zip."""

from __future__ import annotations

from pathlib import Path

from partnerdesk.cli.common import CommandError, opened, run
from partnerdesk.domain.dataio import TARGETS
from partnerdesk.i18n import _, ngettext

# services.exports.files.KINDS (tests/core/test_import_guard.py checks), named here so that
# building the parser does not import the export services.
LISTS = ("agenda", "organisations", "people")


def register(sub) -> None:
    p = sub.add_parser("import", help="import contacts from a CSV, LibreOffice (.ods) or vCard file (one transaction)")
    p.add_argument("file", type=Path, nargs="?")
    p.add_argument("--skip-matches", action="store_true",
                   help="skip the rows that match an existing card instead of merging them")
    p.add_argument("--dry-run", action="store_true", help="show the review, write nothing")
    p.add_argument("--undo", action="store_true", help="undo the latest import")
    p.add_argument("--encoding", help="the file's encoding, when PartnerDesk cannot tell (e.g. cp1250)")
    p.set_defaults(func=cmd_import)
    p = sub.add_parser("export-all", help="write every table, photo and proof to one .zip archive")
    p.add_argument("-o", "--output", type=Path, required=True)
    p.set_defaults(func=cmd_export_all)
    p = sub.add_parser("export-list", help="organisations or people to .csv/.ods/.vcf, or the agenda to .ics")
    p.add_argument("what", choices=LISTS)
    p.add_argument("-o", "--output", type=Path, required=True, help="the format follows the suffix")
    p.add_argument("--tag", help="only the cards with this tag")
    p.set_defaults(func=cmd_export_list)
    p = sub.add_parser("import-all", help="restore a full archive into an empty data folder")
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_import_all)


def print_plan(plan) -> None:  # services.imports.ImportPlan
    print(plan.summary())
    for row in plan.creates[:20]:
        print(f"  + {row.contact.display_name}")
        for where in row.placements:
            print(f"      {where}")
    if len(plan.creates) > 20:
        print("  …")
    if plan.new_organisations:
        print(_("New organisations: {names}").format(names=", ".join(plan.new_organisations[:20])))
    print(_("Matching an existing card: {count}").format(count=len(plan.matches)))
    for row in plan.matches:
        print(f"  = {row.contact.display_name} → {row.match_label} ({row.match_reason})")
    print(_("Refused: {count}").format(count=len(plan.refused)))
    for refusal in plan.refused:
        print("  " + _("line {line}: {reason}").format(line=refusal.line, reason=refusal.reason))
    for warning in plan.warnings:
        print("  ! " + warning)


@run
def cmd_import(args):
    from partnerdesk.services import imports

    with opened(args) as paths:
        if args.undo:
            latest = imports.last_batch()
            if latest is None:
                raise CommandError(_("There is no import to undo."))
            try:
                imports.undo_batch(latest[0], paths)
            except imports.UndoError as exc:
                raise CommandError(str(exc)) from exc
            print(_("Import of {name} undone.").format(name=latest[1]))
            return 0
        if args.file is None:
            raise CommandError(_("Name the file to import."))
        try:
            parsed = imports.read_file(args.file.expanduser(), encoding=args.encoding)
        except (imports.ImportFileError, LookupError) as exc:
            raise CommandError(str(exc)) from exc
        if parsed.needs_encoding:
            lines = [_("PartnerDesk cannot tell for sure how this file is encoded. Run the import again with "
                       "--encoding and the encoding in which the names look right:")]
            for encoding, preview in parsed.encoding_candidates:
                lines.append(f"  --encoding {encoding}: " + " | ".join(preview))
            raise CommandError("\n".join(lines))
        if parsed.needs_mapping:
            print(_("Unknown columns; mapping used:"))
            for index, header in enumerate(parsed.headers):
                target = parsed.mapping.get(index, "")
                print(f"  {header} → {_(TARGETS[target]) if target in TARGETS else target}")
        plan = imports.plan_for(parsed)
        if args.skip_matches:
            plan.set_all_matches(False)
        print_plan(plan)
        if args.dry_run:
            return 0
        result = imports.apply_plan(plan, paths)
        print(imports.result_text(result))
        if result.undoable:
            print(_("To undo it: partnerdesk import --undo"))


@run
def cmd_export_all(args):
    from partnerdesk.services import archive

    with opened(args) as paths:
        try:
            summary = archive.export_all(paths, args.output.expanduser().resolve())
        except archive.ArchiveError as exc:
            raise CommandError(str(exc)) from exc
    print(_("Archive written: {path} ({tables} tables, {rows} rows, {files} files).").format(
        path=args.output, tables=summary.tables, rows=summary.rows, files=summary.files))


@run
def cmd_import_all(args):
    from partnerdesk.services import archive

    source = args.file.expanduser().resolve()
    if not source.is_file():
        from partnerdesk.services.sentences import not_a_file

        raise CommandError(not_a_file(source))
    with opened(args) as paths:
        try:
            summary = archive.import_all(paths, source)
        except archive.ArchiveError as exc:
            raise CommandError(str(exc)) from exc
    print(_("Archive restored into {path}: {tables} tables, {rows} rows, {files} files.").format(
        path=paths.root, tables=summary.tables, rows=summary.rows, files=summary.files))
    if summary.rounded:
        from partnerdesk.services.archive_import import rounded_text

        print(rounded_text(summary.rounded))


@run
def cmd_export_list(args):
    from partnerdesk.services.exports import files, selection

    fmt = args.output.suffix.lower().lstrip(".")
    if fmt not in files.FORMATS_OF[args.what]:
        raise CommandError(_("Choose a file ending in {suffixes} for this export.").format(
            suffixes=", ".join("." + f for f in files.FORMATS_OF[args.what])))
    with opened(args) as paths:
        which = None
        if args.tag:
            tag = next((tid for tid, name in selection.list_tags() if name.casefold() == args.tag.casefold()), None)
            if tag is None:
                raise CommandError(_("No tag is called {name}.").format(name=args.tag))
            which = selection.Selection(tag_id=tag)
        try:
            count = files.export(args.what, fmt, args.output.expanduser().resolve(), paths, which)
        except files.ExportError as exc:
            raise CommandError(str(exc)) from exc
    print(ngettext("{count} item written to {path}", "{count} items written to {path}", count).format(
        count=count, path=args.output))
