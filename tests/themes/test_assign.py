from ratsinfo.model import AgendaItem, Paper
from ratsinfo.themes.assign import item_themes, paper_themes


def test_papers_are_classified_with_their_lead_office_and_text():
    papers = [Paper(key="p1", reference="VO/2019/1", name="Vergabe der Arbeiten", paper_type="Beschlussvorlage",
                    under_direction_of="66 Tiefbauamt"),
              Paper(key="p2", reference="VO/2019/2", name=None, text="Neubau der Kindertagesstätte am Park")]
    got = paper_themes(papers)
    assert got["p1"].code == "54" and got["p2"].code == "36"


def test_an_item_borrows_what_its_paper_knows():
    paper = Paper(key="p1", reference="VO/2019/7", name="Sanierung der Grundschule Nord",
                  under_direction_of="40 Schulverwaltungsamt")
    items = [AgendaItem(key="i1", meeting_key="m1", number="5", name="Mittelbereitstellung", paper_key="p1"),
             AgendaItem(key="i2", meeting_key="m1", number="6", name="Mittelbereitstellung"),
             AgendaItem(key="i3", meeting_key="m1", number="1", name="Genehmigung der Niederschrift")]
    got = item_themes(items, {"p1": paper}, {"m1": "Schulausschuss"})
    assert got["i1"].code == "21" and got["i2"].code == "61" and got["i3"].code == "00"
