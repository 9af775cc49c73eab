// expect: DENIED new java.io.PrintStream(String)
var p = new PrintStream("${MARKER}/print-stream.txt");
p.println("pwned");
p.close();
