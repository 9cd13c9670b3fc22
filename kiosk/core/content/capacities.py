"""How many characters each text field shows at its legibility floor (generated).

Keys are ``<panel kind>.<field>``, with ``@<variant>`` for a title panel with a picture or a
statistics panel with a chart; for each orientation, one number per count of siblings (1, 2,
...): cards, steps, figures, chart categories or series. Measured by
`kiosk.ui.panels.capacity` from what the panels draw; do not edit by hand. Regenerate after
a layout change with ``python -m kiosk.ui.panels.capacity --write``.
"""

CAPACITIES: dict[str, dict[str, tuple[int, ...]]] = {
    "title.title": {
        "landscape": (134,),
        "portrait": (100,),
    },
    "title.title@picture": {
        "landscape": (52,),
        "portrait": (100,),
    },
    "title.subtitle": {
        "landscape": (380,),
        "portrait": (197,),
    },
    "title.subtitle@picture": {
        "landscape": (177,),
        "portrait": (197,),
    },
    "cards.title": {
        "landscape": (118,),
        "portrait": (65,),
    },
    "cards.cards.title": {
        "landscape": (159, 81, 47, 68, 30, 30, 11, 11),
        "portrait": (89, 89, 81, 30, 30, 30, 30, 30),
    },
    "cards.cards.text": {
        "landscape": (1791, 384, 159, 159, 100, 100, 42, 42),
        "portrait": (1342, 511, 314, 108, 108, 108, 54, 54),
    },
    "steps.title": {
        "landscape": (118,),
        "portrait": (65,),
    },
    "steps.intro": {
        "landscape": (243,),
        "portrait": (134,),
    },
    "steps.steps.title": {
        "landscape": (183, 89, 54, 30, 26, 21),
        "portrait": (68, 68, 68, 68, 75, 81),
    },
    "steps.steps.text": {
        "landscape": (1135, 419, 262, 183, 147, 134),
        "portrait": (406, 314, 314, 314, 197, 159),
    },
    "stats.title": {
        "landscape": (118,),
        "portrait": (65,),
    },
    "stats.title@chart": {
        "landscape": (118,),
        "portrait": (65,),
    },
    "stats.figures": {
        "landscape": (25, 12, 12, 12, 12, 12),
        "portrait": (14, 6, 6, 6, 6, 6),
    },
    "stats.figures@chart": {
        "landscape": (16, 7, 7, 7, 7, 7),
        "portrait": (14, 6, 6, 6, 6, 6),
    },
    "stats.figures.label": {
        "landscape": (361, 177, 177, 177, 118, 118),
        "portrait": (197, 89, 89, 89, 89, 89),
    },
    "stats.figures.label@chart": {
        "landscape": (222, 100, 100, 100, 68, 68),
        "portrait": (197, 89, 89, 89, 60, 60),
    },
    "stats.source": {
        "landscape": (881,),
        "portrait": (975,),
    },
    "stats.source@chart": {
        "landscape": (881,),
        "portrait": (975,),
    },
    "stats.chart.title@chart": {
        "landscape": (81,),
        "portrait": (134,),
    },
    "stats.chart.categories@chart": {
        "landscape": (39, 39, 39, 39, 39, 39, 39, 0, 0, 0, 0, 0),
        "portrait": (68, 68, 68, 68, 68, 68, 68, 68, 68, 68, 68, 68),
    },
    "stats.chart.series.name@chart": {
        "landscape": (30, 11, 11, 11),
        "portrait": (54, 21, 21, 21),
    },
}
