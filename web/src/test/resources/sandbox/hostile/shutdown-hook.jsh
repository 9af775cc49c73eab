// expect: DENIED java.lang.Runtime.addShutdownHook
Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("late")));
