import QReportCLI

QReportEntry.main()
