"""Training scripts for the small models shipped with ReviewCare."""
