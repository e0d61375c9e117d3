"""The real OParl responses in ../shared/corpus and the spec examples, mapped tolerantly."""

import json

import pytest

from ratsinfo.errors import ParseError
from ratsinfo.parsers.oparl import Records, as_list, decode, map_object, page_of, parse_d, parse_dt


def mapped(path) -> Records:
    out = Records()
    for obj in page_of(decode(path.read_bytes()).value).objects:
        map_object(obj, "body", out)
    return out


def test_na_and_empty_dates_are_none(corpus):
    system = json.loads((corpus / "oparl-real" / "systems" / "Stadt Leipzig.json").read_text(encoding="utf-8"))
    body = json.loads((corpus / "oparl-real" / "bodies" / "Stadt Leipzig.json").read_text(encoding="utf-8"))
    assert system["name"] == "N/A" and body["created"] == ""
    assert parse_dt(system["website"]) is None and parse_dt(body["created"]) is None
    assert parse_dt(body["modified"]).year == 2018
    assert parse_d("2019-05-31").isoformat() == "2019-05-31"


def test_every_real_body_maps_to_a_body(corpus):
    for path in sorted((corpus / "oparl-real" / "bodies").glob("*.json")):
        out = mapped(path)
        assert len(out.bodies) == 1 and out.bodies[0].name, path.name


def test_auxiliary_file_as_an_object_and_mime_type_pdf(corpus):
    out = mapped(corpus / "oparl-real" / "from-tests" / "bonn_allris4_meeting_664_auxiliaryFile_object.json")
    assert len(out.meetings) == 1
    names = {f.name: f for f in out.files}
    aux = names["Alle Anlagen öffentlich"]
    assert aux.mime_type == "application/pdf" and aux.meeting_key == out.meetings[0].key
    assert aux.access_url.startswith("https://www.bonn.sitzung-online.de/public/doc")
    assert all(f.size is None or f.size > 0 for f in out.files)  # size 0 means unknown


def test_a_single_object_where_a_list_is_expected(corpus):
    page = page_of(decode((corpus / "oparl-real" / "from-tests" /
                           "krefeld_sternberg_body_object_instead_of_list.json").read_bytes()).value)
    assert page.shape == "object" and len(page.objects) == 1


def test_a_bare_list_where_a_page_is_expected():
    page = page_of([{"id": "https://x.invalid/paper/1", "type": "https://schema.oparl.org/1.1/Paper"}])
    assert page.shape == "list" and page.next_url is None and len(page.objects) == 1
    assert page_of({"error": "Keine Daten"}).objects == []
    with pytest.raises(ParseError):
        page_of("kaputt")


def test_invalid_json_with_control_characters_and_mojibake_is_repaired(corpus):
    raw = (corpus / "oparl-real" / "from-tests" / "braunschweig_paper_1664.broken_json").read_bytes()
    with pytest.raises(ValueError):
        json.loads(raw)
    decoded = decode(raw)
    assert decoded.repaired
    name = decoded.value["name"]
    assert "beschränkter Haftung" in name and "\x01" not in name and name.endswith("(GmbH)")
    out = Records()
    map_object(decoded.value, "b", out)
    assert out.papers[0].reference == "1664/99"


def test_unrepairable_json_is_refused():
    with pytest.raises(ParseError, match="invalid JSON"):
        decode(b'{"id": "x", "name": ')


def test_spec_examples_map_papers_consultations_files_and_memberships(corpus):
    paper = mapped(corpus / "oparl-spec" / "master" / "Paper-01.json")
    p = paper.papers[0]
    assert (p.reference, p.paper_type, p.date.isoformat()) == ("1234/2014", "Beantwortung einer Anfrage", "2014-04-04")
    assert [c.role for c in paper.consultations] == ["Beschlussfassung"]
    assert len(paper.files) == 2 and paper.relations[0].relation == "related_to"
    person = mapped(corpus / "oparl-spec" / "master" / "Person-01.json")
    assert len(person.memberships) == 2
    meeting = mapped(corpus / "oparl-spec" / "master" / "Meeting-01.json")
    assert meeting.meetings[0].start.year == 2013 and len(meeting.agenda_items) == 1


def test_referenced_objects_are_collected_for_gap_filling(corpus):
    out = mapped(corpus / "oparl-real" / "oparl-missing" / "meeting.json")
    assert len(out.references["organization"]) == 2
    assert out.meetings[0].organization_key.endswith("organizations/gr/230")


def test_deleted_objects_without_type_are_soft_deletes():
    out = Records()
    map_object({"id": "https://x.invalid/paper/9", "deleted": True}, "b", out, "Paper")
    assert out.deleted == {"paper": {"oparl:paper:https://x.invalid/paper/9"}}


def test_as_list():
    assert as_list(None) == [] and as_list({"a": 1}) == [{"a": 1}] and as_list([1]) == [1]
