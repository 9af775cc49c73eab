// expect: DENIED java.lang.System.getenv
System.out.println(System.getenv("KB_TEST_SECRET"));
