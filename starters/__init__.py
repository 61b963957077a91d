"""Starters: triggers that begin orchestrations."""
