// expect: DENIED java.lang.Runtime.exec
Runtime.getRuntime().exec(new String[] {"touch", "${MARKER}/exec.txt"}).waitFor();
