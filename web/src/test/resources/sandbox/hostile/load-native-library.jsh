// expect: DENIED java.lang.System.loadLibrary
System.loadLibrary("c");
