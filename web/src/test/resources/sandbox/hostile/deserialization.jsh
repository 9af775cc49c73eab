// expect: DENIED java.io.ObjectInputStream
var in = new ObjectInputStream(new ByteArrayInputStream(new byte[] {(byte) 0xac, (byte) 0xed, 0, 5}));
in.readObject();
