"""Reading content: parse (located JSON), model, checks, hints, where it comes from."""

# the modules other packages use; the others serve these
__all__ = ["lastgood", "load", "model", "numbers", "problems", "schema", "source"]
