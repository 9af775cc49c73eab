// expect: DENIED sun.misc.Unsafe
// Its snippets compile as one block, where a local variable's type is no field the allowlist sees.
var list = new ArrayList<sun.misc.Unsafe>();
var u = list.isEmpty() ? null : list.get(0);
System.out.println(u);
