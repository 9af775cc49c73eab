// expect: DENIED java.io.FileInputStream
var in = new FileInputStream("/etc/passwd");
System.out.println(new String(in.readAllBytes()));
