from partnerdesk.services import demo, partners
from partnerdesk.store.models import Interaction, Person, Affiliation


def test_small_demo_is_realistic_french(demo_store):
    assert partners.count_organisations() == 40
    assert partners.count_people() == 120
    names = [o.name for o in partners.list_organisations()]
    assert any("Médiathèque" in n for n in names) and any("Collège" in n for n in names)
    assert any("'" in n for n in names) and any("&" in n for n in names)
    last_names = {p.last_name for p in Person.select()}
    assert any("'" in n for n in last_names) and any(any(c in n for c in "éèêôœ") for n in last_names)
    assert Affiliation.select().where(Affiliation.end_date.is_null(False)).count() > 0
    # the partners step's interactions, plus one journal entry per meeting held (the Rencontres step)
    from partnerdesk.store.models import Meeting

    linked = Meeting.select(Meeting.interaction).where(Meeting.interaction.is_null(False))
    assert Interaction.select().where(Interaction.id.not_in(linked)).count() == demo.SIZES["small"].interactions
    assert linked.count() >= 6


def test_demo_is_deterministic(paths, tmp_path):
    from partnerdesk.paths import DataPaths
    from partnerdesk.services import data

    names = []
    for sub in ("a", "b"):
        p = DataPaths(tmp_path / sub).ensure()
        data.open_data(p, daily_backup=False)
        demo.fill("small", paths=p)
        names.append([(x.first_name, x.last_name) for x in Person.select().order_by(Person.id)])
        data.close_data()
    assert names[0] == names[1]
