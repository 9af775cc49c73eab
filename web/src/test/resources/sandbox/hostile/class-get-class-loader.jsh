// expect: DENIED java.lang.Class.getClassLoader
System.out.println(String.class.getClassLoader());
