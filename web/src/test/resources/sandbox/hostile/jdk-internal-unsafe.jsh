// expect: COMPILE_ERROR|DENIED
var u = jdk.internal.misc.Unsafe.getUnsafe();
u.putLong(0L, 0L);
