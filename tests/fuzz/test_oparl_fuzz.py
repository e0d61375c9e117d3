"""The OParl decoder, page reader and mapper under random and damaged input: only ParseError comes
out, and what is mapped has the types the warehouse expects."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from ratsinfo.parsers.oparl import Records, decode, map_object, page_of
from tests.fuzz.harness import corpus_files, corpus_json, json_values, mutated, oparl_objects, survives


def typed_well(out: Records) -> bool:
    texts = [(p.reference, p.name, p.paper_type) for p in out.papers] + [(o.name,) for o in out.organizations] + \
        [(p.name, p.role) for p in out.persons] + [(f.name, f.mime_type, f.access_url) for f in out.files] + \
        [(m.name, m.location) for m in out.meetings] + [(a.number, a.name, a.result) for a in out.agenda_items]
    return all(v is None or isinstance(v, str) for row in texts for v in row)


@given(st.binary(max_size=2000))
def test_random_bytes_decode_or_raise_parse_error(data):
    survives(decode, data)


@given(st.data())
def test_damaged_real_oparl_json_decodes_or_raises_parse_error(corpus, data):
    originals = corpus_files(corpus / "oparl-real", "*json") + corpus_files(corpus / "oparl-spec", "*.json")
    survives(decode, data.draw(mutated(originals)))


@given(json_values)
def test_any_json_value_is_a_page_or_a_parse_error(value):
    page = survives(page_of, value)
    if page is not None:
        assert all(isinstance(o, dict) for o in page.objects)
        assert page.next_url is None or isinstance(page.next_url, str)


@given(oparl_objects)
def test_random_objects_map_with_text_fields_as_text(obj):
    out = Records()
    survives(map_object, obj, "oparl:body:b", out)
    assert typed_well(out)


@given(st.data())
def test_real_objects_with_fields_of_any_type_map_or_raise_parse_error(corpus, data):
    objects = [o for o in corpus_json(corpus) if isinstance(o, dict) and isinstance(o.get("id"), str)]
    obj = dict(data.draw(st.sampled_from(objects)))
    for k in data.draw(st.lists(st.sampled_from(sorted(obj)), max_size=4)):
        obj[k] = data.draw(json_values)
    out = Records()
    survives(map_object, obj, None, out)
    assert typed_well(out)
    json.dumps([p.reference for p in out.papers])  # plain values, storable
