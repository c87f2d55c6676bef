"""The statuses of a convention and of its circuit's steps, apart from the conventions' rules and
records (`domain/conventions.py`, which names them too): what the day's upkeep and "À faire"
need at start, without the dataclasses of the rest.
"""

from __future__ import annotations

from partnerdesk.domain.labels import N_, LabelledEnum

ENDING_SOON_DAYS = 60


class ConventionStatus(LabelledEnum):
    BROUILLON = "brouillon"
    EN_VALIDATION = "en_validation"
    SIGNEE = "signee"
    EN_COURS = "en_cours"
    ECHUE = "echue"
    RESILIEE = "resiliee"

    @classmethod
    def _labels(cls):
        return {
            "brouillon": N_("Draft"),
            "en_validation": N_("Under validation"),
            "signee": N_("Signed"),
            "en_cours": N_("In progress"),
            "echue": N_("Expired"),
            "resiliee": N_("Terminated"),
        }

    @property
    def is_signed(self) -> bool:
        """Signed conventions (and what follows) are read-only: changes go through an amendment."""
        return self in (ConventionStatus.SIGNEE, ConventionStatus.EN_COURS, ConventionStatus.ECHUE,
                        ConventionStatus.RESILIEE)


class StepStatus(LabelledEnum):
    A_FAIRE = "a_faire"
    EN_COURS = "en_cours"
    VALIDE = "valide"
    REFUSE = "refuse"

    @classmethod
    def _labels(cls):
        return {
            "a_faire": N_("To do"),
            "en_cours": N_("In progress"),
            "valide": N_("Approved"),
            "refuse": N_("Refused"),
        }
