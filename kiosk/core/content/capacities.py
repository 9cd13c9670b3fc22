"""How many characters each text field shows at its legibility floor (generated).

Keys are ``<panel kind>.<field>``, with ``@<variant>`` for a panel with a picture beside its
text or a QR code (``media``) or a statistics panel with a chart; for each orientation, one
number per count of siblings (1, 2, ...): cards, steps, figures, chart categories or series.
Measured by `kiosk.ui.panels.capacity` from what the panels draw; do not edit by hand.
Regenerate after a layout change with ``python -m kiosk.ui.panels.capacity --write``.
"""

CAPACITIES: dict[str, dict[str, tuple[int, ...]]] = {
    "title.title": {
        "landscape": (134,),
        "portrait": (100,),
    },
    "title.title@media": {
        "landscape": (52,),
        "portrait": (100,),
    },
    "title.subtitle": {
        "landscape": (380,),
        "portrait": (197,),
    },
    "title.subtitle@media": {
        "landscape": (159,),
        "portrait": (197,),
    },
    "cards.title": {
        "landscape": (118,),
        "portrait": (65,),
    },
    "cards.title@media": {
        "landscape": (65,),
        "portrait": (65,),
    },
    "cards.cards.title": {
        "landscape": (159, 81, 47, 68, 30, 30, 11, 11),
        "portrait": (89, 89, 81, 30, 30, 30, 30, 30),
    },
    "cards.cards.title@media": {
        "landscape": (89, 89, 42, 26, 21, 21, 11, 11),
        "portrait": (89, 81, 81, 30, 30, 30, 21, 21),
    },
    "cards.cards.text": {
        "landscape": (1791, 384, 159, 159, 100, 100, 42, 42),
        "portrait": (1342, 511, 314, 108, 108, 108, 54, 54),
    },
    "cards.cards.text@media": {
        "landscape": (1013, 197, 65, 81, 68, 68, 26, 26),
        "portrait": (1281, 314, 130, 108, 81, 81, 81, 81),
    },
    "steps.title": {
        "landscape": (118,),
        "portrait": (65,),
    },
    "steps.title@media": {
        "landscape": (65,),
        "portrait": (65,),
    },
    "steps.intro": {
        "landscape": (243,),
        "portrait": (134,),
    },
    "steps.intro@media": {
        "landscape": (142,),
        "portrait": (134,),
    },
    "steps.steps.title": {
        "landscape": (183, 89, 54, 30, 26, 21),
        "portrait": (68, 68, 68, 68, 75, 81),
    },
    "steps.steps.title@media": {
        "landscape": (108, 47, 26, 18, 20, 15),
        "portrait": (68, 68, 75, 81, 81, 39),
    },
    "steps.steps.text": {
        "landscape": (1135, 419, 262, 183, 147, 134),
        "portrait": (406, 314, 314, 314, 197, 159),
    },
    "steps.steps.text@media": {
        "landscape": (633, 226, 147, 112, 134, 112),
        "portrait": (406, 314, 243, 159, 159, 112),
    },
    "stats.title": {
        "landscape": (118,),
        "portrait": (65,),
    },
    "stats.title@chart": {
        "landscape": (118,),
        "portrait": (65,),
    },
    "stats.title@media": {
        "landscape": (89,),
        "portrait": (65,),
    },
    "stats.title@chart+media": {
        "landscape": (89,),
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
    "stats.figures@media": {
        "landscape": (20, 9, 9, 9, 9, 9),
        "portrait": (14, 6, 6, 6, 6, 6),
    },
    "stats.figures@chart+media": {
        "landscape": (12, 5, 5, 5, 5, 5),
        "portrait": (14, 6, 6, 6, 0, 0),
    },
    "stats.figures.label": {
        "landscape": (361, 177, 177, 177, 118, 118),
        "portrait": (197, 89, 89, 89, 89, 89),
    },
    "stats.figures.label@chart": {
        "landscape": (222, 100, 100, 100, 68, 68),
        "portrait": (197, 89, 89, 89, 60, 60),
    },
    "stats.figures.label@media": {
        "landscape": (293, 134, 134, 134, 89, 89),
        "portrait": (197, 89, 89, 89, 89, 89),
    },
    "stats.figures.label@chart+media": {
        "landscape": (177, 81, 81, 81, 54, 54),
        "portrait": (197, 89, 89, 89, 26, 26),
    },
    "stats.source": {
        "landscape": (881,),
        "portrait": (975,),
    },
    "stats.source@chart": {
        "landscape": (881,),
        "portrait": (975,),
    },
    "stats.source@media": {
        "landscape": (678,),
        "portrait": (787,),
    },
    "stats.source@chart+media": {
        "landscape": (678,),
        "portrait": (787,),
    },
    "stats.chart.title@chart": {
        "landscape": (81,),
        "portrait": (134,),
    },
    "stats.chart.title@chart+media": {
        "landscape": (60,),
        "portrait": (134,),
    },
    "stats.chart.categories@chart": {
        "landscape": (39, 39, 39, 39, 39, 39, 39, 0, 0, 0, 0, 0),
        "portrait": (68, 68, 68, 68, 68, 68, 68, 68, 68, 68, 68, 68),
    },
    "stats.chart.categories@chart+media": {
        "landscape": (26, 26, 26, 26, 26, 26, 26, 0, 0, 0, 0, 0),
        "portrait": (68, 68, 68, 68, 68, 68, 68, 0, 0, 0, 0, 0),
    },
    "stats.chart.series.name@chart": {
        "landscape": (30, 11, 11, 11),
        "portrait": (54, 21, 21, 21),
    },
    "stats.chart.series.name@chart+media": {
        "landscape": (21, 7, 7, 7),
        "portrait": (54, 21, 21, 21),
    },
    "photo.caption": {
        "landscape": (380,),
        "portrait": (197,),
    },
    "photo.caption@media": {
        "landscape": (293,),
        "portrait": (197,),
    },
    "photo.credit": {
        "landscape": (353,),
        "portrait": (197,),
    },
    "photo.credit@media": {
        "landscape": (270,),
        "portrait": (197,),
    },
    "quote.quote": {
        "landscape": (583,),
        "portrait": (332,),
    },
    "quote.quote@media": {
        "landscape": (302,),
        "portrait": (332,),
    },
    "quote.name": {
        "landscape": (183,),
        "portrait": (108,),
    },
    "quote.name@media": {
        "landscape": (89,),
        "portrait": (108,),
    },
    "quote.role": {
        "landscape": (243,),
        "portrait": (134,),
    },
    "quote.role@media": {
        "landscape": (123,),
        "portrait": (134,),
    },
    "video.caption": {
        "landscape": (380,),
        "portrait": (197,),
    },
    "video.caption@media": {
        "landscape": (293,),
        "portrait": (197,),
    },
    "qr.caption": {
        "landscape": (42,),
        "portrait": (42,),
    },
    "notice.text": {
        "landscape": (177,),
        "portrait": (89,),
    },
}
