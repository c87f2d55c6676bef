"""What an interrupted preparation leaves beside the database is all rolled back, the
partial copy's journal included; a folder given for a file is said to be a folder."""

import pytest

from partnerdesk.services import imports
from partnerdesk.store import restore


def test_recover_removes_the_partial_copy_and_its_journal(paths):
    partial = paths.db_path.with_name(paths.db_path.name + ".restoring.partial")
    for path in (partial, partial.with_name(partial.name + "-journal")):
        path.write_bytes(b"half a copy")
    assert restore.recover(paths.db_path) == "rolled-back"
    assert not list(paths.root.glob("*.restoring*"))


def test_a_folder_is_not_a_file(tmp_path):
    with pytest.raises(imports.ImportFileError, match="is a folder, not a file"):
        imports.read_file(tmp_path)
    with pytest.raises(imports.ImportFileError, match="No such file"):
        imports.read_file(tmp_path / "absent.csv")
