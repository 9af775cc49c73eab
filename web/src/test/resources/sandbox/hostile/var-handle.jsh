// expect: DENIED java.lang.invoke
var h = java.lang.invoke.MethodHandles.arrayElementVarHandle(int[].class);
