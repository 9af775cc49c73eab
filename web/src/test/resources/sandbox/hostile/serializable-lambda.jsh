// expect: DENIED java.lang.invoke
Runnable r = (Runnable & Serializable) () -> System.out.println("x");
r.run();
