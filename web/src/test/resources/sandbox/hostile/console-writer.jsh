// expect: DENIED java.lang.System.console
var c = System.console();
if (c != null) c.writer().println("forged");
