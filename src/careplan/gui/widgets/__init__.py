"""Small reusable widgets (no knowledge of the record): the signature pad, and the progress view
(charts and words from plain progress facts)."""
