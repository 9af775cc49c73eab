// expect: DENIED new java.util.Formatter(String)
var f = new Formatter("${MARKER}/formatter.txt");
f.format("pwned");
f.close();
