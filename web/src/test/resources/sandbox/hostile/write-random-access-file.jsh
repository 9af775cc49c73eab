// expect: DENIED java.io.RandomAccessFile
var raf = new RandomAccessFile("${MARKER}/raf.bin", "rw");
raf.write(1);
