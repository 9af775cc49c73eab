// expect: DENIED java.io.File
record Holder(File file) {}
System.out.println(new Holder(null));
