// expect: DENIED java.lang.Thread.getContextClassLoader
System.out.println(Thread.currentThread().getContextClassLoader());
