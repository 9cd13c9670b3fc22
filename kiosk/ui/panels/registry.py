"""Which view paints which kind of panel.

The statistics view pulls in numpy and pyqtgraph, which take a few hundred
milliseconds to import, so they are not imported before the first frame: the
app's warm-up imports them (`view_modules`) while the screen is still, or a stats
panel built before that imports them itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from kiosk.core.content.model import Panel, StatsPanel
from kiosk.ui.panels.base import PanelView, ViewContext
from kiosk.ui.panels.cards import CardsView
from kiosk.ui.panels.photo import PhotoView
from kiosk.ui.panels.quote import QuoteView
from kiosk.ui.panels.steps import StepsView
from kiosk.ui.panels.title import TitleView
from kiosk.ui.panels.video import VideoView


def _stats_view(panel: StatsPanel, ctx: ViewContext) -> PanelView:
    """Build the statistics view, importing it (and pyqtgraph) on first use."""
    from kiosk.ui.panels.stats import StatsView

    return StatsView(panel, ctx)


# modules a kind's view needs beyond this one's imports, slowest first
VIEW_MODULES: dict[str, tuple[str, ...]] = {
    "stats": ("numpy", "pyqtgraph", "kiosk.ui.panels.chart", "kiosk.ui.panels.stats"),
}


def view_modules(kinds: Iterable[str]) -> list[str]:
    """The modules the views of `kinds` import when first built, slowest first."""
    return [module for kind in sorted(set(kinds)) for module in VIEW_MODULES.get(kind, ())]


VIEWS: dict[str, Callable[..., PanelView]] = {
    "title": TitleView,
    "cards": CardsView,
    "steps": StepsView,
    "stats": _stats_view,
    "photo": PhotoView,
    "quote": QuoteView,
    "video": VideoView,
}


def build_view(panel: Panel, ctx: ViewContext) -> PanelView:
    """The view that paints `panel` in the context `ctx`.

    Parameters
    ----------
    panel : Panel
        A panel of the content model; its `kind` picks the view.
    ctx : ViewContext
        Language, theme and content folder the view paints with.

    Returns
    -------
    PanelView
        A new view for the panel.

    Raises
    ------
    KeyError
        When no view paints the panel's kind.
    """
    return VIEWS[panel.kind](panel, ctx)
