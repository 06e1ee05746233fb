"""Spider classes: they route requests and hand pages to the extractors in `spiders.extract`."""
