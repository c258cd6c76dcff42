"""Small reusable widgets (no knowledge of the record): the signature pad."""
