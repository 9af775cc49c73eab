// expect: DENIED java.lang.Integer.getInteger
System.out.println(Integer.getInteger("java.version"));
