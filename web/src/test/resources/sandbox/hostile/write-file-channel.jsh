// expect: DENIED java.nio.channels.FileChannel
var ch = java.nio.channels.FileChannel.open(Path.of("${MARKER}/channel.bin"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
