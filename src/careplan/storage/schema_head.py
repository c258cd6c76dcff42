"""The newest migration's revision, known without reading the migrations (or importing Alembic).

Opening an up-to-date database only compares its ``alembic_version`` with this. A new migration
changes this line too: ``tests/storage/test_schema_head.py`` fails until it does.
"""

HEAD_REVISION = "0013"
