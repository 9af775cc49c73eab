// expect: DENIED java.lang.System.getenv
System.out.println(System.getenv());
