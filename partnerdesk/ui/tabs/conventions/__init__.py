"""Conventions: the list, the editor (text, parties, circuit, versions) and exports."""
