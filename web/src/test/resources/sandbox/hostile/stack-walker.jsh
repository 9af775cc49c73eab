// expect: DENIED java.lang.StackWalker
StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).forEach(f -> System.out.println(f.getDeclaringClass()));
