"""Reading content: parse (located JSON), model, checks, hints, where it comes from."""
