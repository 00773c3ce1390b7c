"""Pure OCOP rules: criteria sets, scoring, councils, recognition. Standard library only."""
