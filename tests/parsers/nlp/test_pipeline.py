from ratsinfo.parsers.nlp.pipeline import german


def test_a_year_that_ends_a_sentence_ends_it_and_a_day_of_the_month_does_not():
    doc = german()("Der Beirat wurde im Jahr 2019. Er tagte am 3. Mai 2022. Danach ruhte er. Am 4. Juni kam er zurück.")
    assert [s.text for s in doc.sents] == ["Der Beirat wurde im Jahr 2019.", "Er tagte am 3. Mai 2022.",
                                           "Danach ruhte er.", "Am 4. Juni kam er zurück."]


def test_a_count_after_a_year_that_ends_a_sentence_goes_to_the_body_of_its_own_sentence(facts_of):
    facts = facts_of("Der Seniorenbeirat tagte zuletzt im Jahr 2020. Der Jugendbeirat hat bisher vier Mal getagt.")
    assert [(f.subject, f.value, f.year) for f in facts["session_count"]] == [("Jugendbeirat", "4", None)]
