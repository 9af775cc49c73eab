// expect: DENIED java.io.FileWriter
try (var w = new FileWriter("pwned.txt")) { w.write("pwned"); }
