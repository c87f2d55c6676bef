"""CardListModel.update_cards: only the rows that changed are removed and inserted (no reset)."""

from partnerdesk.domain.projects import PartnerCard
from partnerdesk.ui.models.cards import CardListModel


def _card(card_id, name, stage="identifie", position=0, step=""):
    return PartnerCard(card_id, 1, "Atelier", 10 + card_id, name, stage, position, next_step=step)


def _events(model):
    events = []
    model.modelReset.connect(lambda: events.append("reset"))
    model.rowsRemoved.connect(lambda _parent, first, last: events.append(("removed", first, last)))
    model.rowsInserted.connect(lambda _parent, first, last: events.append(("inserted", first, last)))
    return events


def test_a_card_leaving_and_another_arriving_are_a_removal_and_an_insertion(qtmodeltester):
    model = CardListModel("identifie")
    model.set_cards([_card(1, "Mairie"), _card(2, "Collège"), _card(3, "Médiathèque")])
    qtmodeltester.check(model)
    events = _events(model)
    model.update_cards([_card(1, "Mairie"), _card(3, "Médiathèque", position=1), _card(4, "MJC", position=2)])
    assert events == [("removed", 1, 1), ("inserted", 2, 2)]
    assert [c.organisation_name for c in model.cards()] == ["Mairie", "Médiathèque", "MJC"]
    assert model.card_at(1).position == 1  # the fresh card, not the old one
    assert model.row_of(4) == 2
    qtmodeltester.check(model)


def test_changed_fields_are_announced_without_moving_rows():
    model = CardListModel("identifie")
    model.set_cards([_card(1, "Mairie"), _card(2, "Collège")])
    events = _events(model)
    changed = []
    model.dataChanged.connect(lambda first, last, _roles: changed.append((first.row(), last.row())))
    model.update_cards([_card(1, "Mairie", step="Rappeler"), _card(2, "Collège")])
    assert events == [] and changed == [(0, 1)]
    assert model.card_at(0).next_step == "Rappeler"


def test_insertions_at_the_top_and_into_an_empty_column(qtmodeltester):
    model = CardListModel("identifie")
    events = _events(model)
    model.update_cards([_card(5, "MJC")])
    model.update_cards([_card(6, "Amap"), _card(5, "MJC")])
    assert events == [("inserted", 0, 0), ("inserted", 0, 0)]
    model.update_cards([])
    assert events[-1] == ("removed", 0, 0) and model.rowCount() == 0
    qtmodeltester.check(model)


def test_cards_kept_in_another_order_reset_the_column(qtmodeltester):
    model = CardListModel("identifie")
    model.set_cards([_card(1, "Mairie"), _card(2, "Collège"), _card(3, "Médiathèque")])
    events = _events(model)
    model.update_cards([_card(3, "Médiathèque"), _card(1, "Mairie"), _card(2, "Collège")])
    assert events == ["reset"]
    assert [c.id for c in model.cards()] == [3, 1, 2]
    qtmodeltester.check(model)


def test_card_texts_follow_the_language_though_cached():
    from partnerdesk import i18n
    from partnerdesk.ui.tabs.projects.board_columns import money_line

    card = PartnerCard(1, 1, "Atelier", 11, "Mairie", "identifie", expected=2150, obtained=800)
    previous = i18n.language()
    try:
        i18n.set_language("fr")
        french = money_line(card)
        i18n.set_language("en")
        english = money_line(card)
        assert money_line(card) == english
    finally:
        i18n.set_language(previous)
    assert french == "2\u202f150,00\xa0€ attendus · 800,00\xa0€ obtenus"
    assert "expected" in english and english != french
