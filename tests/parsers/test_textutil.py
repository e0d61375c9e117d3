from ratsinfo.parsers.textutil import clean_extracted_text, decode_html, decode_text, looks_binary


def test_html_charset_is_read_from_meta_when_no_header_says_it():
    page = '<html><head><meta http-equiv="content-type" content="text/html; charset=iso-8859-1" />' \
           "</head><body>Geschäftsstelle für Bürgerinnen</body></html>"
    text, enc = decode_html(page.encode("iso-8859-1"))
    assert enc == "iso-8859-1"
    assert "Geschäftsstelle für Bürgerinnen" in text


def test_html_without_any_charset_falls_back_from_utf8_to_windows_1252():
    text, enc = decode_html("<html><body>Straße</body></html>".encode("cp1252"))
    assert enc == "cp1252" and "Straße" in text
    text, enc = decode_html("<html><body>Straße</body></html>".encode())
    assert enc == "utf-8" and "Straße" in text


def test_latin1_text_without_header_keeps_its_umlauts():
    text, enc = decode_text("Präventionsrat tagt öffentlich".encode("iso-8859-1"))
    assert text == "Präventionsrat tagt öffentlich"
    assert enc == "cp1252"


def test_binary_junk_is_told_apart_from_text():
    assert looks_binary(bytes(range(256)) * 10)
    assert not looks_binary(b"Sitzung des Ausschusses\n" * 50)


def test_bullet_glyphs_of_word_and_pdf_exports_become_one_bullet():
    raw = "\uf0b7 Erstens\n(cid:127) Zweitens\n\u25aa Drittens"
    assert clean_extracted_text(raw) == "• Erstens\n• Zweitens\n• Drittens"


def test_page_footers_are_removed_but_the_text_around_them_stays():
    raw = "Ende von Seite eins\n\nSeite 1 von 3\n\nAnfang von Seite zwei\n- 2 -\nweiter"
    out = clean_extracted_text(raw)
    assert "Seite 1 von 3" not in out and "- 2 -" not in out
    assert "Ende von Seite eins" in out and "Anfang von Seite zwei" in out


def test_hyphenated_line_breaks_are_joined_but_compounds_with_und_are_not():
    assert clean_extracted_text("die Kriminal-\nprävention wirkt") == "die Kriminalprävention wirkt"
    assert clean_extracted_text("Garten-\nund Kleingartenwesen") == "Garten-\nund Kleingartenwesen"
    assert clean_extracted_text("KPR-\nrelevante Themen") == "KPR-\nrelevante Themen"


def test_mixed_encodings_and_undefined_bytes_are_noted():
    from ratsinfo.parsers.textutil import decode_text, decoding_note

    mixed = "Straße".encode() + " und Gebühr".encode("cp1252")
    text, enc = decode_text(mixed)
    assert enc == "cp1252"
    assert "mixed encodings: 1 UTF-8 sequences" in decoding_note(mixed, enc)
    assert decoding_note("Gebühr".encode("cp1252"), "cp1252") is None
    assert decoding_note("Gebühr".encode(), "utf-8") is None
    assert "U+FFFD" in decoding_note(b"\xef\xbb\xbfGeb\xfchr", "utf-8")
    assert "does not define" in decoding_note(b"Geb\x81hr", "cp1252")
