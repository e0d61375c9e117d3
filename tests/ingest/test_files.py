import os

from ratsinfo.ingest.files import walk


def test_folders_are_read_recursively_in_a_stable_order_without_hidden_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("zwei")
    (tmp_path / "1.txt").write_text("eins")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("x")
    (tmp_path / ".DS_Store").write_text("x")
    found = [f.path.relative_to(tmp_path).as_posix() for f in walk([str(tmp_path)])]
    assert found == ["1.txt", "b/2.txt"]


def test_links_to_folders_are_not_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("geheim")
    inside = tmp_path / "export"
    inside.mkdir()
    os.symlink(outside, inside / "link")
    (inside / "unter").mkdir()
    os.symlink(inside, inside / "unter" / "zurück")  # a loop, inside the folder
    found = list(walk([str(inside)]))
    assert [f.path.name for f in found] == ["link"]
    assert "outside the folder: not followed" in found[0].error


def test_a_missing_path_is_reported_not_fatal(tmp_path):
    found = list(walk([str(tmp_path / "fehlt"), str(tmp_path)]))
    assert found[0].error and "no such file" in found[0].error
