// expect: DENIED java.util.logging.FileHandler
var h = new java.util.logging.FileHandler("${MARKER}/log.txt");
java.util.logging.Logger.getLogger("x").addHandler(h);
