from ratsinfo.demo.pdfwriter import text_to_pdf
from ratsinfo.parsers.detect import detect


def test_kind_comes_from_content_not_from_the_name(corpus):
    pdf = text_to_pdf("Niederschrift")
    assert detect(pdf, "niederschrift.html")[0] == "pdf"
    page = (corpus / "allris-html" / "wandsbek" / "vo020.html").read_bytes()
    assert detect(page, "export.txt")[0] == "allris3_vo020"
    assert detect(bytes(range(256)) * 40, "seite.html")[0] == "binary"
    assert detect(b"", "leer.pdf")[0] == "empty"


def test_real_exports_are_told_apart(corpus):
    seeds = corpus / "seeds"
    assert detect((seeds / "leipzig-VII-F-00741-AW-01-antwort.txt").read_bytes())[0] == "allris_text_paper"
    assert detect((seeds / "dresden-V0220-25-anlage1-geschaeftsordnung-kpr.txt").read_bytes())[0] == "text"
    assert detect((corpus / "allris-html" / "altona" / "au020.html").read_bytes())[0] == "allris_page"


def test_oparl_json_is_recognised_even_when_it_is_broken(corpus):
    assert detect((corpus / "oparl-real" / "oparl-missing" / "meeting.json").read_bytes())[0] == "oparl_json"
    broken = (corpus / "oparl-real" / "from-tests" / "braunschweig_paper_1664.broken_json").read_bytes()
    assert detect(broken)[0] == "oparl_json"
    assert detect(b'{"name": "kein OParl"}')[0] == "json"


def test_html_without_doctype_is_still_html():
    assert detect(b"<div><p>Tagesordnung</p></div>", "a.txt")[0] == "html"
