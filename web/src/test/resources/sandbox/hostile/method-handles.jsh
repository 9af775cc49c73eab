// expect: DENIED java.lang.invoke.MethodHandles
var lookup = java.lang.invoke.MethodHandles.lookup();
var exit = lookup.findStatic(System.class, "exit", java.lang.invoke.MethodType.methodType(void.class, int.class));
exit.invoke(0);
