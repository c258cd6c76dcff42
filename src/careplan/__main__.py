from careplan.cli.main import console

raise SystemExit(console())
