"""The name and company readers of the local extractor (`core.identity`) called directly."""

from core.identity import _title


def test_a_lower_case_name_capitalised_as_names_are_written_in_the_language() -> None:
    assert _title("café de la montaña") == "Café de la Montaña"
    assert _title("bodega los andes") == "Bodega Los Andes"
    assert _title("parker and sons plumbing") == "Parker and Sons Plumbing"
    assert _title("la buena cosecha") == "La Buena Cosecha"
