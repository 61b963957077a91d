"""The product readers of the local extractor (`core.products`) called directly."""

from core.products import match_catalog


def test_catalog_matching() -> None:
    catalog = ["Delivery Tracking Pro", "Driver App", "Route Optimizer"]
    assert match_catalog(["delivery tracking software"], catalog) == ["Delivery Tracking Pro"]
