// expect: DENIED jdk.jshell
var js = jdk.jshell.JShell.create();
js.eval("System.exit(0);");
