from careplan.cli.main import main

raise SystemExit(main())
