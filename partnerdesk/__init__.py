"""PartnerDesk. `__version__` is the one version source: pyproject (hatch), the Windows
version info, the installer, the metainfo release and `partnerdesk --version` derive from it."""

__version__ = "0.2.6"
