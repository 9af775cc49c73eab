// expect: DENIED sun.misc.Unsafe
sun.misc.Unsafe u = null;
System.out.println(u);
