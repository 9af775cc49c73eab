// expect: DENIED java.lang.System.exit
System.out.println("bye");
System.exit(0);
