"""One module per panel kind: title, cards, steps, stats."""
