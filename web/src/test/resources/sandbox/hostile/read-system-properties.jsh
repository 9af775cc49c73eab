// expect: DENIED java.lang.System.getProperties
System.getProperties().forEach((k, v) -> System.out.println(k + "=" + v));
