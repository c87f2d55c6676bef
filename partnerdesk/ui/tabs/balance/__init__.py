"""Is a partnership worth it? The balance section of the organisation card, the decision grid,
the "Bilan des partenariats" view and its menu entry."""
