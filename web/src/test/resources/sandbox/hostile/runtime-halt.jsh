// expect: DENIED java.lang.Runtime.halt
Runtime.getRuntime().halt(0);
