"""Use cases: the only way data changes. Each takes the acting staff member, checks the permission
table, does its work in one transaction and writes its audit events."""
