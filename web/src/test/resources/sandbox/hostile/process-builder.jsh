// expect: DENIED java.lang.ProcessBuilder
var p = new ProcessBuilder("touch", "${MARKER}/process.txt").start();
p.waitFor();
