// expect: DENIED java.lang.System.getProperty
System.out.println(System.getProperty("user.home"));
