import RehearsalCLI

Rehearse.main()
