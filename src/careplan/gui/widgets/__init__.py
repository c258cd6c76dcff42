"""Small reusable widgets and helpers that pages and dialogs share (no knowledge of the record):
the signature pad, a table model over plain rows, who is writing (voice.py), what the password
forms have in common (password_forms.py), and the progress view (charts and words from plain
progress facts)."""
