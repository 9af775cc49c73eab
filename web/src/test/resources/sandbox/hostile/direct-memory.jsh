// expect: OUT_OF_MEMORY
var bufs = new ArrayList<java.nio.ByteBuffer>();
while (true) bufs.add(java.nio.ByteBuffer.allocateDirect(1 << 20));
